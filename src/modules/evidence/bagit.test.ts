import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import fc from 'fast-check';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeManifestPath, encodeManifestPath, isSafeRelativePath, verifyBagZip, writeBagZip, type BagVerification } from './bagit.ts';
import { loadOrCreateInstanceKey, type InstanceKey } from './instance-key.ts';

let dir: string;
let key: InstanceKey;
let otherKey: InstanceKey;
let bag: string;
let bagBytes: Buffer;

const payload = [
  { path: 'captures/guardian-2025-08.warc', open: () => Buffer.from('WARC/1.1\r\nWARC-Type: response\r\n\r\nintercepted calls stored on Azure') },
  { path: 'uploads/letter to Microsoft.pdf', open: () => Readable.from([Buffer.from('%PDF-1.7 seven questions'), Buffer.from(' answers expected by 10 October')]) },
  { path: 'notes/100% done.txt', open: () => Buffer.from('') },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'answerable-bag-'));
  key = await loadOrCreateInstanceKey(join(dir, 'key'));
  otherKey = await loadOrCreateInstanceKey(join(dir, 'other-key'));
  bag = join(dir, 'bag.zip');
  await writeBagZip(bag, { payload, key, bagName: 'case-microsoft-unit-8200', bagInfo: { 'Source-Organization': 'Example Rights Group', 'External-Description': 'Line one\nline two' }, baggingDate: new Date('2025-10-10T12:00:00Z') });
  bagBytes = await readFile(bag);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let variant = 0;
async function verifyBytes(bytes: Buffer, publicKeyPem = key.publicKeyPem): Promise<BagVerification> {
  const file = join(dir, `variant-${variant++}.zip`);
  await writeFile(file, bytes);
  try {
    return await verifyBagZip(file, publicKeyPem);
  } finally {
    await rm(file);
  }
}

type ZipEntries = Map<string, Buffer>;

async function readEntries(file: string): Promise<ZipEntries> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries: ZipEntries = new Map();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return entries;
}

/** Re-zips entries the way the writer does, so only the bag's content differs, never the zip's form. */
async function rezip(entries: ZipEntries): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const file = join(dir, `rezip-${variant++}.zip`);
  const output = createWriteStream(file);
  zip.outputStream.pipe(output);
  for (const [name, data] of entries) zip.addBuffer(data, name, { mtime: new Date('2025-10-10T12:00:00Z'), mode: 0o100644, compress: false, forceDosTimestamp: true });
  zip.end();
  await finished(output);
  const bytes = await readFile(file);
  await rm(file);
  return bytes;
}

