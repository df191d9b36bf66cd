/**
 * WARC/1.1 (ISO 28500) files for captures: the format web archives read, so that a capture made
 * by Answerable can be replayed and checked with ordinary archiving tools.
 *
 * One capture is one WARC file: a warcinfo record, then for each hop (redirects included) a
 * request record and its response record, linked by WARC-Concurrent-To. Response bodies are
 * stored as Node's HTTP parser delivered them: chunked transfer framing removed, content
 * encoding (if the server ignored our `Accept-Encoding: identity`) kept; headers kept as sent.
 */
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import type { FetchedResource, FetchHop, HeaderPairs } from './safe-fetch.ts';

const warcVersion = 'WARC/1.1';

export interface WarcBuildOptions {
  software?: string;
  /** Name recorded in the warcinfo record; the blob store names the file by hash anyway. */
  filename?: string;
  /** Extra warcinfo fields, e.g. `operator`, `isPartOf` (the case). */
  info?: Record<string, string>;
}

export async function buildCaptureWarc(capture: FetchedResource, options: WarcBuildOptions = {}): Promise<Buffer> {
  const parts: Uint8Array[] = [await serializeWarcInfo(capture, options)];
  for (const hop of capture.hops) {
    const { request, response } = await createHopRecords(hop);
    parts.push(await WARCSerializer.serialize(request), await WARCSerializer.serialize(response));
  }
  return Buffer.concat(parts);
}

async function serializeWarcInfo(capture: FetchedResource, options: WarcBuildOptions): Promise<Uint8Array> {
  const info = {
    software: options.software ?? 'Answerable',
    format: 'WARC File Format 1.1',
    conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
    'http-header-user-agent': userAgentOf(capture.hops[0]),
    ...options.info,
  };
  const record = await WARCRecord.createWARCInfo({ filename: options.filename ?? 'capture.warc', warcVersion, date: capture.startedAt }, info);
  return WARCSerializer.serialize(record);
}

async function createHopRecords(hop: FetchHop): Promise<{ request: WARCRecord; response: WARCRecord }> {
  const response = WARCRecord.create(
    {
      url: hop.url,
      date: hop.startedAt,
      type: 'response',
      warcVersion,
      statusline: hop.response.statusLine,
      httpHeaders: hop.response.headers,
      warcHeaders: { 'WARC-IP-Address': hop.remoteAddress },
    },
    [hop.response.body],
  );
  const responseId = response.warcHeader('WARC-Record-ID') ?? '';
  const request = WARCRecord.create(
    {
      url: hop.url,
      date: hop.startedAt,
      type: 'request',
      warcVersion,
      statusline: hop.request.requestLine,
      httpHeaders: hop.request.headers,
      warcHeaders: { 'WARC-Concurrent-To': responseId, 'WARC-IP-Address': hop.remoteAddress },
    },
    [],
  );
  return { request, response };
}

function userAgentOf(hop: FetchHop | undefined): string {
  return hop?.request.headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? '';
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface WarcHttpRecord {
  type: 'request' | 'response';
  targetUri: string;
  date: string;
  ipAddress: string | undefined;
  statusLine: string;
  headers: HeaderPairs;
  /** The HTTP body exactly as stored (no content decoding). */
  body: Buffer;
}

/** Every request and response record of a WARC file, in order. */
export async function readWarcHttpRecords(warc: Uint8Array | AsyncIterable<Uint8Array>): Promise<WarcHttpRecord[]> {
  const parser = new WARCParser(warc instanceof Uint8Array ? [warc] : warc, { keepHeadersCase: true });
  const records: WarcHttpRecord[] = [];
  for await (const record of parser) {
    const type = record.warcType;
    if (type !== 'request' && type !== 'response') {
      await record.skipFully();
      continue;
    }
    records.push({
      type,
      targetUri: record.warcTargetURI ?? '',
      date: record.warcDate ?? '',
      ipAddress: record.warcHeader('WARC-IP-Address') ?? undefined,
      statusLine: record.httpHeaders?.statusline ?? '',
      headers: [...(record.httpHeaders?.headers ?? new Map<string, string>())],
      body: Buffer.from(await record.readFully(false)),
    });
  }
  return records;
}

/** The last response in a capture: what the archived URL finally served. */
export async function readFinalResponse(warc: Uint8Array | AsyncIterable<Uint8Array>): Promise<WarcHttpRecord> {
  const responses = (await readWarcHttpRecords(warc)).filter((record) => record.type === 'response');
  const final = responses[responses.length - 1];
  if (!final) throw new Error('The WARC holds no response record');
  return final;
}
