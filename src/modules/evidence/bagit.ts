/**
 * Case bundles: a BagIt bag (RFC 8493) in a zip, signed with the instance's Ed25519 key, that
 * anyone can check offline.
 *
 * Layout inside the zip (one top directory, as RFC 8493 §4.2 recommends for serialised bags):
 *
 *   <bag>/bagit.txt
 *   <bag>/bag-info.txt
 *   <bag>/data/...                     the payload: captures, uploads, the case record
 *   <bag>/manifest-sha256.txt          SHA-256 of every payload file
 *   <bag>/tagmanifest-sha256.txt       SHA-256 of bagit.txt, bag-info.txt, manifest-sha256.txt
 *   <bag>/tagmanifest-sha256.txt.sig   Ed25519 signature over tagmanifest-sha256.txt, in base64
 *                                      and a newline; deliberately outside the tag manifest.
 *
 * Checking the signature without Answerable:
 *   base64 -d tagmanifest-sha256.txt.sig > sig.bin
 *   openssl pkeyutl -verify -pubin -inkey answerable-key.pem -rawin -in tagmanifest-sha256.txt -sigfile sig.bin
 * and then `bagit.py --validate` (or any BagIt tool) for the hashes.
 *
 * Everything streams: payload files are hashed on their way into the zip and again on their way
 * out when verifying, so a 1 GB bundle never sits in memory.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yazl from 'yazl';
import { signDetached, verifyDetached } from './instance-key.ts';
import { bundleZipConstants, readStrictZipLayout, ZipLayoutError, type ZipLayoutEntry } from './zip-layout.ts';

export interface BagPayloadFile {
  /** Path under `data/`, with `/` separators: `captures/2025-10-10-guardian.warc`. */
  path: string;
  open: () => Readable | Buffer;
}

export interface WriteBagOptions {
  payload: readonly BagPayloadFile[];
  /** Extra bag-info.txt fields, e.g. `Source-Organization`, `External-Identifier`. */
  bagInfo?: Record<string, string>;
  key: { privateKey: KeyObject; fingerprint?: string };
  /** The top directory inside the zip. */
  bagName?: string;
  baggingDate?: Date;
}

export interface WrittenBag {
  payloadFiles: number;
  payloadBytes: number;
  manifest: Array<{ path: string; sha256: string; size: number }>;
}

export type BagVerification =
  | { ok: true; payloadFiles: number; payloadBytes: number }
  | { ok: false; firstFailure: { path: string; reason: string } };

export const signatureFileName = 'tagmanifest-sha256.txt.sig';
const tagFilesInTagManifest = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'] as const;
const bagitTxt = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

// ---------------------------------------------------------------------------------------------
// Writing

export async function writeBagZip(outFile: string, options: WriteBagOptions): Promise<WrittenBag> {
  const bagName = options.bagName ?? 'bundle';
  assertSafeBagName(bagName);
  const payloadPaths = options.payload.map((file) => file.path);
  payloadPaths.forEach(assertSafePayloadPath);
  if (new Set(payloadPaths).size !== payloadPaths.length) throw new Error('Two payload files have the same path');

  const zip = new yazl.ZipFile();
  const output = createWriteStream(outFile);
  zip.outputStream.pipe(output);
  // Stored, never deflated: deflate streams have bits a decoder ignores (final-block padding), so a
  // changed bit there would go unnoticed. Stored, every content byte is under a SHA-256.
  const entryOptions = { mtime: options.baggingDate ?? new Date(), mode: bundleZipConstants.fileMode, forceDosTimestamp: true, compress: false as const };
  // yazl reports its own failures as events; turn them into a rejection that ends the wait.
  const zipFailed = new Promise<never>((_resolve, reject) => zip.once('error', reject));
  zipFailed.catch(() => undefined);
  try {
    const manifest = await Promise.race([
      Promise.all(options.payload.map((file) => addPayloadFile(zip, `${bagName}/data/${file.path}`, file, entryOptions))),
      zipFailed,
    ]);
    addTagFiles(zip, bagName, manifest, options, entryOptions);
    zip.end();
    await Promise.race([finished(output), zipFailed]);
    return { payloadFiles: manifest.length, payloadBytes: sum(manifest.map((entry) => entry.size)), manifest };
  } catch (error) {
    // The file may still be opening: unlink only once the stream has closed, or the open would recreate it.
    const closed = output.closed ? Promise.resolve() : new Promise<void>((resolve) => output.once('close', () => resolve()));
    output.destroy();
    await closed;
    await unlink(outFile).catch(() => undefined);
    throw error;
  }
}

