/**
 * The readable text of a capture: what a person would read on the page, without navigation and
 * advertising, so that two captures of the same article can be compared and searched.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ReadableText {
  title: string | null;
  byline: string | null;
  /** As the page states it (ISO 8601 usually), not parsed: evidence keeps the original. */
  publishedTime: string | null;
  siteName: string | null;
  excerpt: string | null;
  /** Paragraphs separated by blank lines; empty for types that carry no text (PDF, images). */
  text: string;
  lang: string | null;
}

export interface ExtractOptions {
  /** The Content-Type header value (parameters such as charset included). */
  contentType?: string;
  /** The Content-Encoding header value, when the server compressed the body anyway. */
  contentEncoding?: string;
  /** Limit on the decompressed size, against compression bombs. */
  maxDecodedBytes?: number;
}

const emptyText: ReadableText = { title: null, byline: null, publishedTime: null, siteName: null, excerpt: null, text: '', lang: null };

/** `url` is the capture's final URL; kept in the signature for resolving relative metadata later. */
export function extractReadable(body: Buffer | string, url: string, options: ExtractOptions = {}): ReadableText {
  void url;
  const contentType = options.contentType ?? 'text/html';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : decodeContentEncoding(body, options.contentEncoding, options.maxDecodedBytes);
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') {
    return extractFromHtml(decodeText(bytes, charsetOf(contentType) ?? sniffHtmlCharset(bytes)));
  }
  if (mediaType.startsWith('text/') || mediaType === 'application/json') {
    return { ...emptyText, text: normaliseText(decodeText(bytes, charsetOf(contentType))) };
  }
  return { ...emptyText };
}

function extractFromHtml(html: string): ReadableText {
  const { document } = parseHTML(html);
  const lang = document.documentElement?.getAttribute('lang') || null;
  const fallbackTitle = document.querySelector('title')?.textContent?.trim() || null;
  const metaPublished = publishedTimeFromMeta(document);
  // Readability rewrites the document it is given; read what we need from it first.
  const article = new Readability(document as never, { charThreshold: 100 }).parse();
  if (!article) {
    const { document: fresh } = parseHTML(html);
    return { ...emptyText, title: fallbackTitle, lang, publishedTime: metaPublished, text: normaliseText(fresh.body?.textContent ?? '') };
  }
  return {
    title: article.title?.trim() || fallbackTitle,
    byline: article.byline?.trim() || null,
    publishedTime: article.publishedTime?.trim() || metaPublished,
    siteName: article.siteName?.trim() || null,
    excerpt: article.excerpt?.trim() || null,
    text: normaliseText(article.textContent ?? ''),
    lang: article.lang || lang,
  };
}

type QueryableDocument = ReturnType<typeof parseHTML>['document'];

function publishedTimeFromMeta(document: QueryableDocument): string | null {
  const selectors = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
  ];
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null;
}

/** Trims each line, collapses runs of spaces, and keeps at most one blank line between paragraphs. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Bytes to text

export function decodeContentEncoding(body: Buffer, contentEncoding: string | undefined, maxDecodedBytes = 100 * 1024 * 1024): Buffer {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  const limits = { maxOutputLength: maxDecodedBytes };
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, limits);
  if (encoding === 'deflate') return inflateSync(body, limits);
  if (encoding === 'br') return brotliDecompressSync(body, limits);
  return body;
}

function charsetOf(contentType: string | undefined): string | undefined {
  const match = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/** The charset a page declares in its first bytes (`<meta charset>`), as browsers do. */
function sniffHtmlCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

function decodeText(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the most likely truth on today's web.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
