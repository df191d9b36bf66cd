import type { Queryable } from '../../db/database.ts';
import type { DeadlineExtensionsTable } from '../../db/schema.ts';
import { isoNow } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { zonedTimeToInstant } from '../../shared/zoned-time.ts';
import { transact } from '../audit/transact.ts';
import { requireCaseEditor } from '../cases/case-access.ts';
import { queueEmails } from '../mail/outbound-mail.ts';
import type { Actor } from '../users/actor.ts';
import type { Letter } from './letter.ts';
import type { DeadlineExtension, DeadlineHistoryEntry, ExtensionDecisionInput, ExtensionRequestInput, ExtensionStatus } from './letter-lifecycle.ts';
import { caseEditorEmails, companyEmails } from './letter-recipients.ts';
import { requireLetterEditor, requireLetterReader } from './letters.service.ts';

/**
 * Deadline extensions: the company (or an editor on its behalf) asks for more time with a reason;
 * an editor grants or refuses. Nothing is overwritten: each request keeps the deadline it replaced,
 * so the history of deadlines can be shown.
 */
export async function requestExtension(ctx: ServiceContext, actor: Actor, letterId: string, input: ExtensionRequestInput): Promise<DeadlineExtension> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const { letter } = await requireLetterReader(ctx, tx, actor, letterId);
    if (actor.role !== 'respondent') await requireCaseEditor(tx, actor, letter.caseId);
    if (!letter.sentAt && !letter.sentOn) throw new AppError('CONFLICT', 'The letter has not been sent');
    const pending = await tx.selectFrom('deadline_extensions').select('id').where('letter_id', '=', letterId).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw new AppError('CONFLICT', 'An extension is already waiting for a decision');
    const requested = zonedTimeToInstant(input.requestedDeadline.date, input.requestedDeadline.time, input.requestedDeadline.timeZone).toISOString();
    if (letter.responseDeadline && requested <= letter.responseDeadline.at) throw AppError.invalid('requestedDeadline', 'must be later than the current deadline');
    const now = isoNow(ctx.clock);
    const row: DeadlineExtensionsTable = {
      id: newId(),
      letter_id: letterId,
      reason: input.reason,
      requested_deadline_at: requested,
      requested_by_id: actor.userId,
      requested_by_name: actor.name,
      requested_at: now,
      previous_deadline_at: letter.responseDeadline?.at ?? null,
      status: 'pending',
      granted_deadline_at: null,
      decided_by_id: null,
      decided_by_name: null,
      decided_at: null,
      decision_note: null,
    };
    await tx.insertInto('deadline_extensions').values(row).execute();
    const created = toExtension(row);
    recordChange({ action: 'create', entityType: 'deadline_extension', entityId: row.id, caseId: letter.caseId, before: null, after: created });
    await queueEmails(tx, [{ idempotencyKey: `extension-requested:${row.id}`, kind: 'extension-requested', recipients: await caseEditorEmails(tx, letter.caseId), payload: { extensionId: row.id } }], now);
    return created;
  });
}

export async function decideExtension(ctx: ServiceContext, actor: Actor, extensionId: string, input: ExtensionDecisionInput): Promise<DeadlineExtension> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const row = await tx.selectFrom('deadline_extensions').selectAll().where('id', '=', extensionId).executeTakeFirst();
    if (!row) throw AppError.notFound('Extension');
    const { letter } = await asExtensionNotFound(requireLetterEditor(ctx, tx, actor, row.letter_id));
    if (row.status !== 'pending') throw new AppError('CONFLICT', `This request was already ${row.status}`);
    const now = isoNow(ctx.clock);
    const deadline = input.decision === 'granted' ? (input.deadline ?? null) : null;
    const grantedAt = input.decision === 'granted' ? (deadline ? zonedTimeToInstant(deadline.date, deadline.time, deadline.timeZone).toISOString() : row.requested_deadline_at) : null;
    const decided = { status: input.decision, granted_deadline_at: grantedAt, decided_by_id: actor.userId, decided_by_name: actor.name, decided_at: now, decision_note: input.note || null };
    await tx.updateTable('deadline_extensions').set(decided).where('id', '=', extensionId).execute();
    if (grantedAt) {
      await tx
        .updateTable('letters')
        .set({ response_deadline_at: grantedAt, response_deadline_time_zone: deadline?.timeZone ?? letter.responseDeadline?.timeZone ?? 'UTC', updated_at: now })
        .where('id', '=', letter.id)
        .execute();
    }
    const after = toExtension({ ...row, ...decided });
    recordChange({ action: 'update', entityType: 'deadline_extension', entityId: extensionId, caseId: letter.caseId, before: toExtension(row), after });
    await queueEmails(tx, [{ idempotencyKey: `extension-decided:${extensionId}`, kind: 'extension-decided', recipients: await companyEmails(tx, letter.id, letter.recipient.id), payload: { extensionId } }], now);
    return after;
  });
}

export async function listExtensions(ctx: ServiceContext, actor: Actor, letterId: string): Promise<DeadlineExtension[]> {
  await requireLetterReader(ctx, ctx.db, actor, letterId);
  return loadExtensions(ctx.db, [letterId]);
}

export async function loadExtensions(db: Queryable, letterIds: string[]): Promise<DeadlineExtension[]> {
  if (letterIds.length === 0) return [];
  const rows = await db.selectFrom('deadline_extensions').selectAll().where('letter_id', 'in', letterIds).orderBy('requested_at').orderBy('id').execute();
  return rows.map(toExtension);
}

/** The deadlines the letter has had, oldest first. */
export function deadlineHistory(letter: Letter, extensions: DeadlineExtension[]): DeadlineHistoryEntry[] {
  const granted = extensions.filter((extension) => extension.status === 'granted' && extension.grantedDeadlineAt);
  const first = granted[0]?.previousDeadlineAt ?? letter.responseDeadline?.at ?? null;
  return [
    ...(first ? [{ at: first, setBy: 'letter' as const, extensionId: null }] : []),
    ...granted.map((extension) => ({ at: extension.grantedDeadlineAt!, setBy: 'extension' as const, extensionId: extension.id })),
  ];
}

async function asExtensionNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw AppError.notFound('Extension');
    throw error;
  }
}

function toExtension(row: DeadlineExtensionsTable): DeadlineExtension {
  return {
    id: row.id,
    letterId: row.letter_id,
    reason: row.reason,
    requestedDeadlineAt: row.requested_deadline_at,
    requestedBy: row.requested_by_name,
    requestedAt: row.requested_at,
    previousDeadlineAt: row.previous_deadline_at,
    status: row.status as ExtensionStatus,
    grantedDeadlineAt: row.granted_deadline_at,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  };
}
