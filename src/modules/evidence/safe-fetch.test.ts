import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { parseAllowList } from './address-policy.ts';
import { fetchForArchive, type FetchForArchiveOptions } from './safe-fetch.ts';

/** A local server the tests start themselves; it counts connections to prove refusals happen first. */
let server: http.Server;
let port: number;
let connections = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const redirects = /^\/redirect\/(\d+)$/.exec(url.pathname);
    if (redirects) {
      const remaining = Number(redirects[1]);
      response.writeHead(302, { Location: remaining > 1 ? `/redirect/${remaining - 1}` : '../page?from=redirect' });
      return response.end('moved');
    }
    switch (url.pathname) {
      case '/page':
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'a=1' });
        return response.end('<html><head><title>Letter</title></head><body><p>Microsoft said it would reply.</p></body></html>');
      case '/to-metadata':
        response.writeHead(301, { Location: 'http://169.254.169.254/latest/meta-data/' });
        return response.end();
      case '/to-localhost':
        response.writeHead(302, { Location: `http://localhost:${port}/page` });
        return response.end();
      case '/slow':
        return; // never answers
      case '/big':
        response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(2 * 1024 * 1024) });
        return response.end(Buffer.alloc(2 * 1024 * 1024, 'a'));
      case '/big-chunked':
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        for (let index = 0; index < 32; index++) response.write(Buffer.alloc(64 * 1024, 'b'));
        return response.end();
      case '/program':
        response.writeHead(200, { 'Content-Type': 'application/x-msdownload' });
        return response.end('MZ');
      default:
        response.writeHead(404, { 'Content-Type': 'text/html' });
        return response.end('<p>gone</p>');
    }
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowLocal = (): FetchForArchiveOptions => ({ allowHosts: parseAllowList(`127.0.0.1:${port}`) });

