import { isoNow } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { mailOf } from '../mail/mailer.ts';
import { inviteContacts } from '../portal/invitations.service.ts';
import { loadResponses } from '../responses/responses.service.ts';
import { type Actor, isStaff } from '../users/actor.ts';
import type { Letter } from './letter.ts';
import type { PublishLetterInput, SendLetterInput } from './letter-lifecycle.ts';
import { computeLetterStatus, type LetterApproval, type LetterStatus } from './letter-status.ts';
import { loadLetters } from './letters.repository.ts';
import { requireLetterEditor, requireLetterReader } from './letters.service.ts';
import type { Queryable } from '../../db/database.ts';

/**
 * A letter's life: a draft is approved by every signatory organisation (one approval each, by a
 * person of that organisation), then sent to the company's contacts (each receives a link to the
 * portal), then published now or at a chosen instant (embargoed until then).
 */
export async function approveLetter(ctx: ServiceContext, actor: Actor, letterId: string): Promise<LetterStatus> {
  await transact(ctx, actor, async (tx, recordChange) => {
    const { letter, access } = await requireLetterReader(ctx, tx, actor, letterId);
    if (!access.isInsider || !isStaff(actor) || !actor.userId) throw AppError.notFound('Letter');
    if (letter.sentAt || letter.sentOn) throw new AppError('CONFLICT', 'The letter has already been sent');
    const user = await tx.selectFrom('users').select('organization_id').where('id', '=', actor.userId).executeTakeFirst();
    const organizationId = user?.organization_id ?? null;
    if (!organizationId || !letter.signatories.some((signatory) => signatory.id === organizationId)) {
      throw new AppError('FORBIDDEN', 'Only a person of a signatory organisation may approve the letter, for that organisation');
    }
    const existing = await tx.selectFrom('letter_approvals').select('user_name').where('letter_id', '=', letterId).where('organization_id', '=', organizationId).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', `Your organisation has already approved this wording (${existing.user_name})`);
    const approval = { letter_id: letterId, organization_id: organizationId, user_id: actor.userId, user_name: actor.name, approved_at: isoNow(ctx.clock) };
    await tx.insertInto('letter_approvals').values(approval).execute();
    recordChange({ action: 'create', entityType: 'letter_approval', entityId: `${letterId}/${organizationId}`, caseId: letter.caseId, before: null, after: { organizationId, approvedBy: actor.name, subject: letter.subject } });
  });
  return getLetterStatus(ctx, actor, letterId);
}

export interface SentLetter {
  letter: Letter;
  /** 'outbox': no SMTP server is configured; the messages are .eml files in outboxDir. */
  delivery: 'smtp' | 'outbox';
  outboxDir: string | null;
  contacts: string[];
}

export async function sendLetter(ctx: ServiceContext, actor: Actor, letterId: string, input: SendLetterInput): Promise<SentLetter> {
  const letter = await transact(ctx, actor, async (tx, recordChange) => {
    const { letter: before } = await requireLetterEditor(ctx, tx, actor, letterId);
    if (before.sentAt || before.sentOn) throw new AppError('CONFLICT', 'The letter has already been sent');
    const approvals = await loadApprovals(tx, letterId);
    const missing = before.signatories.filter((signatory) => !approvals.some((approval) => approval.organizationId === signatory.id));
    if (missing.length > 0) throw new AppError('CONFLICT', `Every signatory must approve the letter before it is sent; waiting for ${missing.map((s) => s.name).join(', ')}`);
    const now = isoNow(ctx.clock);
    await tx.updateTable('letters').set({ sent_at: now, sent_on: now.slice(0, 10), updated_at: now }).where('id', '=', letterId).execute();
    await inviteContacts(ctx, tx, { letter: before, contacts: input.contacts, now });
    const [after] = await loadLetters(tx, { ids: [letterId] });
    recordChange({ action: 'update', entityType: 'letter', entityId: letterId, caseId: before.caseId, before, after: { ...after, contacts: input.contacts } });
    return after!;
  });
  const { mailer } = mailOf(ctx);
  return { letter, delivery: mailer.transport, outboxDir: mailer.outboxDir ?? null, contacts: input.contacts.map((contact) => contact.email) };
}

export async function publishLetter(ctx: ServiceContext, actor: Actor, letterId: string, input: PublishLetterInput): Promise<Letter> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const { letter: before } = await requireLetterEditor(ctx, tx, actor, letterId);
    if (!before.sentAt && !before.sentOn) throw new AppError('CONFLICT', 'A letter is published after it is sent');
    const at = input.at ? new Date(input.at).toISOString() : isoNow(ctx.clock);
    await tx.updateTable('letters').set({ publish_at: at, published_on: at.slice(0, 10), updated_at: isoNow(ctx.clock) }).where('id', '=', letterId).execute();
    const [after] = await loadLetters(tx, { ids: [letterId] });
    recordChange({ action: 'update', entityType: 'letter', entityId: letterId, caseId: before.caseId, before, after });
    return after!;
  });
}

export async function getLetterStatus(ctx: ServiceContext, actor: Actor, letterId: string): Promise<LetterStatus> {
  const { letter, access } = await requireLetterReader(ctx, ctx.db, actor, letterId);
  const status = await computeLetterStatusFor(ctx.db, letter, ctx.clock.now());
  // Who approved, by name, is for the coalition itself: not for the public or the company.
  return access.isInsider ? status : withoutApprovers(status);
}

export async function computeLetterStatusFor(db: Queryable, letter: Letter, now: Date): Promise<LetterStatus> {
  const [responses, approvals] = await Promise.all([loadResponses(db, { letterIds: [letter.id] }), loadApprovals(db, letter.id)]);
  return computeLetterStatus({ letter, responses, approvals, now });
}

export async function loadApprovals(db: Queryable, letterId: string): Promise<LetterApproval[]> {
  const rows = await db.selectFrom('letter_approvals').selectAll().where('letter_id', '=', letterId).execute();
  return rows.map((row) => ({ organizationId: row.organization_id, userName: row.user_name, approvedAt: row.approved_at }));
}

export function withoutApprovers(status: LetterStatus): LetterStatus {
  return { ...status, approvals: status.approvals.map((approval) => ({ ...approval, approvedBy: null, approvedAt: null })) };
}
