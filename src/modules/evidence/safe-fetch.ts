/**
 * Fetches a URL for the archive, and nothing it should not.
 *
 * Built on node:http/https rather than global fetch because the archiver must decide which
 * address it connects to (after DNS, on every redirect hop) and must see the address it actually
 * connected to; fetch hides both. Every refusal happens before a request byte is sent.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { AppError } from '../../shared/errors.ts';
import { classifyAddress, isHostAllowed, type AllowedHost } from './address-policy.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface FetchForArchiveOptions {
  /** Hosts (and optionally ports) that may be fetched even at forbidden addresses. */
  allowHosts?: readonly AllowedHost[];
  /** Time for the whole fetch, all redirects included. */
  timeoutMs?: number;
  /** Largest body accepted, per hop. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Media types accepted for the final response: `text/html`, `image/*`, `*\/*`. */
  allowedContentTypes?: readonly string[];
  userAgent?: string;
  /** DNS resolution; replaced in tests to simulate names that resolve to forbidden addresses. */
  resolveHost?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export type HeaderPairs = Array<[name: string, value: string]>;

export interface FetchHop {
  url: string;
  request: { method: 'GET'; target: string; httpVersion: '1.1'; requestLine: string; headers: HeaderPairs };
  response: { httpVersion: string; status: number; statusText: string; statusLine: string; headers: HeaderPairs; body: Buffer };
  remoteAddress: string;
  remotePort: number;
  startedAt: string;
  durationMs: number;
}

export interface FetchedResource {
  requestedUrl: string;
  finalUrl: string;
  /** Every exchange in order; the last one is the final response, the others redirects. */
  hops: FetchHop[];
  status: number;
  /** Media type of the final response, lower case, without parameters. */
  contentType: string;
  /** Body of the final response, exactly as received (no content decoding). */
  body: Buffer;
  remoteAddress: string;
  remotePort: number;
  startedAt: string;
  durationMs: number;
}

export const defaultFetchOptions = {
  timeoutMs: 30_000,
  maxBytes: 50 * 1024 * 1024,
  maxRedirects: 5,
  allowedContentTypes: [
    'text/html',
    'application/xhtml+xml',
    'text/plain',
    'application/pdf',
    'application/json',
    'text/csv',
    'image/*',
    'audio/*',
    'video/*',
  ],
  userAgent: 'Answerable-Archiver/0.1 (+https://github.com/answerable)',
} as const;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

type Settings = Required<Omit<FetchForArchiveOptions, 'resolveHost'>> & Pick<FetchForArchiveOptions, 'resolveHost'>;

