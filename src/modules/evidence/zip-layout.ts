/**
 * A strict check of a bundle zip's bytes, beyond what any zip reader looks at.
 *
 * Zip readers ignore much of the file: the local headers' copies of names and times, data
 * descriptors, attributes, gaps between entries. A bundle is evidence, so every byte must count:
 * this checker accepts only the exact layout Answerable's writer produces (yazl, entries stored
 * without compression, no comments, no extra fields, Unix mode 0644, entries contiguous from
 * offset 0, central directory right after them, end record right after that), and requires the
 * fields that appear twice to agree. With
 * the hashes and signature checked by bagit.ts, changing any single byte makes verification fail.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

export const bundleZipConstants = {
  versionMadeBy: (3 << 8) | 63, // Unix, zip spec 6.3 (what yazl writes)
  versionNeeded: 20,
  utf8NameFlag: 0x0800,
  dataDescriptorFlag: 0x0008,
  fileMode: 0o100644,
} as const;

const endRecordSize = 22;
const centralHeaderSize = 46;
const localHeaderSize = 30;
const dataDescriptorSize = 16;
const maxCentralDirectoryBytes = 64 * 1024 * 1024;

export interface ZipLayoutEntry {
  name: string;
  crc32: number;
  /** Entries are stored, so the size in the zip is the size of the file. */
  size: number;
  /** Offset of the entry's (compressed) data in the file. */
  dataOffset: number;
}

export class ZipLayoutError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

export async function readStrictZipLayout(file: string): Promise<ZipLayoutEntry[]> {
  const handle = await open(file, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const end = await readEndRecord(handle, fileSize);
    const centralEntries = parseCentralDirectory(await readExactly(handle, end.centralDirectoryOffset, end.centralDirectorySize), end.entryCount);
    return await checkLocalEntries(handle, centralEntries, end.centralDirectoryOffset);
  } finally {
    await handle.close();
  }
}

interface EndRecord {
  entryCount: number;
  centralDirectorySize: number;
  centralDirectoryOffset: number;
}

async function readEndRecord(handle: FileHandle, fileSize: number): Promise<EndRecord> {
  if (fileSize < endRecordSize) throw structureError('the file is too short to be a zip');
  const record = await readExactly(handle, fileSize - endRecordSize, endRecordSize);
  if (record.readUInt32LE(0) !== 0x06054b50) throw structureError('no end-of-central-directory record at the end of the file (trailing bytes or a comment?)');
  const diskNumber = record.readUInt16LE(4);
  const centralDirectoryDisk = record.readUInt16LE(6);
  const entriesOnDisk = record.readUInt16LE(8);
  const entryCount = record.readUInt16LE(10);
  const centralDirectorySize = record.readUInt32LE(12);
  const centralDirectoryOffset = record.readUInt32LE(16);
  const commentLength = record.readUInt16LE(20);
  if (diskNumber !== 0 || centralDirectoryDisk !== 0) throw structureError('multi-disk zip');
  if (entriesOnDisk !== entryCount) throw structureError('the entry counts of the end record disagree');
  if (commentLength !== 0) throw structureError('the zip has a comment');
  if (entryCount === 0xffff || centralDirectoryOffset === 0xffffffff) throw structureError('zip64 bundles (over 4 GB) are not supported by this verifier yet');
  if (centralDirectorySize > maxCentralDirectoryBytes) throw structureError('the central directory is implausibly large');
  if (centralDirectoryOffset + centralDirectorySize + endRecordSize !== fileSize) {
    throw structureError('the central directory does not end where the end record starts');
  }
  return { entryCount, centralDirectorySize, centralDirectoryOffset };
}

interface CentralEntry extends Omit<ZipLayoutEntry, 'dataOffset'> {
  nameBytes: Buffer;
  compressedSize: number;
  uncompressedSize: number;
  flags: number;
  lastModTime: number;
  lastModDate: number;
  localHeaderOffset: number;
}

function parseCentralDirectory(directory: Buffer, entryCount: number): CentralEntry[] {
  const entries: CentralEntry[] = [];
  const seenNames = new Set<string>();
  let cursor = 0;
  for (let index = 0; index < entryCount; index++) {
    if (cursor + centralHeaderSize > directory.length) throw structureError('the central directory is shorter than its entry count says');
    const header = directory.subarray(cursor, cursor + centralHeaderSize);
    const nameLength = header.readUInt16LE(28);
    const nameBytes = directory.subarray(cursor + centralHeaderSize, cursor + centralHeaderSize + nameLength);
    if (nameBytes.length !== nameLength) throw structureError('a name runs past the central directory');
    const name = decodeName(nameBytes);
    const entry = parseCentralHeader(header, name, nameBytes);
    if (seenNames.has(name)) throw new ZipLayoutError(name, 'the name appears twice in the zip');
    seenNames.add(name);
    entries.push(entry);
    cursor += centralHeaderSize + nameLength;
  }
  if (cursor !== directory.length) throw structureError('the central directory has bytes beyond its entries');
  return entries;
}

