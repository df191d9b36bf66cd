import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from './address-policy.ts';
import { FileBlobStore, readBlob } from './blob-store.ts';
import { captureUrl } from './capture.ts';
import { diffCaptureTexts } from './text-diff.ts';
import { readFinalResponse } from './warc.ts';

let server: http.Server;
let port: number;
let dir: string;
let edition = 1;

const page = (sentence: string) =>
  `<html lang="en"><head><title>Statement</title></head><body><article><h1>Statement</h1>${Array.from({ length: 5 }, () => `<p>${sentence} We are committed to human rights across all of our products and services.</p>`).join('')}</article></body></html>`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'answerable-capture-'));
  server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page(edition === 1 ? 'We will reply by the end of the month.' : 'We will reply in due course.'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('captureUrl', () => {
  it('stores WARC, body and text by hash, and a re-capture shows what changed', async () => {
    const blobStore = new FileBlobStore(join(dir, 'blobs'));
    const options = { blobStore, fetch: { allowHosts: parseAllowList(`127.0.0.1:${port}`) } };
    const first = await captureUrl(`http://127.0.0.1:${port}/statement`, options);
    expect(first).toMatchObject({ status: 200, contentType: 'text/html', redirects: 0, readable: { title: 'Statement', lang: 'en' } });
    const warcResponse = await readFinalResponse(await readBlob(blobStore, first.warc.sha256));
    expect(warcResponse.body.equals(await readBlob(blobStore, first.body.sha256))).toBe(true);
    expect((await readBlob(blobStore, first.text!.sha256)).toString()).toContain('by the end of the month');

    edition = 2;
    const second = await captureUrl(`http://127.0.0.1:${port}/statement`, options);
    expect(second.warc.sha256).not.toBe(first.warc.sha256);
    const diff = diffCaptureTexts(first.readable.text, second.readable.text);
    const textOf = (kind: string) => diff.parts.filter((part) => part.kind === kind).map((part) => part.text).join('');
    expect(textOf('removed')).toContain('We will reply by the end of the month.');
    expect(textOf('added')).toContain('We will reply in due course.');
  });
});