type EntryOptions = { mtime: Date; mode: number; forceDosTimestamp: boolean; compress: false };

/** Adds the file lazily (yazl opens it when its turn comes) and resolves with its hash once written. */
function addPayloadFile(zip: yazl.ZipFile, zipPath: string, file: BagPayloadFile, entryOptions: EntryOptions): Promise<{ path: string; sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    zip.addReadStreamLazy(zipPath, entryOptions, (callback) => {
      try {
        const source = file.open();
        const hasher = new HashingPassThrough((sha256, size) => resolve({ path: file.path, sha256, size }));
        const readable = Buffer.isBuffer(source) ? Readable.from([source]) : source;
        readable.once('error', (error) => {
          reject(error);
          // Without an error: nothing listens for errors on the hasher, yazl only reads from it.
          hasher.destroy();
        });
        callback(null, readable.pipe(hasher));
      } catch (error) {
        reject(error);
      }
    });
  });
}

class HashingPassThrough extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;

  constructor(private readonly onDone: (sha256: string, size: number) => void) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.onDone(this.hash.digest('hex'), this.size);
    callback();
  }
}

function addTagFiles(zip: yazl.ZipFile, bagName: string, manifest: WrittenBag['manifest'], options: WriteBagOptions, entryOptions: EntryOptions): void {
  const tagFiles: Record<(typeof tagFilesInTagManifest)[number], Buffer> = {
    'bagit.txt': Buffer.from(bagitTxt),
    'bag-info.txt': Buffer.from(bagInfoText(manifest, options)),
    'manifest-sha256.txt': Buffer.from(manifest.map((entry) => `${entry.sha256}  ${encodeManifestPath(`data/${entry.path}`)}\n`).join('')),
  };
  const tagManifest = Buffer.from(tagFilesInTagManifest.map((name) => `${sha256Hex(tagFiles[name])}  ${name}\n`).join(''));
  const signature = Buffer.from(`${signDetached(tagManifest, options.key.privateKey).toString('base64')}\n`);
  for (const name of tagFilesInTagManifest) zip.addBuffer(tagFiles[name], `${bagName}/${name}`, entryOptions);
  zip.addBuffer(tagManifest, `${bagName}/tagmanifest-sha256.txt`, entryOptions);
  zip.addBuffer(signature, `${bagName}/${signatureFileName}`, entryOptions);
}

function bagInfoText(manifest: WrittenBag['manifest'], options: WriteBagOptions): string {
  const baggingDate = (options.baggingDate ?? new Date()).toISOString().slice(0, 10);
  const fields: Array<[string, string]> = [
    ['Bagging-Date', baggingDate],
    ['Payload-Oxum', `${sum(manifest.map((entry) => entry.size))}.${manifest.length}`],
    ['Bag-Software-Agent', 'Answerable'],
    ['Answerable-Signature', `${signatureFileName} (Ed25519 over tagmanifest-sha256.txt, base64)`],
  ];
  if (options.key.fingerprint) fields.push(['Answerable-Key-SHA256', options.key.fingerprint]);
  fields.push(...Object.entries(options.bagInfo ?? {}));
  return fields.map(([label, value]) => `${cleanLabel(label)}: ${foldValue(value)}\n`).join('');
}

function cleanLabel(label: string): string {
  const cleaned = label.replace(/[:\r\n]/g, '').trim();
  if (cleaned === '') throw new Error('A bag-info label is empty');
  return cleaned;
}

/** RFC 8493 §2.2.2: a value continues on lines that start with whitespace. */
function foldValue(value: string): string {
  return value.replace(/\r\n?|\n/g, '\n  ');
}

