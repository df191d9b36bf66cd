import { describe, expect, it } from 'vitest';
import { sortTimeline, timelineItem, type TimelineKind } from './timeline.ts';

const item = (date: string, kind: TimelineKind = 'event', id = date) => timelineItem({ date, kind, label: id, organization: null, record: { type: 'event', id }, sourceId: null });

describe('timeline order', () => {
  it('puts a month before its days and after the month before, a year before its months', () => {
    const sorted = sortTimeline([item('2025-09-25'), item('2025-10'), item('2025'), item('2025-09'), item('2025-08-31'), item('2024-12-31')]);
    expect(sorted.map((entry) => entry.date)).toEqual(['2024-12-31', '2025', '2025-08-31', '2025-09', '2025-09-25', '2025-10']);
    expect(sorted.map((entry) => entry.precision)).toEqual(['day', 'year', 'day', 'month', 'day', 'month']);
  });

  it('orders entries of one date by what happens first', () => {
    const sorted = sortTimeline([item('2025-10-10', 'response_deadline', 'b'), item('2025-10-10', 'letter_published', 'a'), item('2025-10-10', 'letter_sent', 'c')]);
    expect(sorted.map((entry) => entry.kind)).toEqual(['letter_sent', 'letter_published', 'response_deadline']);
  });
});
