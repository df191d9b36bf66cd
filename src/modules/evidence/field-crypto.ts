/**
 * Confidential fields (a witness's identity, a contact at risk) encrypted at rest with
 * AES-256-GCM, so that a copied database or backup does not expose the people it protects.
 *
 * Sealed form: `v1.<base64url(nonce ‖ ciphertext ‖ tag)>`. The version prefix lets the format or
 * key change later. The associated data binds a value to its place (e.g. `witness:42:name`): a
 * sealed value copied to another record or field no longer opens.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';

const version = 'v1';
const nonceBytes = 12;
const tagBytes = 16;

/** The key from its setting: 32 random bytes in base64 (`openssl rand -base64 32`). */
export function parseFieldKey(base64: string, settingName = 'ANSWERABLE_FIELD_KEY'): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) {
    throw AppError.invalid(settingName, 'must be 32 bytes in base64 (openssl rand -base64 32)');
  }
  return key;
}

export function sealField(plaintext: string, key: Buffer, associatedData: string): string {
  assertKey(key);
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${version}.${Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

export function openField(sealed: string, key: Buffer, associatedData: string): string {
  assertKey(key);
  const [prefix, body, ...rest] = sealed.split('.');
  if (prefix !== version || body === undefined || rest.length > 0) throw cannotOpen('unknown format');
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length < nonceBytes + tagBytes || bytes.toString('base64url') !== body) throw cannotOpen('malformed');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, nonceBytes));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(nonceBytes, bytes.length - tagBytes)), decipher.final()]).toString('utf8');
  } catch {
    // GCM does not say why; wrong key, changed bytes and moved values all look the same.
    throw cannotOpen('wrong key, or the value was changed or moved');
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new AppError('INTERNAL', 'The field encryption key must be 32 bytes');
}

function cannotOpen(reason: string): AppError {
  return new AppError('INTEGRITY_FAILED', `A confidential field could not be decrypted: ${reason}`);
}
