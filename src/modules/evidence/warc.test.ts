import { describe, expect, it } from 'vitest';
import type { FetchedResource, FetchHop } from './safe-fetch.ts';
import { buildCaptureWarc, readFinalResponse, readWarcHttpRecords } from './warc.ts';

function hop(url: string, status: number, headers: Array<[string, string]>, body: Buffer): FetchHop {
  const target = new URL(url).pathname;
  return {
    url,
    request: { method: 'GET', target, httpVersion: '1.1', requestLine: `GET ${target} HTTP/1.1`, headers: [['Host', new URL(url).host], ['User-Agent', 'test-agent']] },
    response: { httpVersion: '1.1', status, statusText: status === 200 ? 'OK' : 'Found', statusLine: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Found'}`, headers, body },
    remoteAddress: '93.184.216.34',
    remotePort: 443,
    startedAt: '2025-10-10T12:00:00.000Z',
    durationMs: 12,
  };
}

// Bytes that a careless text conversion would damage: CR LF, NUL, invalid UTF-8.
const binaryBody = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, 0x80]);

const capture: FetchedResource = {
  requestedUrl: 'https://news.example/letter',
  finalUrl: 'https://news.example/2025/letter.pdf',
  hops: [
    hop('https://news.example/letter', 302, [['Location', '/2025/letter.pdf']], Buffer.from('moved')),
    hop('https://news.example/2025/letter.pdf', 200, [['Content-Type', 'application/pdf'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']], binaryBody),
  ],
  status: 200,
  contentType: 'application/pdf',
  body: binaryBody,
  remoteAddress: '93.184.216.34',
  remotePort: 443,
  startedAt: '2025-10-10T12:00:00.000Z',
  durationMs: 30,
};

describe('WARC captures', () => {
  it('writes WARC/1.1 with warcinfo, then request and response for every hop', async () => {
    const warc = await buildCaptureWarc(capture, { info: { isPartOf: 'case-microsoft-unit-8200' } });
    const text = warc.toString('latin1');
    expect(text.startsWith('WARC/1.1\r\n')).toBe(true);
    expect(text.match(/WARC-Type: (\w+)/g)).toEqual(['WARC-Type: warcinfo', 'WARC-Type: request', 'WARC-Type: response', 'WARC-Type: request', 'WARC-Type: response']);
    expect(text).toContain('WARC-IP-Address: 93.184.216.34');
    expect(text).toMatch(/WARC-Payload-Digest: sha256:[0-9a-f]{64}/);
    expect(text).toContain('isPartOf: case-microsoft-unit-8200');
  });

  it('gives back every byte of the bodies and the headers as stored', async () => {
    const records = await readWarcHttpRecords(await buildCaptureWarc(capture));
    expect(records.map((record) => `${record.type} ${record.targetUri}`)).toEqual([
      'request https://news.example/letter',
      'response https://news.example/letter',
      'request https://news.example/2025/letter.pdf',
      'response https://news.example/2025/letter.pdf',
    ]);
    const final = await readFinalResponse(await buildCaptureWarc(capture));
    expect(final.body.equals(binaryBody)).toBe(true);
    expect(final.statusLine).toBe('HTTP/1.1 200 OK');
    expect(final.headers).toContainEqual(['Set-Cookie', 'a=1']);
    expect(final.headers).toContainEqual(['Set-Cookie', 'b=2']);
    expect(final.ipAddress).toBe('93.184.216.34');
    expect(records[0]!.statusLine).toBe('GET /letter HTTP/1.1');
  });

  it('links each request to its response', async () => {
    const text = (await buildCaptureWarc(capture)).toString('latin1');
    const concurrent = [...text.matchAll(/WARC-Concurrent-To: (<urn:uuid:[^>]+>)/g)].map((match) => match[1]!);
    expect(concurrent).toHaveLength(2);
    // Each id a request points at is the record id of exactly one record.
    for (const id of concurrent) expect(text.split(`WARC-Record-ID: ${id}`)).toHaveLength(2);
  });
});
