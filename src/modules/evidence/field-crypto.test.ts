import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openField, parseFieldKey, sealField } from './field-crypto.ts';

const key = randomBytes(32);
const place = 'witness:42:name';

describe('confidential fields', () => {
  it('round-trips any text, Arabic and Hebrew included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (plaintext) => {
        const sealed = sealField(plaintext, key, place);
        expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
        expect(openField(sealed, key, place)).toBe(plaintext);
      }),
    );
    expect(openField(sealField('\u0634\u0627\u0647\u062f \u05e2\u05d3', key, place), key, place)).toBe('\u0634\u0627\u0647\u062f \u05e2\u05d3');
  });

  it('never seals the same text the same way twice (random nonce)', () => {
    expect(sealField('Jane Doe', key, place)).not.toBe(sealField('Jane Doe', key, place));
  });

  it('fails with the wrong key', () => {
    expect(() => openField(sealField('Jane Doe', key, place), randomBytes(32), place)).toThrow(/could not be decrypted/);
  });

  it('fails when any character of the sealed text changes', () => {
    const sealed = sealField('Jane Doe', key, place);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sealed.length - 1 }), fc.constantFrom(...'ABCabc012-_.'), (index, replacement) => {
        fc.pre(sealed[index] !== replacement);
        const changed = sealed.slice(0, index) + replacement + sealed.slice(index + 1);
        expect(() => openField(changed, key, place)).toThrow();
      }),
    );
  });

  it('binds a value to its record: it cannot be moved to another', () => {
    const sealed = sealField('Jane Doe', key, 'witness:42:name');
    expect(() => openField(sealed, key, 'witness:43:name')).toThrow(/could not be decrypted/);
  });

  it('reads the key from a 32-byte base64 setting', () => {
    expect(parseFieldKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseFieldKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
