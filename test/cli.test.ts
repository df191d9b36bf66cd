import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hasPostgres } from './support/engines.ts';
import { openTestApplication } from './support/engines.ts';

const bin = join(import.meta.dirname, '..', 'bin', 'answerable.js');
const dataDir = mkdtempSync(join(tmpdir(), 'answerable-cli-'));

function answerable(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, '--data', dataDir, ...args], { input: input ?? '', encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the answerable command', () => {
  it('creates an admin with the password from standard input, and a token that is printed alone', () => {
    const created = answerable(['user', 'create', '--email', 'Lead@Example.org', '--name', 'Staff Lead', '--role', 'admin'], 'a long enough passphrase\n');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('lead@example.org');

    const token = answerable(['token', 'create', '--email', 'lead@example.org']);
    expect(token.status).toBe(0);
    expect(token.stdout).toMatch(/^ans_[A-Za-z0-9_-]{43}\n$/);

    const file = new Database(join(dataDir, 'answerable.sqlite'), { readonly: true });
    const stored = file.prepare('select token_hash from api_tokens').all() as { token_hash: string }[];
    file.close();
    expect(stored.map((row) => row.token_hash)).not.toContain(token.stdout.trim());
  });

  it('refuses a short password and a wrong role, naming the field, and creates nothing', () => {
    const short = answerable(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'editor'], 'short\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('password: must be at least 12 characters');
    const role = answerable(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'owner'], 'a long enough passphrase\n');
    expect(role.status).not.toBe(0);
    expect(role.stderr).toContain('--role');
    expect(answerable(['token', 'create', '--email', 'x@example.org']).status).toBe(2);
  });

  it('loads the demo once, exports it, and verifies the history until someone edits it', () => {
    expect(answerable(['demo']).stdout).toContain('Loaded the demo case');
    expect(answerable(['demo']).stdout).toContain('nothing changed');
    const exported = answerable(['export', '--format', 'json']);
    expect(exported.status).toBe(0);
    const record = JSON.parse(exported.stdout);
    expect(record.cases[0].case.slug).toBe('microsoft-unit-8200');
    expect(JSON.stringify(record)).not.toMatch(/password|token_hash/);

    const intact = answerable(['audit', 'verify']);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/intact: \d+ entries/);

    const file = new Database(join(dataDir, 'answerable.sqlite'));
    file.prepare("update audit_entries set after = replace(after, 'The Guardian', 'The Gardian') where seq = 7").run();
    expect(file.prepare('select after from audit_entries where seq = 7').get()).toMatchObject({ after: expect.stringContaining('The Gardian') });
    file.close();
    const broken = answerable(['audit', 'verify']);
    expect(broken.status).toBe(8);
    expect(broken.stderr).toContain('entry 7');
  });

  it.runIf(hasPostgres)('runs every command against PostgreSQL with --database-url', async () => {
    const app = await openTestApplication('postgres');
    try {
      const result = spawnSync(process.execPath, [bin, '--database-url', app.databaseUrl!, 'demo'], { encoding: 'utf8', timeout: 60_000 });
      expect(result.status).toBe(0);
      const verify = spawnSync(process.execPath, [bin, '--database-url', app.databaseUrl!, 'audit', 'verify'], { encoding: 'utf8', timeout: 60_000 });
      expect(verify.stdout).toContain('intact');
    } finally {
      await app.destroy();
    }
  });

  it('starts the server on first run with a one-time link to create the first admin', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'answerable-serve-'));
    const child = spawn(process.execPath, [bin, '--data', fresh, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      const link = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+\/setup\/\S+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once('exit', () => reject(new Error(`server exited: ${output}`)));
      });
      const health = await fetch(new URL('/health', link));
      expect(await health.text()).toBe('ok');
      expect((await fetch(link)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
