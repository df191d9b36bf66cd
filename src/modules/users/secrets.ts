import { createHash, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { openField, sealField } from '../evidence/field-crypto.ts';
import { Secret, TOTP } from 'otpauth';

// Algorithm.Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax.
const argon2id = 2;

/** Passwords: argon2id, with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/**
 * Tokens, session ids and links are 256 random bits: a plain SHA-256 is enough to keep them
 * unusable if the database leaks, and lets them be looked up by hash.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A second factor (RFC 6238: SHA-1, 6 digits, 30 seconds), as authenticator apps expect. */
function totpOf(secret: string, label = 'Answerable'): TOTP {
  return new TOTP({ issuer: 'Answerable', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, accountEmail: string): string {
  return totpOf(secret, accountEmail).toString();
}

/** The code of this period, or of the one before or after (clock drift). */
export function verifyTotp(secret: string, code: string, at: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpOf(secret).validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null;
}

export function currentTotp(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

/**
 * A second factor's secret must be readable to check a code, so it cannot be hashed: it is sealed
 * (AES-256-GCM under the instance's field key) and bound to its account.
 */
export function sealTotpSecret(secret: string, fieldKey: Buffer, userId: string): string {
  return sealField(secret, fieldKey, `totp:${userId}`);
}

export function openTotpSecret(sealed: string, fieldKey: Buffer, userId: string): string {
  return openField(sealed, fieldKey, `totp:${userId}`);
}