describe('case bundles', () => {
  it('verifies a bundle it wrote', async () => {
    expect(await verifyBagZip(bag, key.publicKeyPem)).toEqual({ ok: true, payloadFiles: 3, payloadBytes: expect.any(Number) });
  });

  it('writes the BagIt tag files', async () => {
    const entries = await readEntries(bag);
    const text = (name: string) => entries.get(`case-microsoft-unit-8200/${name}`)!.toString();
    expect(text('bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(text('bag-info.txt')).toContain('Bagging-Date: 2025-10-10\n');
    expect(text('bag-info.txt')).toMatch(/Payload-Oxum: \d+\.3\n/);
    expect(text('bag-info.txt')).toContain('External-Description: Line one\n  line two\n');
    expect(text('manifest-sha256.txt')).toContain('  data/notes/100%25 done.txt\n');
    expect(text('tagmanifest-sha256.txt').split('\n').filter(Boolean).map((line) => line.split('  ')[1])).toEqual(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']);
    expect(text('tagmanifest-sha256.txt.sig')).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    const rezipped = await rezip(entries);
    expect(await verifyBytes(rezipped)).toMatchObject({ ok: true });
  });

  it('fails, without throwing, when any single byte of the zip changes', async () => {
    for (let index = 0; index < bagBytes.length; index++) {
      const changed = Buffer.from(bagBytes);
      changed[index]! ^= 0x01;
      const result = await verifyBytes(changed);
      if (result.ok) throw new Error(`a change at byte ${index} went unnoticed`);
    }
  });

  it('fails for any change of any byte to any other value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bagBytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (index, xor) => {
        const changed = Buffer.from(bagBytes);
        changed[index]! ^= xor;
        expect((await verifyBytes(changed)).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('fails when the file is cut short or has bytes appended', async () => {
    expect((await verifyBytes(bagBytes.subarray(0, bagBytes.length - 1))).ok).toBe(false);
    expect((await verifyBytes(Buffer.concat([bagBytes, Buffer.from([0])]))).ok).toBe(false);
    expect((await verifyBytes(Buffer.alloc(0))).ok).toBe(false);
  });

  it('names the file whose content changed', async () => {
    const entries = await readEntries(bag);
    entries.set('case-microsoft-unit-8200/data/uploads/letter to Microsoft.pdf', Buffer.from('%PDF-1.7 a different letter'));
    expect(await verifyBytes(await rezip(entries))).toEqual({ ok: false, firstFailure: { path: 'data/uploads/letter to Microsoft.pdf', reason: 'SHA-256 does not match the manifest' } });
  });

  it('fails when a payload file is removed', async () => {
    const entries = await readEntries(bag);
    entries.delete('case-microsoft-unit-8200/data/captures/guardian-2025-08.warc');
    expect(await verifyBytes(await rezip(entries))).toMatchObject({ ok: false, firstFailure: { path: 'data/captures/guardian-2025-08.warc' } });
  });

  it('fails when a payload file or a tag file is added', async () => {
    const withPayload = await readEntries(bag);
    withPayload.set('case-microsoft-unit-8200/data/planted.txt', Buffer.from('planted'));
    expect(await verifyBytes(await rezip(withPayload))).toMatchObject({ ok: false, firstFailure: { path: 'data/planted.txt', reason: 'payload file not in the manifest' } });
    const withTag = await readEntries(bag);
    withTag.set('case-microsoft-unit-8200/extra-notes.txt', Buffer.from('planted'));
    expect(await verifyBytes(await rezip(withTag))).toMatchObject({ ok: false, firstFailure: { path: 'extra-notes.txt' } });
  });

  it('fails when a tag file or the signature is removed', async () => {
    for (const name of ['bag-info.txt', 'tagmanifest-sha256.txt.sig', 'manifest-sha256.txt', 'bagit.txt']) {
      const entries = await readEntries(bag);
      entries.delete(`case-microsoft-unit-8200/${name}`);
      expect(await verifyBytes(await rezip(entries))).toMatchObject({ ok: false, firstFailure: { path: name } });
    }
  });

  it('fails for a bundle signed with another key', async () => {
    const other = join(dir, 'other.zip');
    await writeBagZip(other, { payload, key: otherKey });
    expect(await verifyBagZip(other, key.publicKeyPem)).toMatchObject({ ok: false, firstFailure: { path: 'tagmanifest-sha256.txt.sig' } });
    expect(await verifyBagZip(other, otherKey.publicKeyPem)).toMatchObject({ ok: true });
  });

  it('reports a file that is not a zip, or missing, as a failure', async () => {
    expect((await verifyBytes(Buffer.from('not a zip at all, just some text padding it out'))).ok).toBe(false);
    expect((await verifyBagZip(join(dir, 'missing.zip'), key.publicKeyPem)).ok).toBe(false);
  });

  it('fails cleanly, leaving no file, when a payload source fails', async () => {
    const broken = join(dir, 'broken.zip');
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk went away'));
      },
    });
    await expect(writeBagZip(broken, { payload: [payload[0]!, { path: 'x.bin', open: () => failing }], key })).rejects.toThrow(/disk went away/);
    await expect(readFile(broken)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses unsafe payload paths when writing', async () => {
    for (const path of ['../escape.txt', '/etc/passwd', 'a/../../b', 'a//b', 'C:/x', 'a\\b']) {
      await expect(writeBagZip(join(dir, 'unsafe.zip'), { payload: [{ path, open: () => Buffer.from('x') }], key })).rejects.toThrow(/Unsafe/);
    }
  });
});

describe('bag paths', () => {
  it('percent-encodes CR, LF and % in manifests, reversibly', () => {
    expect(encodeManifestPath('data/a%b\r\nc.txt')).toBe('data/a%25b%0D%0Ac.txt');
    fc.assert(
      fc.property(fc.string(), (path) => {
        expect(decodeManifestPath(encodeManifestPath(path))).toBe(path);
      }),
    );
  });

  it('accepts only relative paths without . or .. segments', () => {
    expect(isSafeRelativePath('data/captures/a.warc')).toBe(true);
    for (const path of ['', '/abs', '../x', 'a/../b', 'a/./b', 'a//b', 'a\\b', 'C:x', 'a/\0']) expect(isSafeRelativePath(path)).toBe(false);
  });
});
