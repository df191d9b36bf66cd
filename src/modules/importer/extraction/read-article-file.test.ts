import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { extractArticle } from './extract-article.ts';
import { maxArticleFileBytes, readArticleFile } from './read-article-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'answerable-extract-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(path: string): Promise<AppError> {
  const error = await readArticleFile(path).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('readArticleFile', () => {
  it('reads a plain-text article', async () => {
    const article = await readArticleFile(file('a.txt', '\uFEFFRights groups wrote to Acme Inc.\r\n'));
    expect(article).toEqual({ text: 'Rights groups wrote to Acme Inc.\n', format: 'text', title: null });
  });

  it('finds the article in an HTML page with readability, leaving navigation out', async () => {
    const paragraphs = [
      'Halcyon Cloud said on Wednesday it had suspended a speech-analytics service used by a European border agency.',
      '"This is a partial answer to a serious problem," said Sofia Lindqvist, head of policy at Nordic Digital Liberties. She said two of the questions were ignored and the group would keep asking.',
      'The letter, dated 29 April, had given the company until 15 May to respond. Halcyon asked for, and was granted, an extension of one week, and published its reply alongside the letter.',
    ];
    const html = `<!doctype html><html><head><title>Halcyon suspends service</title></head><body>
      <nav><a href="/">Home</a> › <a href="/news">News</a> <a href="/x">Facebook Microsoft Share</a></nav>
      <article><h1>Halcyon suspends service</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
      <footer>Subscribe to our newsletter. Contact Acme Media Group.</footer></body></html>`;
    const article = await readArticleFile(file('page.html', html));
    expect(article.format).toBe('html');
    expect(article.text).toContain('Halcyon Cloud said on Wednesday');
    expect(article.text).not.toContain('Subscribe');
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    const result = extractArticle(article.text, { published: '2026-05-22' });
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Sofia Lindqvist', affiliation: 'Nordic Digital Liberties' }));
    expect(result.organizations.map((o) => o.name)).not.toContain('Microsoft');
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'response_deadline', date: '2026-05-15' }));
  });

  it('refuses an empty or whitespace-only file', async () => {
    expect((await failure(file('empty.txt', ''))).message).toBe('file: is empty');
    expect((await failure(file('blank.txt', ' \n\t\n'))).message).toBe('file: is empty');
  });

  it('refuses a binary file and a file that is not UTF-8', async () => {
    const binary = await failure(file('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])));
    expect(binary.code).toBe('VALIDATION_FAILED');
    expect(binary.message).toBe('file: is a binary file, not text');
    expect((await failure(file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])))).message).toBe('file: is not valid UTF-8 text');
  });

  it('refuses a 20 MB file before reading it', async () => {
    const huge = await failure(file('huge.txt', new Uint8Array(20 * 1024 * 1024).fill(0x61)));
    expect(huge.code).toBe('PAYLOAD_TOO_LARGE');
    expect(huge.message).toMatch(/20\.0 MB, over the 5\.0 MB limit/);
    expect(maxArticleFileBytes).toBe(5 * 1024 * 1024);
  });

  it('reports a missing file', async () => {
    expect((await failure(join(dir, 'nope.txt'))).code).toBe('NOT_FOUND');
  });

  it('reads Arabic and Hebrew text, which extraction leaves empty', async () => {
    const article = await readArticleFile(file('ar.txt', 'قالت منظمة العفو الدولية إن الشركة لم ترد.\nארגון זכויות האדם שלח מכתב.'));
    expect(extractArticle(article.text, { published: '2026-01-01' }).organizations).toEqual([]);
  });
});