// ---------------------------------------------------------------------------------------------
// Verifying

export async function verifyBagZip(file: string, publicKeyPem: string): Promise<BagVerification> {
  try {
    return await verifyOrThrow(file, publicKeyPem);
  } catch (error) {
    if (error instanceof BagFailure || error instanceof ZipLayoutError) return { ok: false, firstFailure: { path: error.path, reason: error.message } };
    return { ok: false, firstFailure: { path: file, reason: `unreadable: ${(error as Error).message}` } };
  }
}

class BagFailure extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

async function verifyOrThrow(file: string, publicKeyPem: string): Promise<BagVerification> {
  const layout = await readStrictZipLayout(file);
  const entries = entriesByBagPath(layout);

  // From the top of the chain of trust down: signature, tag manifest, tag files, payload.
  const tagManifest = await readTagFile(file, entries, 'tagmanifest-sha256.txt');
  const signatureText = (await readTagFile(file, entries, signatureFileName)).toString('latin1');
  if (!verifyDetached(tagManifest, decodeSignature(signatureText), publicKeyPem)) {
    throw new BagFailure(signatureFileName, 'the signature does not match tagmanifest-sha256.txt and this public key');
  }
  const tagHashes = parseManifest(tagManifest, 'tagmanifest-sha256.txt');
  for (const name of tagFilesInTagManifest) if (!tagHashes.has(name)) throw new BagFailure(name, 'required tag file is not in the tag manifest');
  for (const [name, expected] of tagHashes) {
    const contents = await readTagFile(file, entries, name);
    if (sha256Hex(contents) !== expected) throw new BagFailure(name, 'SHA-256 does not match the tag manifest');
  }
  if ((await readTagFile(file, entries, 'bagit.txt')).toString('utf8') !== bagitTxt) throw new BagFailure('bagit.txt', 'not a BagIt 1.0 declaration');

  const payloadHashes = parseManifest(await readTagFile(file, entries, 'manifest-sha256.txt'), 'manifest-sha256.txt');
  assertEveryFileAccountedFor(entries, tagHashes, payloadHashes);
  let payloadBytes = 0;
  for (const [path, expected] of payloadHashes) {
    const entry = entries.get(path);
    if (!entry) throw new BagFailure(path, 'listed in the manifest but missing from the bundle');
    const { sha256, size } = await hashEntry(file, entry, path);
    if (sha256 !== expected) throw new BagFailure(path, 'SHA-256 does not match the manifest');
    payloadBytes += size;
  }
  return { ok: true, payloadFiles: payloadHashes.size, payloadBytes };
}

/** Zip entries keyed by their path inside the bag (the top directory removed). */
function entriesByBagPath(layout: ZipLayoutEntry[]): Map<string, ZipLayoutEntry> {
  const topDirectory = layout[0]?.name.split('/')[0] ?? '';
  const entries = new Map<string, ZipLayoutEntry>();
  for (const entry of layout) {
    if (!entry.name.startsWith(`${topDirectory}/`)) throw new BagFailure(entry.name, 'outside the bag\'s top directory');
    const path = entry.name.slice(topDirectory.length + 1);
    if (!isSafeRelativePath(path)) throw new BagFailure(entry.name, 'unsafe path (absolute, "..", or empty segment)');
    entries.set(path, entry);
  }
  return entries;
}

/** Nothing in the zip that no manifest vouches for: an added file fails verification. */
function assertEveryFileAccountedFor(entries: Map<string, ZipLayoutEntry>, tagHashes: Map<string, string>, payloadHashes: Map<string, string>): void {
  for (const path of entries.keys()) {
    const isVouchedFor = payloadHashes.has(path) || tagHashes.has(path) || path === 'tagmanifest-sha256.txt' || path === signatureFileName;
    if (!isVouchedFor) throw new BagFailure(path, path.startsWith('data/') ? 'payload file not in the manifest' : 'file not in the tag manifest');
  }
}

