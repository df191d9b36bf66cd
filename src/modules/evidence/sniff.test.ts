import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileBlobStore } from './blob-store.ts';
import { sniffContentType } from './sniff.ts';
import { storeUpload } from './upload.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd6b7a0000000049454e44ae426082', 'hex');
const windowsProgram = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x3c - 2), Buffer.from([0x40, 0, 0, 0]), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

describe('sniffContentType', () => {
  it.each([
    ['a PDF', pdf, 'application/pdf'],
    ['a PNG', png, 'image/png'],
    ['HTML', Buffer.from('  <!DOCTYPE html><html><body>x</body></html>'), 'text/html'],
    ['JSON', Buffer.from('{"questions": 7}'), 'application/json'],
    ['CSV', Buffer.from('company,asked,answered\nMicrosoft,7,0\nGoogle,5,0\n'), 'text/csv'],
    ['plain text', Buffer.from('Microsoft said it intended to reply at the end of the month.'), 'text/plain'],
    ['Arabic text', Buffer.from('\u0645\u0627\u064a\u0643\u0631\u0648\u0633\u0648\u0641\u062a'), 'text/plain'],
    ['binary junk', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]), 'application/octet-stream'],
  ])('recognises %s from its bytes', async (_name, bytes, mime) => {
    expect((await sniffContentType(bytes)).mime).toBe(mime);
  });
});

describe('storeUpload', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'answerable-upload-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('types a PDF named photo.jpg as a PDF: the name never decides', async () => {
    // The name is not even an input; a declared name or browser type would be ignored the same way.
    const stored = await storeUpload(new FileBlobStore(dir), Readable.from([pdf]), { maxBytes: 1024 * 1024 });
    expect(stored).toMatchObject({ contentType: 'application/pdf', ext: 'pdf', size: pdf.length, duplicate: false });
  });

  it('detects a duplicate by its hash', async () => {
    const store = new FileBlobStore(dir);
    const first = await storeUpload(store, pdf, { maxBytes: 1024 * 1024 });
    const second = await storeUpload(store, Readable.from([pdf.subarray(0, 10), pdf.subarray(10)]), { maxBytes: 1024 * 1024 });
    expect(second).toMatchObject({ sha256: first.sha256, duplicate: true });
  });

  it('refuses a program, whatever it is called', async () => {
    await expect(storeUpload(new FileBlobStore(dir), windowsProgram, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses a file over the size limit, also when it streams in after the head', async () => {
    const big = Readable.from([pdf, Buffer.alloc(300 * 1024), Buffer.alloc(300 * 1024)]);
    await expect(storeUpload(new FileBlobStore(dir), big, { maxBytes: 512 * 1024 })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
