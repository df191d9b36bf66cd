import type { Commitment } from './commitment.ts';

/**
 * Where a promise stands, computed from its recorded status and the clock: an open promise whose
 * due date has passed (at the precision given: "by the end of October" is due until 31 October)
 * is past due and awaits an editor's decision, kept or broken, with evidence.
 */
export type CommitmentState = 'open' | 'past_due' | 'kept' | 'broken' | 'withdrawn';

export function isPeriodOver(partialDate: string, today: string): boolean {
  return today.slice(0, partialDate.length) > partialDate;
}

export function commitmentState(commitment: Pick<Commitment, 'status' | 'dueOn'>, today: string): CommitmentState {
  if (commitment.status !== 'open') return commitment.status;
  return commitment.dueOn && isPeriodOver(commitment.dueOn, today) ? 'past_due' : 'open';
}