function decodeSignature(text: string): Buffer {
  const signature = Buffer.from(text.trimEnd(), 'base64');
  // Node's base64 decoder skips stray characters; require the exact canonical text instead.
  if (`${signature.toString('base64')}\n` !== text) throw new BagFailure(signatureFileName, 'not a base64 signature followed by a newline');
  return signature;
}

/** `sha256  path` lines; a path may contain spaces and the %-escapes of RFC 8493 §2.1.3. */
function parseManifest(contents: Buffer, name: string): Map<string, string> {
  const entries = new Map<string, string>();
  const text = contents.toString('utf8');
  if (text !== '' && !text.endsWith('\n')) throw new BagFailure(name, 'does not end with a newline');
  for (const line of text.split('\n').slice(0, -1)) {
    const match = /^([0-9a-f]{64})[ \t]+(.+)$/.exec(line);
    if (!match) throw new BagFailure(name, `malformed line: ${JSON.stringify(line.slice(0, 100))}`);
    const path = decodeManifestPath(match[2]!);
    if (!isSafeRelativePath(path)) throw new BagFailure(name, `unsafe path ${JSON.stringify(path)}`);
    if (name === 'manifest-sha256.txt' && !path.startsWith('data/')) throw new BagFailure(name, `payload path outside data/: ${path}`);
    if (entries.has(path)) throw new BagFailure(name, `${path} is listed twice`);
    entries.set(path, match[1]!);
  }
  return entries;
}

const maxTagFileBytes = 64 * 1024 * 1024;

async function readTagFile(file: string, entries: Map<string, ZipLayoutEntry>, path: string): Promise<Buffer> {
  const entry = entries.get(path);
  if (!entry) throw new BagFailure(path, 'missing');
  if (entry.size > maxTagFileBytes) throw new BagFailure(path, 'implausibly large tag file');
  const chunks: Buffer[] = [];
  await consumeEntry(file, entry, path, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

async function hashEntry(file: string, entry: ZipLayoutEntry, path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const size = await consumeEntry(file, entry, path, (chunk) => hash.update(chunk));
  return { sha256: hash.digest('hex'), size };
}

/**
 * Streams an entry's bytes to `onChunk`, checking the zip's own CRC-32 and size on
 * the way. Reads in 1 MB slices: small reads would dominate the cost of hashing.
 */
async function consumeEntry(file: string, entry: ZipLayoutEntry, path: string, onChunk: (chunk: Buffer) => void): Promise<number> {
  const source: Readable =
    entry.size === 0 ? Readable.from([]) : createReadStream(file, { start: entry.dataOffset, end: entry.dataOffset + entry.size - 1, highWaterMark: 1024 * 1024 });
  let checksum = 0;
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > entry.size) throw new BagFailure(path, 'more data than the zip declares');
      checksum = crc32(chunk, checksum);
      onChunk(chunk);
    }
  } catch (error) {
    if (error instanceof BagFailure) throw error;
    throw new BagFailure(path, `unreadable (${(error as Error).message})`);
  } finally {
    source.destroy();
  }
  if (size !== entry.size) throw new BagFailure(path, 'less data than the zip declares');
  if (checksum !== entry.crc32) throw new BagFailure(path, 'CRC-32 does not match the zip directory');
  return size;
}

// ---------------------------------------------------------------------------------------------
// Paths

/** RFC 8493 §2.1.3: in manifests, CR, LF and % are written %0D, %0A and %25. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(encoded: string): string {
  return encoded.replace(/%(0D|0A|25)/gi, (escape) => ({ '%0D': '\r', '%0A': '\n', '%25': '%' })[escape.toUpperCase()]!);
}

/** Relative, `/`-separated, no `..` or `.` segments, no empty segments, no backslashes: no zip-slip. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0') || /^[a-zA-Z]:/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function assertSafePayloadPath(path: string): void {
  if (!isSafeRelativePath(path)) throw new Error(`Unsafe payload path: ${JSON.stringify(path)}`);
}

function assertSafeBagName(name: string): void {
  if (!isSafeRelativePath(name) || name.includes('/')) throw new Error(`Unsafe bag name: ${JSON.stringify(name)}`);
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
