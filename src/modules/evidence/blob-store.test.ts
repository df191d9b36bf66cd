import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { FileBlobStore, readBlob } from './blob-store.ts';

let dir: string;
let store: FileBlobStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'answerable-blobs-'));
  store = new FileBlobStore(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('FileBlobStore', () => {
  it('names a blob by the SHA-256 of its bytes and stores it under ab/cd/', async () => {
    const data = Buffer.from('The letter was made public on Friday 10 October 2025.');
    const stored = await store.put(data);
    expect(stored).toEqual({ sha256: sha256(data), size: data.length, created: true });
    expect((await stat(join(dir, stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256))).size).toBe(data.length);
    expect((await readBlob(store, stored.sha256)).equals(data)).toBe(true);
    expect(await store.has(stored.sha256)).toBe(true);
    expect(await store.stat(stored.sha256)).toEqual({ size: data.length });
  });

  it('hashes streams while writing, whatever their chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 2000 }), { maxLength: 8 }), async (chunks) => {
        const buffers = chunks.map((chunk) => Buffer.from(chunk));
        const whole = Buffer.concat(buffers);
        const stored = await store.put(Readable.from(buffers));
        expect(stored.sha256).toBe(sha256(whole));
        expect(stored.size).toBe(whole.length);
      }),
      { numRuns: 30 },
    );
  });

  it('stores the same bytes once and says so', async () => {
    const data = Buffer.from('same bytes');
    const [first, second] = await Promise.all([store.put(data), store.put(Readable.from([data]))]);
    expect([first!.created, second!.created].sort()).toEqual([false, true]);
    expect(first!.sha256).toBe(second!.sha256);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });

  it('refuses a source over the size limit and leaves nothing behind', async () => {
    const error = await store.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['tmp']);
  });

  it('refuses names that are not SHA-256 hex (no path tricks)', async () => {
    expect(() => store.get('../../etc/passwd')).toThrow(AppError);
    await expect(store.has('A'.repeat(64))).rejects.toThrow(AppError);
  });

  it('reports a missing blob as not found', async () => {
    expect(await store.has('0'.repeat(64))).toBe(false);
    await expect(readBlob(store, '0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
