/**
 * The instance's Ed25519 key: it signs case bundles so that anyone can check, offline, that a
 * bundle came from this Answerable instance unchanged. The public key is published at
 * `/.well-known/answerable-key.pem`; the private key never leaves the data directory.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface InstanceKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, as served at /.well-known/answerable-key.pem. */
  publicKeyPem: string;
  /** SHA-256 of the DER public key, hex: a short name for the key in bundles and pages. */
  fingerprint: string;
}

export const privateKeyFileName = 'instance-ed25519.key';
export const publicKeyFileName = 'instance-ed25519.pub.pem';

/** Loads the key pair from `dir`, creating it on first run. */
export async function loadOrCreateInstanceKey(dir: string): Promise<InstanceKey> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privatePath = join(dir, privateKeyFileName);
  const existing = await readFile(privatePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) return instanceKeyFrom(createPrivateKey(existing));

  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Written aside, then linked into place: the key file appears complete or not at all, and if
  // two processes start at once the second link fails and that process reads the first one's key.
  const tempPath = `${privatePath}.${randomUUID()}.tmp`;
  await writeFile(tempPath, pem, { mode: 0o600, flag: 'wx' });
  try {
    await link(tempPath, privatePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateInstanceKey(dir);
    throw error;
  } finally {
    await unlink(tempPath);
  }
  const key = instanceKeyFrom(privateKey);
  await writeFile(join(dir, publicKeyFileName), key.publicKeyPem, { mode: 0o644 });
  return key;
}

function instanceKeyFrom(privateKey: KeyObject): InstanceKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

export function publicKeyFingerprint(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function signDetached(data: Buffer, privateKey: KeyObject): Buffer {
  // Ed25519 hashes internally; node:crypto wants `null` as the digest for it.
  return sign(null, data, privateKey);
}

/** False (never an exception) for a bad signature, a malformed key or a key of another type. */
export function verifyDetached(data: Buffer, signature: Buffer, publicKey: KeyObject | string): boolean {
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}
