/**
 * Reads an article from a .txt or .html file and returns its plain text. HTML goes through
 * @mozilla/readability (over linkedom) to find the article among the page furniture; record
 * offsets then point into this returned text, not into the HTML source.
 *
 * Bad input is refused with a clear AppError rather than extracted into noise: missing, empty,
 * binary (NUL bytes) or non-UTF-8 files, and files over `maxArticleFileBytes`.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { AppError } from '../../../shared/errors.ts';

/** 5 MB: far above any article, low enough that extraction stays fast. */
export const maxArticleFileBytes = 5 * 1024 * 1024;

export interface ArticleFile {
  text: string;
  format: 'text' | 'html';
  title: string | null;
}

export async function readArticleFile(path: string): Promise<ArticleFile> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('NOT_FOUND', `file: ${path} not found`, [{ field: 'file', message: 'not found' }]);
  if (info.size > maxArticleFileBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `file: is ${formatMegabytes(info.size)}, over the ${formatMegabytes(maxArticleFileBytes)} limit`, [
      { field: 'file', message: `is larger than ${formatMegabytes(maxArticleFileBytes)}` },
    ]);
  }
  return readArticleBytes(await readFile(path), path);
}

/** The same for a file's bytes (an upload, a form's file field); `filename` only says whether it is HTML. */
export function readArticleBytes(bytes: Uint8Array, filename: string | null): ArticleFile {
  if (bytes.length > maxArticleFileBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `file: is ${formatMegabytes(bytes.length)}, over the ${formatMegabytes(maxArticleFileBytes)} limit`, [
      { field: 'file', message: `is larger than ${formatMegabytes(maxArticleFileBytes)}` },
    ]);
  }
  const raw = decodeText(bytes);
  const isHtml = ['.html', '.htm', '.xhtml'].includes(extname(filename ?? '').toLowerCase()) || /^\s*<(?:!doctype html|html|head|body)\b/i.test(raw);
  const article = isHtml ? htmlToArticle(raw) : { text: raw, title: null };
  if (article.text.trim() === '') throw AppError.invalid('file', isHtml ? 'has no article text' : 'is empty');
  return { ...article, format: isHtml ? 'html' : 'text' };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** UTF-8 text or a clear refusal: NUL bytes mean a binary file, decoding errors another encoding. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw AppError.invalid('file', 'is empty');
  if (bytes.includes(0)) throw AppError.invalid('file', 'is a binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw AppError.invalid('file', 'is not valid UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw AppError.invalid('file', 'is empty');
  return text;
}

const blockEnd = /<\/(?:p|h[1-6]|li|blockquote|div|section|article|header|footer|tr|pre|figcaption)>|<br\s*\/?>/gi;

/** The article's text with one blank line between blocks, so sentences and paragraphs survive. */
export function htmlToArticle(html: string): { text: string; title: string | null } {
  const { document } = parseHTML(html);
  // Readability mutates the document it reads; it gets its own.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  const content = article?.content ?? document.body?.innerHTML ?? html;
  const { document: fragment } = parseHTML(`<!doctype html><html><body>${content.replace(blockEnd, (tag: string) => `${tag}\n\n`)}</body></html>`);
  const body = (fragment.body?.textContent ?? '')
    .split('\n').map((line: string) => line.replace(/[ \t\u00a0]+/g, ' ').trim()).join('\n')
    .replace(/\n{3,}/g, '\n\n').trim();
  const title = article?.title?.trim() || null;
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return { text, title };
}