export async function fetchForArchive(url: string, options: FetchForArchiveOptions = {}): Promise<FetchedResource> {
  const settings: Settings = { ...defaultFetchOptions, allowHosts: [], ...options };
  const startedAt = new Date();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  try {
    const hops: FetchHop[] = [];
    let current = parseFetchUrl(url);
    for (;;) {
      const isLastAllowedHop = hops.length === settings.maxRedirects;
      const hop = await fetchOneHop(current, settings, deadline.signal);
      hops.push(hop);
      const location = redirectTarget(hop);
      if (location === null) return finish(url, hops, startedAt);
      if (isLastAllowedHop) throw fetchFailed(`more than ${settings.maxRedirects} redirects`);
      current = parseFetchUrl(new URL(location, current).href);
    }
  } catch (error) {
    // Aborting surfaces as a network error somewhere below; name the real cause.
    const isRefusal = error instanceof AppError && error.code === 'FETCH_REFUSED';
    if (deadline.signal.aborted && !isRefusal) {
      throw fetchFailed(`timed out after ${settings.timeoutMs} ms`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function finish(requestedUrl: string, hops: FetchHop[], startedAt: Date): FetchedResource {
  const final = hops[hops.length - 1]!;
  return {
    requestedUrl,
    finalUrl: final.url,
    hops,
    status: final.response.status,
    contentType: mediaTypeOf(final.response.headers),
    body: final.response.body,
    remoteAddress: final.remoteAddress,
    remotePort: final.remotePort,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
  };
}

function redirectTarget(hop: FetchHop): string | null {
  if (!redirectStatuses.has(hop.response.status)) return null;
  return headerValue(hop.response.headers, 'location') ?? null;
}

export function parseFetchUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fetchRefused(`"${text}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fetchRefused(`only http and https URLs can be archived, not ${url.protocol}`);
  }
  return url;
}

// ---------------------------------------------------------------------------------------------
// One request and its response

async function fetchOneHop(url: URL, settings: Settings, signal: AbortSignal): Promise<FetchHop> {
  const hopStarted = new Date();
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const isAllowed = isHostAllowed(settings.allowHosts, hostname, port);
  // WHATWG URL has already rewritten decimal, octal and hex IPv4 forms to dotted quads.
  if (isIP(hostname) !== 0 && !isAllowed) refuseIfForbidden(hostname, url);

  const target = `${url.pathname}${url.search}`;
  const headers: HeaderPairs = [
    ['Host', url.host],
    ['User-Agent', settings.userAgent],
    ['Accept', 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8'],
    // Ask for the body as stored, so the WARC holds what the text was extracted from.
    ['Accept-Encoding', 'identity'],
    ['Connection', 'close'],
  ];
  const client = url.protocol === 'https:' ? https : http;
  const request = client.request({
    hostname,
    port,
    path: target,
    method: 'GET',
    headers: Object.fromEntries(headers),
    agent: false,
    signal,
    lookup: policyLookup(isAllowed, url, settings.resolveHost ?? systemResolve),
  });
  request.on('socket', (socket) => checkConnectedAddress(socket, isAllowed, url, request));

  const response = await awaitResponse(request);
  const remoteAddress = response.socket.remoteAddress ?? '';
  const remotePort = response.socket.remotePort ?? 0;
  // Defence in depth: the lookup already refused, but judge the address really connected to.
  if (!isAllowed) refuseIfForbidden(remoteAddress, url, () => request.destroy());

  const rawHeaders = pairs(response.rawHeaders);
  const status = response.statusCode ?? 0;
  const isRedirect = redirectStatuses.has(status) && headerValue(rawHeaders, 'location') !== undefined;
  if (!isRedirect) refuseUnlessContentTypeAllowed(rawHeaders, settings, request);
  const body = await readBody(response, settings.maxBytes, request);

  const statusText = response.statusMessage ?? '';
  const httpVersion = response.httpVersion;
  return {
    url: url.href,
    request: { method: 'GET', target, httpVersion: '1.1', requestLine: `GET ${target} HTTP/1.1`, headers },
    response: { httpVersion, status, statusText, statusLine: `HTTP/${httpVersion} ${status} ${statusText}`.trimEnd(), headers: rawHeaders, body },
    remoteAddress,
    remotePort,
    startedAt: hopStarted.toISOString(),
    durationMs: Date.now() - hopStarted.getTime(),
  };
}

function awaitResponse(request: http.ClientRequest): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', (error) => reject(error instanceof AppError ? error : fetchFailed(describeNetworkError(error))));
    request.end();
  });
}

async function readBody(response: http.IncomingMessage, maxBytes: number, request: http.ClientRequest): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    request.destroy();
    throw fetchFailed(`the response is larger than the limit of ${maxBytes} bytes (Content-Length ${declared})`);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > maxBytes) {
        request.destroy();
        throw fetchFailed(`the response is larger than the limit of ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fetchFailed(describeNetworkError(error));
  }
  return Buffer.concat(chunks);
}

function refuseUnlessContentTypeAllowed(headers: HeaderPairs, settings: Settings, request: http.ClientRequest): void {
  const mediaType = mediaTypeOf(headers);
  if (isMediaTypeAllowed(mediaType, settings.allowedContentTypes)) return;
  request.destroy();
  throw fetchFailed(`content type ${mediaType} is not accepted for archiving`);
}

export function isMediaTypeAllowed(mediaType: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    const normalised = pattern.toLowerCase();
    if (normalised === '*/*') return true;
    if (normalised.endsWith('/*')) return mediaType.startsWith(normalised.slice(0, -1));
    return mediaType === normalised;
  });
}

// ---------------------------------------------------------------------------------------------
// Address checks: at DNS resolution, and again on the connected socket

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const results = await dnsLookup(hostname, { all: true, verbatim: true });
  return results.map((result) => ({ address: result.address, family: result.family === 6 ? 6 : 4 }));
}

/**
 * A `lookup` for net.connect that refuses a host when ANY of its addresses is forbidden: a name
 * that resolves to both a public and a private address is a classic DNS-rebinding setup.
 */
function policyLookup(isAllowed: boolean, url: URL, resolve: (hostname: string) => Promise<ResolvedAddress[]>): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw fetchFailed(`${hostname} has no address`);
        if (!isAllowed) for (const { address } of addresses) refuseIfForbidden(address, url);
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) throw fetchFailed(`${hostname} has no IPv${options.family} address`);
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      })
      .catch((error: unknown) => {
        const appError = error instanceof AppError ? error : fetchFailed(`could not resolve ${hostname}: ${describeNetworkError(error)}`);
        callback(appError as unknown as NodeJS.ErrnoException, '', 4);
      });
  };
}

function checkConnectedAddress(socket: Socket, isAllowed: boolean, url: URL, request: http.ClientRequest): void {
  if (isAllowed) return;
  socket.once('connect', () => {
    const verdict = classifyAddress(socket.remoteAddress ?? '');
    if (verdict.forbidden) request.destroy(refusal(url, verdict.address, verdict.category));
  });
}

function refuseIfForbidden(address: string, url: URL, beforeThrow?: () => void): void {
  const verdict = classifyAddress(address);
  if (!verdict.forbidden) return;
  beforeThrow?.();
  throw refusal(url, verdict.address, verdict.category);
}

function refusal(url: URL, address: string, category: string): AppError {
  return fetchRefused(`${url.host} is at ${address}, a ${category} address, which may not be fetched`);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function fetchRefused(message: string): AppError {
  return new AppError('FETCH_REFUSED', message, [{ field: 'url', message }]);
}

function fetchFailed(message: string): AppError {
  return new AppError('FETCH_FAILED', message, [{ field: 'url', message }]);
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

function pairs(rawHeaders: string[]): HeaderPairs {
  const result: HeaderPairs = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) result.push([rawHeaders[index]!, rawHeaders[index + 1]!]);
  return result;
}

export function headerValue(headers: HeaderPairs, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1];
}

function mediaTypeOf(headers: HeaderPairs): string {
  const value = headerValue(headers, 'content-type');
  return (value?.split(';')[0]?.trim().toLowerCase() || 'application/octet-stream');
}
