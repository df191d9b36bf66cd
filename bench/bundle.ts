/**
 * Case bundle throughput: write and verify a bundle of ~1 GB of artefacts, compared with Node's
 * raw SHA-256 over the same bytes in the same run (goal: verify >= 0.5 of raw).
 *
 *   node bin/run-ts.js bench/bundle.ts --mb 1024 [--file-mb 5]
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBagZip, verifyBagZip } from '../src/modules/evidence/bagit.ts';
import { loadOrCreateInstanceKey } from '../src/modules/evidence/instance-key.ts';

const totalMegabytes = numberArgument('--mb', 1024);
const fileMegabytes = numberArgument('--file-mb', 5);
const megabyte = 1024 * 1024;

function numberArgument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

async function generatePayload(dir: string): Promise<string[]> {
  const fileCount = Math.max(1, Math.round(totalMegabytes / fileMegabytes));
  const fileBytes = Math.round((totalMegabytes * megabyte) / fileCount);
  const block = randomBytes(Math.min(fileBytes, 4 * megabyte));
  const paths: string[] = [];
  for (let index = 0; index < fileCount; index++) {
    const path = join(dir, `artefact-${String(index).padStart(4, '0')}.bin`);
    const handle = await open(path, 'w');
    // Distinct files: the first bytes differ, the rest repeats a random block (incompressible).
    for (let written = 0; written < fileBytes; written += block.length) {
      const chunk = block.subarray(0, Math.min(block.length, fileBytes - written));
      if (written === 0) chunk.writeUInt32LE(index, 0);
      await handle.write(chunk);
    }
    await handle.close();
    paths.push(path);
  }
  return paths;
}

/** Raw SHA-256 of the same files, read with the same 1 MB slices the verifier uses. */
async function hashFilesRaw(paths: string[]): Promise<void> {
  for (const path of paths) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: megabyte })) hash.update(chunk as Buffer);
    hash.digest();
  }
}

/** Pure hashing speed: SHA-256 of in-memory buffers, no I/O. */
async function hashInMemory(paths: string[]): Promise<number> {
  const sample = await readFile(paths[0]!);
  const rounds = Math.max(1, Math.round((totalMegabytes * megabyte) / sample.length));
  const started = performance.now();
  for (let round = 0; round < rounds; round++) createHash('sha256').update(sample).digest();
  return megabytesPerSecond(rounds * sample.length, performance.now() - started);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function megabytesPerSecond(bytes: number, milliseconds: number): number {
  return bytes / megabyte / (milliseconds / 1000);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'answerable-bench-bundle-'));
  try {
    const key = await loadOrCreateInstanceKey(join(dir, 'keys'));
    const paths = await generatePayload(join(dir, '.'));
    const payloadBytes = (await Promise.all(paths.map((path) => stat(path)))).reduce((total, info) => total + info.size, 0);
    const bundle = join(dir, 'bundle.zip');
    const payload = paths.map((path, index) => ({ path: `artefacts/${index}.bin`, open: () => createReadStream(path, { highWaterMark: megabyte }) }));

    await hashFilesRaw(paths); // warm the page cache so every measurement reads from memory
    const rawFilesMs = await timed(() => hashFilesRaw(paths));
    const rawMemoryMbps = await hashInMemory(paths);
    const writeMs = await timed(() => writeBagZip(bundle, { payload, key, bagName: 'bench' }));
    let verification: Awaited<ReturnType<typeof verifyBagZip>> | undefined;
    const verifyMs = await timed(async () => (verification = await verifyBagZip(bundle, key.publicKeyPem)));
    if (!verification?.ok) throw new Error(`verify failed: ${JSON.stringify(verification)}`);

    const rawFilesMbps = megabytesPerSecond(payloadBytes, rawFilesMs);
    const verifyMbps = megabytesPerSecond(payloadBytes, verifyMs);
    const report = {
      payload: `${paths.length} files, ${(payloadBytes / megabyte).toFixed(0)} MB`,
      writeMBps: round(megabytesPerSecond(payloadBytes, writeMs)),
      verifyMBps: round(verifyMbps),
      rawSha256FromFilesMBps: round(rawFilesMbps),
      rawSha256InMemoryMBps: round(rawMemoryMbps),
      verifyToRawFiles: round(verifyMbps / rawFilesMbps),
      verifyToRawInMemory: round(verifyMbps / rawMemoryMbps),
      goal: 'verify >= 0.5 of raw',
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await main();
