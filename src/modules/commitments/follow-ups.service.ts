import { z } from 'zod';
import { isoNow } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { id, longText } from '../../shared/fields.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { findCaseAccess } from '../cases/case-access.ts';
import { type Actor, requireStaff } from '../users/actor.ts';
import type { Commitment } from './commitment.ts';
import { commitmentState, type CommitmentState } from './commitment-status.ts';
import { getCommitment, updateCommitment } from './commitments.service.ts';

export const commitmentDecisionInput = z.object({
  status: z.enum(['kept', 'broken']),
  sourceId: id().nullable().default(null).meta({ description: 'The source that shows it: a source of the same case.' }),
  note: longText(5000).default(''),
});
export type CommitmentDecisionInput = z.infer<typeof commitmentDecisionInput>;

export interface FollowUp {
  id: string;
  commitment: Commitment & { state: CommitmentState };
  dueOn: string;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  resolvedBy: string | null;
}

/** An editor's decision on a promise that fell due: kept or broken, with evidence (a source, or a note). */
export async function decideCommitment(ctx: ServiceContext, actor: Actor, commitmentId: string, input: CommitmentDecisionInput): Promise<Commitment> {
  if (!input.sourceId && input.note === '') throw AppError.invalid('sourceId', 'give the evidence: a source of the case, or a note');
  const updated = await updateCommitment(ctx, actor, commitmentId, { status: input.status, ...(input.sourceId ? { sourceId: input.sourceId } : {}) });
  await ctx.db
    .updateTable('commitment_follow_ups')
    .set({ resolved_at: isoNow(ctx.clock), resolution: input.status, resolved_by_name: actor.name, evidence_source_id: input.sourceId, note: input.note || null })
    .where('commitment_id', '=', commitmentId)
    .where('resolved_at', 'is', null)
    .execute();
  return updated;
}

/** The open follow-up tasks of the cases the actor may edit. */
export async function listFollowUps(ctx: ServiceContext, actor: Actor): Promise<FollowUp[]> {
  requireStaff(actor);
  const rows = await ctx.db
    .selectFrom('commitment_follow_ups')
    .innerJoin('commitments', 'commitments.id', 'commitment_follow_ups.commitment_id')
    .select(['commitment_follow_ups.id', 'commitment_follow_ups.commitment_id', 'commitment_follow_ups.due_on', 'commitment_follow_ups.created_at', 'commitment_follow_ups.resolved_at', 'commitment_follow_ups.resolution', 'commitment_follow_ups.resolved_by_name', 'commitments.case_id'])
    .where('commitment_follow_ups.resolved_at', 'is', null)
    .orderBy('commitment_follow_ups.due_on')
    .execute();
  const today = isoNow(ctx.clock).slice(0, 10);
  const result: FollowUp[] = [];
  for (const row of rows) {
    const access = await findCaseAccess(ctx.db, actor, row.case_id);
    if (!access?.canEdit) continue;
    const commitment = await getCommitment(ctx, actor, row.commitment_id);
    result.push({
      id: row.id,
      commitment: { ...commitment, state: commitmentState(commitment, today) },
      dueOn: row.due_on,
      createdAt: row.created_at,
      resolvedAt: row.resolved_at,
      resolution: row.resolution,
      resolvedBy: row.resolved_by_name,
    });
  }
  return result;
}
