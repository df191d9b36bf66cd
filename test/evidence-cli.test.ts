import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApplication } from '../src/main.ts';
import { startArticleServer, type ArticleServer } from './support/article-server.ts';
import { buildCase, systemTestActor } from './support/factories.ts';

const bin = join(import.meta.dirname, '..', 'bin', 'answerable.js');
const dataDir = mkdtempSync(join(tmpdir(), 'answerable-evidence-cli-'));
let server: ArticleServer;
let caseId: string;

/** Asynchronous: the local web server the command fetches from runs in this process. */
function answerable(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--data', dataDir, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  server = await startArticleServer();
  const application = await openApplication({ dataDir, databaseUrl: undefined });
  try {
    caseId = (await buildCase(application.services, systemTestActor, { title: 'Bundle from the command line', visibility: 'published', summary: 'Tamper target: unique summary text.' })).id;
  } finally {
    await application.close();
  }
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('evidence on the command line', () => {
  it('archives with --json only when the host is allowed, printing the body’s SHA-256', async () => {
    const refused = await answerable(['archive', server.url, '--case', caseId, '--json']);
    expect(refused.status).toBe(7);
    expect(refused.stderr).toContain('loopback');

    const archived = await answerable(['archive', server.url, '--case', caseId, '--json'], { ANSWERABLE_FETCH_ALLOW_HOSTS: `127.0.0.1:${server.port}` });
    expect(archived.stderr).toBe('');
    expect(archived.status).toBe(0);
    const printed = JSON.parse(archived.stdout);
    expect(Object.keys(printed).sort()).toEqual(['captureId', 'sha256', 'sourceId']);
    expect(printed.sha256).toBe(server.lastBodySha256);
  });

  it('bundles a case, verifies it with the instance key, and names the file when one byte changes', async () => {
    const bundle = join(dataDir, 'case.zip');
    const written = await answerable(['bundle', caseId, '--out', bundle]);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    const verified = await answerable(['verify', bundle]);
    expect(verified.stderr).toBe('');
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('intact');

    const bytes = readFileSync(bundle);
    const at = bytes.indexOf('Tamper target');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(bytes);
    tampered[at] = 't'.charCodeAt(0);
    const tamperedFile = join(dataDir, 'tampered.zip');
    writeFileSync(tamperedFile, tampered);
    const failed = await answerable(['verify', tamperedFile]);
    expect(failed.status).toBe(8);
    expect(failed.stderr).toContain('data/case.json');

    const otherKey = join(dataDir, 'other.pem');
    writeFileSync(otherKey, '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n');
    const wrongKey = await answerable(['verify', bundle, '--key', otherKey]);
    expect(wrongKey.status).toBe(8);
    expect(wrongKey.stderr).toContain('tagmanifest-sha256.txt.sig');

    const publicBundle = join(dataDir, 'public.zip');
    expect((await answerable(['bundle', caseId, '--out', publicBundle, '--public'])).status).toBe(0);
    expect((await answerable(['verify', publicBundle])).status).toBe(0);
    expect(readFileSync(publicBundle).includes('history/audit-entries.json')).toBe(false);
  });
});