async function refusal(url: string, options: FetchForArchiveOptions = {}): Promise<AppError> {
  const error = await fetchForArchive(url, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('fetchForArchive refuses addresses that are not on the public internet', () => {
  it.each([
    ['loopback IPv4', (p: number) => `http://127.0.0.1:${p}/page`],
    ['loopback in decimal', (p: number) => `http://2130706433:${p}/page`],
    ['loopback in octal', (p: number) => `http://0177.0.0.1:${p}/page`],
    ['loopback in hex', (p: number) => `http://0x7f.0.0.1:${p}/page`],
    ['loopback IPv6', (p: number) => `http://[::1]:${p}/page`],
    ['IPv4-mapped IPv6 loopback', (p: number) => `http://[::ffff:127.0.0.1]:${p}/page`],
    ['a name that resolves to loopback', (p: number) => `http://localhost:${p}/page`],
    ['private', () => 'http://10.0.0.1/'],
    ['private 172.16/12', () => 'http://172.20.1.1/'],
    ['private 192.168/16', () => 'http://192.168.0.1/'],
    ['CGNAT', () => 'http://100.64.1.1/'],
    ['link-local', () => 'http://169.254.10.10/'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['cloud metadata (Alibaba)', () => 'http://100.100.100.200/'],
    ['cloud metadata IPv6', () => 'http://[fd00:ec2::254]/'],
    ['unique-local IPv6', () => 'http://[fd12::1]/'],
    ['link-local IPv6', () => 'http://[fe80::1]/'],
    ['multicast', () => 'http://224.0.0.1/'],
    ['multicast IPv6', () => 'http://[ff02::1]/'],
    ['unspecified', () => 'http://0.0.0.0/'],
    ['unspecified IPv6', () => 'http://[::]/'],
    ['broadcast', () => 'http://255.255.255.255/'],
  ])('%s', async (_name, urlFor) => {
    const before = connections;
    const error = await refusal(urlFor(port));
    expect(error.code).toBe('FETCH_REFUSED');
    expect(error.issues[0]?.field).toBe('url');
    expect(connections).toBe(before);
  });

  it('refuses a DNS name that resolves to a private address, before connecting', async () => {
    const resolveHost = async () => [{ address: '10.0.0.5', family: 4 as const }];
    const error = await refusal('http://intranet.example/', { resolveHost });
    expect(error.code).toBe('FETCH_REFUSED');
    expect(error.message).toMatch(/10\.0\.0\.5.*private/);
  });

  it('refuses a name with one public and one private address (DNS rebinding)', async () => {
    const resolveHost = async () => [
      { address: '93.184.216.34', family: 4 as const },
      { address: 'fd00::1', family: 6 as const },
    ];
    expect((await refusal('http://rebind.example/', { resolveHost })).code).toBe('FETCH_REFUSED');
  });

  it('refuses schemes other than http and https', async () => {
    expect((await refusal('file:///etc/passwd')).code).toBe('FETCH_REFUSED');
    expect((await refusal('ftp://example.org/')).code).toBe('FETCH_REFUSED');
    expect((await refusal('not a url')).code).toBe('FETCH_REFUSED');
  });

  it('refuses a redirect from an allowed server to a forbidden address', async () => {
    const error = await refusal(`http://127.0.0.1:${port}/to-metadata`, allowLocal());
    expect(error.code).toBe('FETCH_REFUSED');
    expect(error.message).toMatch(/cloud-metadata/);
  });

  it('re-checks the host of every hop: a redirect to a loopback name that is not allowed', async () => {
    const error = await refusal(`http://127.0.0.1:${port}/to-localhost`, allowLocal());
    expect(error.code).toBe('FETCH_REFUSED');
    expect(error.message).toMatch(/localhost/);
  });
});

describe('fetchForArchive on an allowed local server', () => {
  it('fetches and records the whole exchange', async () => {
    const result = await fetchForArchive(`http://127.0.0.1:${port}/page`, allowLocal());
    expect(result.status).toBe(200);
    expect(result.contentType).toBe('text/html');
    expect(result.body.toString()).toContain('Microsoft said it would reply.');
    expect(result.remoteAddress).toBe('127.0.0.1');
    expect(result.remotePort).toBe(port);
    expect(result.hops).toHaveLength(1);
    expect(result.hops[0]!.request.requestLine).toBe('GET /page HTTP/1.1');
    expect(result.hops[0]!.request.headers).toContainEqual(['Host', `127.0.0.1:${port}`]);
    expect(result.hops[0]!.response.statusLine).toBe('HTTP/1.1 200 OK');
    expect(result.hops[0]!.response.headers).toContainEqual(['Set-Cookie', 'a=1']);
  });

  it('follows up to five redirects, resolving relative locations', async () => {
    const result = await fetchForArchive(`http://127.0.0.1:${port}/redirect/5`, allowLocal());
    expect(result.hops).toHaveLength(6);
    expect(result.finalUrl).toBe(`http://127.0.0.1:${port}/page?from=redirect`);
    expect(result.hops.slice(0, 5).every((hop) => hop.response.status === 302)).toBe(true);
  });

  it('refuses a sixth redirect', async () => {
    const error = await refusal(`http://127.0.0.1:${port}/redirect/6`, allowLocal());
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/more than 5 redirects/);
  });

  it('gives up after the time-out', async () => {
    const started = Date.now();
    const error = await refusal(`http://127.0.0.1:${port}/slow`, { ...allowLocal(), timeoutMs: 200 });
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each(['/big', '/big-chunked'])('stops reading a body over the size limit (%s)', async (path) => {
    const error = await refusal(`http://127.0.0.1:${port}${path}`, { ...allowLocal(), maxBytes: 1024 * 1024 });
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/larger than the limit/);
  });

  it('refuses a content type that is not allowed', async () => {
    const error = await refusal(`http://127.0.0.1:${port}/program`, allowLocal());
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/application\/x-msdownload/);
  });

  it('keeps a 404 as evidence that a page is gone', async () => {
    const result = await fetchForArchive(`http://127.0.0.1:${port}/removed`, allowLocal());
    expect(result.status).toBe(404);
  });

  it('allows a host name on the allow list, port included', async () => {
    const result = await fetchForArchive(`http://localhost:${port}/page`, {
      allowHosts: parseAllowList(`localhost:${port}`),
      resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    expect(result.status).toBe(200);
    expect((await refusal(`http://localhost:${port}/page`, { allowHosts: parseAllowList('localhost:1') })).code).toBe('FETCH_REFUSED');
  });
});
