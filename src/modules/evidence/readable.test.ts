import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractReadable, normaliseText } from './readable.ts';

const article = `<!doctype html>
<html lang="en"><head>
<title>Rights groups publish letter to Microsoft | News</title>
<meta property="article:published_time" content="2025-10-10T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Rights groups publish letter to Microsoft</h1>
<p class="byline">By <span>Jane Reporter</span></p>
${Array.from({ length: 6 }, (_, index) => `<p>Paragraph ${index + 1}: six rights groups, among them Human Rights Watch, Amnesty International and Access Now, sent Microsoft a letter with seven questions and asked for answers by 10 October.</p>`).join('\n')}
</article>
<footer>Cookie settings</footer>
</body></html>`;

describe('extractReadable', () => {
  it('finds the title, byline, publication date, language and article text of a page', () => {
    const readable = extractReadable(Buffer.from(article), 'https://news.example/letter', { contentType: 'text/html; charset=utf-8' });
    expect(readable.title).toContain('Rights groups publish letter to Microsoft');
    expect(readable.byline).toMatch(/Jane Reporter/);
    expect(readable.publishedTime).toBe('2025-10-10T09:30:00Z');
    expect(readable.lang).toBe('en');
    expect(readable.text).toContain('Paragraph 6: six rights groups');
    expect(readable.text).not.toContain('Cookie settings');
  });

  it('decodes the charset a page declares, and a gzip body', () => {
    const latin1 = Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf\u00e9</title></head><body><p>R\u00e9sum\u00e9</p></body></html>', 'latin1');
    expect(extractReadable(latin1, 'https://x.example/').title).toBe('Caf\u00e9');
    const gzipped = gzipSync(Buffer.from(article));
    expect(extractReadable(gzipped, 'https://x.example/', { contentType: 'text/html', contentEncoding: 'gzip' }).text).toContain('Paragraph 1');
  });

  it('keeps plain text as it is, and gives no text for PDF or images', () => {
    expect(extractReadable(Buffer.from('Line one\r\n\r\n\r\nLine   two\n'), 'https://x.example/a.txt', { contentType: 'text/plain' }).text).toBe('Line one\n\nLine two');
    expect(extractReadable(Buffer.from('%PDF-1.7'), 'https://x.example/a.pdf', { contentType: 'application/pdf' })).toMatchObject({ text: '', title: null });
  });

  it('falls back to the whole body for a page that is not an article', () => {
    const readable = extractReadable('<html><head><title>Short</title></head><body><p>Tiny.</p></body></html>', 'https://x.example/');
    expect(readable.title).toBe('Short');
    expect(readable.text).toContain('Tiny.');
  });

  it('normalises whitespace without joining paragraphs', () => {
    expect(normaliseText('  a \t b \n\n\n\n c  ')).toBe('a b\n\nc');
  });
});
