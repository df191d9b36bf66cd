/**
 * Content-addressed storage for evidence artefacts (WARC files, uploads, extracted text).
 *
 * A blob is named by the SHA-256 of its bytes, so a name can never point at changed content and
 * storing the same bytes twice is a no-op. The interface is small on purpose: an S3-compatible
 * implementation only needs these four operations (multi-server deployments share one bucket).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';
import { AppError } from '../../shared/errors.ts';

export type BlobSource = Buffer | AsyncIterable<Buffer | Uint8Array> | Readable;

export interface BlobLimits {
  /** Refuse (and store nothing) when the source is larger than this. */
  maxBytes?: number;
}

export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when a blob with these bytes was already stored: a duplicate. */
  created: boolean;
}

export interface BlobStore {
  put(source: BlobSource, limits?: BlobLimits): Promise<StoredBlob>;
  /** The blob's bytes; the stream errors with NOT_FOUND when there is no such blob. */
  get(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
  stat(sha256: string): Promise<{ size: number } | null>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  // Also what keeps a caller-supplied name from walking out of the store's directory.
  if (!sha256Pattern.test(sha256)) throw AppError.invalid('sha256', 'must be 64 lower-case hexadecimal characters');
}

/** Blobs as files under `dir/ab/cd/<sha256>`; two levels of fan-out keep directories small. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  pathOf(sha256: string): string {
    assertSha256(sha256);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: BlobSource, limits: BlobLimits = {}): Promise<StoredBlob> {
    const tempDir = join(this.dir, 'tmp');
    await mkdir(tempDir, { recursive: true });
    const tempPath = join(tempDir, `${randomUUID()}.part`);
    try {
      const { sha256, size } = await writeWhileHashing(source, tempPath, limits.maxBytes);
      const created = await this.moveIntoPlace(tempPath, sha256);
      return { sha256, size, created };
    } finally {
      await unlink(tempPath).catch(() => undefined);
    }
  }

  get(sha256: string): Readable {
    return Readable.from(readFileChunks(this.pathOf(sha256), sha256), { objectMode: false });
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== null;
  }

  async stat(sha256: string): Promise<{ size: number } | null> {
    try {
      return { size: (await stat(this.pathOf(sha256))).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * A hard link, not a rename: link() fails when the name exists, so an existing blob is never
   * overwritten (even by a concurrent writer of the same bytes), and the name appears atomically
   * with complete, fsynced content.
   */
  private async moveIntoPlace(tempPath: string, sha256: string): Promise<boolean> {
    const finalPath = this.pathOf(sha256);
    const finalDir = join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4));
    await mkdir(finalDir, { recursive: true });
    try {
      await link(tempPath, finalPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    await fsyncDirectory(finalDir);
    return true;
  }
}

async function writeWhileHashing(source: BlobSource, tempPath: string, maxBytes = Number.POSITIVE_INFINITY): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const file = createWriteStream(tempPath, { flags: 'wx', mode: 0o640 });
  let size = 0;
  try {
    for await (const chunk of chunksOf(source)) {
      size += chunk.length;
      if (size > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`);
      hash.update(chunk);
      if (!file.write(chunk)) await onceDrained(file);
    }
    file.end();
    await finished(file);
  } catch (error) {
    // Wait for the close, or the caller's unlink could run before the file even exists.
    if (!file.closed) {
      const closed = once(file, 'close');
      file.destroy();
      await closed;
    }
    throw error;
  }
  await fsyncFile(tempPath);
  return { sha256: hash.digest('hex'), size };
}

async function* readFileChunks(path: string, sha256: string): AsyncIterable<Buffer> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw AppError.notFound(`Blob ${sha256}`);
    throw error;
  }
}

async function* chunksOf(source: BlobSource): AsyncIterable<Buffer> {
  if (Buffer.isBuffer(source)) {
    yield source;
    return;
  }
  for await (const chunk of source as AsyncIterable<Buffer | Uint8Array | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

function onceDrained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    stream.once('drain', () => {
      stream.off('error', onError);
      resolve();
    });
  });
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDirectory(path: string): Promise<void> {
  // Makes the new name durable; not every platform allows it (Windows), hence best effort.
  await fsyncFile(path).catch(() => undefined);
}

/** Convenience for tests and small artefacts. */
export async function readBlob(store: BlobStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of store.get(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

