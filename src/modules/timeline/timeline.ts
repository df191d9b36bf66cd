import { type DatePrecision, datePrecision } from '../../shared/partial-date.ts';

export const timelineKinds = [
  'event',
  'source_published',
  'letter_sent',
  'letter_published',
  'response_deadline',
  'response_received',
  'statement',
  'company_action',
  'commitment_made',
  'commitment_due',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export interface TimelineItem {
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the record, never more. */
  date: string;
  precision: DatePrecision;
  kind: TimelineKind;
  /** The record's own words: a letter's subject, a quote, an action's description. */
  label: string;
  /** The organisation the entry concerns, where there is one. */
  organization: string | null;
  record: { type: string; id: string };
  sourceId: string | null;
}

export function timelineItem(item: Omit<TimelineItem, 'precision'>): TimelineItem {
  return { ...item, precision: datePrecision(item.date) };
}

/**
 * Date order, with the precision each date has: "2025-09" sorts before "2025-09-25" and after
 * "2025-08-31" (a month comes before the days within it); same-date entries keep the order of
 * their kinds (a letter is sent before its deadline), then of their records.
 */
export function sortTimeline(items: TimelineItem[]): TimelineItem[] {
  const kindOrder = (kind: TimelineKind) => timelineKinds.indexOf(kind);
  return [...items].sort(
    (a, b) => compare(a.date, b.date) || kindOrder(a.kind) - kindOrder(b.kind) || compare(a.record.id, b.record.id),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