function parseCentralHeader(header: Buffer, name: string, nameBytes: Buffer): CentralEntry {
  const fail = (reason: string) => new ZipLayoutError(name, `central directory: ${reason}`);
  const expectFlags = [bundleZipConstants.utf8NameFlag, bundleZipConstants.utf8NameFlag | bundleZipConstants.dataDescriptorFlag];
  if (header.readUInt32LE(0) !== 0x02014b50) throw fail('bad signature');
  if (header.readUInt16LE(4) !== bundleZipConstants.versionMadeBy) throw fail('unexpected "version made by"');
  if (header.readUInt16LE(6) !== bundleZipConstants.versionNeeded) throw fail('unexpected "version needed"');
  const flags = header.readUInt16LE(8);
  if (!expectFlags.includes(flags)) throw fail('unexpected flags');
  if (header.readUInt16LE(10) !== 0) throw fail('compressed entry (bundles store their files uncompressed)');
  const compressedSize = header.readUInt32LE(20);
  const uncompressedSize = header.readUInt32LE(24);
  if (compressedSize !== uncompressedSize) throw fail('stored entry with different sizes');
  if (header.readUInt16LE(30) !== 0 || header.readUInt16LE(32) !== 0) throw fail('unexpected extra field or comment');
  if (header.readUInt16LE(34) !== 0 || header.readUInt16LE(36) !== 0) throw fail('unexpected disk number or internal attributes');
  if (header.readUInt32LE(38) !== ((bundleZipConstants.fileMode << 16) >>> 0)) throw fail('unexpected file attributes');
  return {
    name,
    nameBytes,
    flags,
    lastModTime: header.readUInt16LE(12),
    lastModDate: header.readUInt16LE(14),
    crc32: header.readUInt32LE(16),
    size: uncompressedSize,
    compressedSize,
    uncompressedSize,
    localHeaderOffset: header.readUInt32LE(42),
  };
}

/** Walks the entries in order: each local header must repeat its central record, and each entry must start where the previous one ended. */
async function checkLocalEntries(handle: FileHandle, entries: CentralEntry[], centralDirectoryOffset: number): Promise<ZipLayoutEntry[]> {
  const layout: ZipLayoutEntry[] = [];
  let expectedOffset = 0;
  for (const entry of entries) {
    if (entry.localHeaderOffset !== expectedOffset) throw new ZipLayoutError(entry.name, 'the entry does not start where the previous one ended');
    const dataOffset = entry.localHeaderOffset + localHeaderSize + entry.nameBytes.length;
    const hasDescriptor = (entry.flags & bundleZipConstants.dataDescriptorFlag) !== 0;
    const entryEnd = dataOffset + entry.compressedSize + (hasDescriptor ? dataDescriptorSize : 0);
    if (entryEnd > centralDirectoryOffset) throw new ZipLayoutError(entry.name, 'the entry runs into the central directory');
    checkLocalHeader(await readExactly(handle, entry.localHeaderOffset, localHeaderSize + entry.nameBytes.length), entry);
    if (hasDescriptor) checkDataDescriptor(await readExactly(handle, dataOffset + entry.compressedSize, dataDescriptorSize), entry);
    layout.push({
      name: entry.name,
      crc32: entry.crc32,
      size: entry.size,
      dataOffset,
    });
    expectedOffset = entryEnd;
  }
  if (expectedOffset !== centralDirectoryOffset) throw structureError('there are bytes between the last entry and the central directory');
  return layout;
}

function checkLocalHeader(header: Buffer, entry: CentralEntry): void {
  const fail = (field: string) => new ZipLayoutError(entry.name, `local header: ${field} differs from the central directory`);
  const hasDescriptor = (entry.flags & bundleZipConstants.dataDescriptorFlag) !== 0;
  if (header.readUInt32LE(0) !== 0x04034b50) throw new ZipLayoutError(entry.name, 'local header: bad signature');
  if (header.readUInt16LE(4) !== bundleZipConstants.versionNeeded) throw fail('"version needed"');
  if (header.readUInt16LE(6) !== entry.flags) throw fail('flags');
  if (header.readUInt16LE(8) !== 0) throw fail('compression method');
  if (header.readUInt16LE(10) !== entry.lastModTime || header.readUInt16LE(12) !== entry.lastModDate) throw fail('modification time');
  // With a data descriptor, the writer did not know CRC and sizes yet and wrote zeros.
  const expected = hasDescriptor ? [0, 0, 0] : [entry.crc32, entry.compressedSize, entry.uncompressedSize];
  if (header.readUInt32LE(14) !== expected[0] || header.readUInt32LE(18) !== expected[1] || header.readUInt32LE(22) !== expected[2]) throw fail('CRC or size');
  if (header.readUInt16LE(26) !== entry.nameBytes.length || header.readUInt16LE(28) !== 0) throw fail('name or extra field length');
  if (!header.subarray(localHeaderSize).equals(entry.nameBytes)) throw fail('name');
}

function checkDataDescriptor(descriptor: Buffer, entry: CentralEntry): void {
  const matches =
    descriptor.readUInt32LE(0) === 0x08074b50 &&
    descriptor.readUInt32LE(4) === entry.crc32 &&
    descriptor.readUInt32LE(8) === entry.compressedSize &&
    descriptor.readUInt32LE(12) === entry.uncompressedSize;
  if (!matches) throw new ZipLayoutError(entry.name, 'data descriptor differs from the central directory');
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw structureError('the file ends early');
  return buffer;
}

function decodeName(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw structureError('a name is not valid UTF-8');
  }
}

function structureError(reason: string): ZipLayoutError {
  return new ZipLayoutError('(zip structure)', reason);
}
