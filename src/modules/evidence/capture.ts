/**
 * One capture of a URL: fetch it safely, keep the whole exchange as a WARC, extract its readable
 * text, and store every artefact by hash. Re-archiving the same URL makes a new capture; the
 * service that records captures (later, with the database) compares their texts with text-diff.
 */
import type { BlobStore, StoredBlob } from './blob-store.ts';
import type { ReadableText } from './readable.ts';
import { fetchForArchive, headerValue, type FetchForArchiveOptions, type HeaderPairs } from './safe-fetch.ts';
import { buildCaptureWarc } from './warc.ts';

export interface Capture {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string;
  capturedAt: string;
  remoteAddress: string;
  redirects: number;
  /** The final response's headers, in order, as received. */
  responseHeaders: HeaderPairs;
  /** The WARC file of the whole exchange, redirects included. */
  warc: StoredBlob;
  /** The final response body alone, so that a PDF or image can be served and hashed as itself. */
  body: StoredBlob;
  /** The extracted text as UTF-8, when the type carries text. */
  text: StoredBlob | null;
  readable: ReadableText;
}

export interface CaptureOptions {
  blobStore: BlobStore;
  fetch?: FetchForArchiveOptions;
  /** warcinfo fields, e.g. `{ isPartOf: 'case-42' }`. */
  warcInfo?: Record<string, string>;
}

export async function captureUrl(url: string, options: CaptureOptions): Promise<Capture> {
  const fetched = await fetchForArchive(url, options.fetch);
  const finalHeaders = fetched.hops[fetched.hops.length - 1]!.response.headers;
  // Readability and its DOM load on the first capture, not with every server start.
  const { extractReadable } = await import('./readable.ts');
  const readable = extractReadable(fetched.body, fetched.finalUrl, {
    contentType: headerValue(finalHeaders, 'content-type') ?? fetched.contentType,
    contentEncoding: headerValue(finalHeaders, 'content-encoding'),
  });
  const warcBytes = await buildCaptureWarc(fetched, { info: options.warcInfo });
  const [warc, body, text] = await Promise.all([
    options.blobStore.put(warcBytes),
    options.blobStore.put(fetched.body),
    readable.text === '' ? Promise.resolve(null) : options.blobStore.put(Buffer.from(readable.text, 'utf8')),
  ]);
  return {
    requestedUrl: fetched.requestedUrl,
    finalUrl: fetched.finalUrl,
    status: fetched.status,
    contentType: fetched.contentType,
    capturedAt: fetched.startedAt,
    remoteAddress: fetched.remoteAddress,
    redirects: fetched.hops.length - 1,
    responseHeaders: finalHeaders,
    warc,
    body,
    text,
    readable,
  };
}
