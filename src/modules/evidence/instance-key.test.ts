import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateInstanceKey, privateKeyFileName, publicKeyFileName, signDetached, verifyDetached } from './instance-key.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'answerable-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the instance key', () => {
  it('is created on first run with a private file, and loaded afterwards', async () => {
    const [first, concurrent] = await Promise.all([loadOrCreateInstanceKey(dir), loadOrCreateInstanceKey(dir)]);
    expect(first.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(concurrent.fingerprint).toBe(first.fingerprint);
    expect((await stat(join(dir, privateKeyFileName))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, publicKeyFileName))).isFile()).toBe(true);
    expect((await loadOrCreateInstanceKey(dir)).fingerprint).toBe(first.fingerprint);
  });

  it('signs and verifies detached signatures', async () => {
    const key = await loadOrCreateInstanceKey(dir);
    const data = Buffer.from('tag manifest');
    const signature = signDetached(data, key.privateKey);
    expect(signature).toHaveLength(64);
    expect(verifyDetached(data, signature, key.publicKeyPem)).toBe(true);
    expect(verifyDetached(Buffer.from('tag manifesT'), signature, key.publicKeyPem)).toBe(false);
    expect(verifyDetached(data, signature, 'not a key')).toBe(false);
  });
});
