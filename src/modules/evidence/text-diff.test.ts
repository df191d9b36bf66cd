import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffCaptureTexts } from './text-diff.ts';

const before = 'Microsoft said it would reply.\nThe services were disabled.\nNo further comment.\n';
const after = 'Microsoft said it would reply at the end of the month.\nThe services were disabled.\n';

describe('diffCaptureTexts', () => {
  it('marks removed, added and kept lines', () => {
    const diff = diffCaptureTexts(before, after);
    expect(diff.identical).toBe(false);
    expect(diff.parts).toEqual([
      { kind: 'removed', text: 'Microsoft said it would reply.\n' },
      { kind: 'added', text: 'Microsoft said it would reply at the end of the month.\n' },
      { kind: 'kept', text: 'The services were disabled.\n' },
      { kind: 'removed', text: 'No further comment.\n' },
    ]);
  });

  it('shows a changed phrase inside a sentence at word granularity', () => {
    const diff = diffCaptureTexts('It disabled three subscriptions.', 'It disabled some subscriptions.', 'word');
    expect(diff.parts).toEqual([
      { kind: 'kept', text: 'It disabled ' },
      { kind: 'removed', text: 'three' },
      { kind: 'added', text: 'some' },
      { kind: 'kept', text: ' subscriptions.' },
    ]);
  });

  it('rebuilds both texts from its parts, whatever the texts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom('line' as const, 'word' as const), (left, right, granularity) => {
        const { parts, identical } = diffCaptureTexts(left, right, granularity);
        expect(parts.filter((part) => part.kind !== 'added').map((part) => part.text).join('')).toBe(left);
        expect(parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join('')).toBe(right);
        expect(identical).toBe(left === right);
      }),
      { numRuns: 300 },
    );
  });
});
