import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { datePrecision, formatPartialDate, isPartialDate } from './partial-date.ts';
import { zonedTimeToInstant } from './zoned-time.ts';

describe('partial dates', () => {
  it('accepts a year, a month or a day, and only real calendar dates', () => {
    for (const valid of ['2025', '2025-09', '2025-09-25', '2024-02-29']) expect(isPartialDate(valid), valid).toBe(true);
    for (const invalid of ['25', '2025-9', '2025-13', '2025-00', '2025-02-29', '2025-04-31', '2025-09-25T00:00', ' 2025']) expect(isPartialDate(invalid), invalid).toBe(false);
    expect(['2025', '2025-09', '2025-09-25'].map(datePrecision)).toEqual(['year', 'month', 'day']);
  });

  it('writes "September 2025" for a month, never a first of the month', () => {
    expect(formatPartialDate('2025-09', 'en')).toBe('September 2025');
    expect(formatPartialDate('2025', 'en')).toBe('2025');
    expect(formatPartialDate('2025-10-10', 'en')).toBe('October 10, 2025');
    expect(formatPartialDate('2025-09', 'ar')).toContain('سبتمبر');
  });
});

describe('deadlines in a time zone', () => {
  it('finds the instant of a local time, across daylight saving', () => {
    expect(zonedTimeToInstant('2025-10-10', '23:59', 'UTC').toISOString()).toBe('2025-10-10T23:59:59.999Z');
    expect(zonedTimeToInstant('2025-10-10', '23:59', 'America/Los_Angeles').toISOString()).toBe('2025-10-11T06:59:59.999Z');
    expect(zonedTimeToInstant('2025-01-10', '23:59', 'America/Los_Angeles').toISOString()).toBe('2025-01-11T07:59:59.999Z');
    expect(zonedTimeToInstant('2026-03-29', '12:00', 'Europe/Brussels').toISOString()).toBe('2026-03-29T10:00:59.999Z');
    expect(zonedTimeToInstant('2025-10-10', '09:00', 'Asia/Jerusalem').toISOString()).toBe('2025-10-10T06:00:59.999Z');
  });
});

describe('canonical JSON', () => {
  it('keeps a key named __proto__ as an ordinary key', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it('gives the same text for the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
