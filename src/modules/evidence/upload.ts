/**
 * A file uploaded as a source (PDF, image, recording, office document): typed from its bytes,
 * limited in size, hashed while it streams into the blob store, and recognised when the same
 * bytes were uploaded before.
 */
import { AppError } from '../../shared/errors.ts';
import type { BlobSource, BlobStore } from './blob-store.ts';
import { isTypeAllowed, sniffContentType, sniffHeadBytes, uploadableTypes } from './sniff.ts';

export interface UploadOptions {
  maxBytes: number;
  allowedTypes?: readonly string[];
}

export interface StoredUpload {
  sha256: string;
  size: number;
  /** Sniffed from the bytes. */
  contentType: string;
  ext: string | null;
  /** The same bytes were already stored (by this or another source). */
  duplicate: boolean;
}

export async function storeUpload(store: BlobStore, source: BlobSource, options: UploadOptions): Promise<StoredUpload> {
  const { head, isComplete, whole } = await peekHead(source, sniffHeadBytes);
  if (head.length > options.maxBytes) throw tooLarge(options.maxBytes);
  const sniffed = await sniffContentType(head, isComplete);
  if (!isTypeAllowed(sniffed.mime, options.allowedTypes ?? uploadableTypes)) {
    const message = `files of type ${sniffed.mime} cannot be uploaded as sources`;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ field: 'file', message }]);
  }
  const stored = await store.put(whole, { maxBytes: options.maxBytes });
  return { sha256: stored.sha256, size: stored.size, contentType: sniffed.mime, ext: sniffed.ext, duplicate: !stored.created };
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`, [{ field: 'file', message: 'too large' }]);
}

/**
 * Reads the first `size` bytes of a stream for sniffing, and gives back a stream of the whole
 * content (head included) so nothing has to be buffered beyond the head.
 */
export async function peekHead(source: BlobSource, size: number): Promise<{ head: Buffer; isComplete: boolean; whole: AsyncIterable<Buffer> }> {
  if (Buffer.isBuffer(source)) return { head: source.subarray(0, size), isComplete: source.length <= size, whole: once(source) };
  const iterator = (source as AsyncIterable<Buffer | Uint8Array>)[Symbol.asyncIterator]();
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let isComplete = false;
  while (headLength < size) {
    const next = await iterator.next();
    if (next.done) {
      isComplete = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    headChunks.push(chunk);
    headLength += chunk.length;
  }
  const head = Buffer.concat(headChunks);
  async function* whole(): AsyncIterable<Buffer> {
    yield head;
    if (isComplete) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    }
  }
  return { head: head.subarray(0, size), isComplete, whole: whole() };
}

async function* once(buffer: Buffer): AsyncIterable<Buffer> {
  yield buffer;
}
