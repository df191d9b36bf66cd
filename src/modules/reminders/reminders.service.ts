import { sql } from 'kysely';
import { defaultCorrespondenceSettings } from '../../config.ts';
import { isoNow } from '../../shared/clock.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { isPeriodOver } from '../commitments/commitment-status.ts';
import { newId } from '../../shared/ids.ts';
import { queueEmails, type QueuedEmail } from '../mail/outbound-mail.ts';

const dayMs = 24 * 3600 * 1000;
/** Overdue notices are caught up for deadlines up to this long ago (a server that was down for a while). */
const overdueCatchUpMs = 30 * dayMs;

export interface SweepResult {
  lettersExamined: number;
  emailsQueued: number;
  followUpsCreated: number;
}

export interface SweepOptions {
  batchSize?: number;
  /** Called after each committed batch; tests throw here to simulate a crash in the middle. */
  afterBatch?: (batch: number) => void | Promise<void>;
}

/**
 * The reminder sweep. For each sent letter with a deadline and no response yet: the company is
 * reminded N days before (7 and 1 by default, the latest one due only), and the case's editors are
 * told once it is overdue. Every message has a deterministic key (reminder:<letter>:<N>d:<deadline>,
 * overdue:<letter>:<deadline>), so a sweep that is run twice, or crashes halfway and is run again,
 * queues each message exactly once; an extended deadline gets reminders of its own. Batches commit
 * one by one, so a crash loses at most the batch in progress, which the next run redoes.
 */
export async function sweepReminders(ctx: ServiceContext, options: SweepOptions = {}): Promise<SweepResult> {
  const reminderDays = (ctx.correspondence ?? defaultCorrespondenceSettings).reminderDays;
  const batchSize = options.batchSize ?? 1000;
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const from = new Date(now.getTime() - overdueCatchUpMs).toISOString();
  const until = new Date(now.getTime() + Math.max(0, ...reminderDays) * dayMs).toISOString();
  let lettersExamined = 0;
  let emailsQueued = 0;
  let after = '';
  for (let batch = 1; ; batch += 1) {
    const letters = await ctx.db
      .selectFrom('letters')
      .select(['id', 'case_id', 'recipient_id', 'response_deadline_at', 'sent_at'])
      .where('response_deadline_at', '>', from)
      .where('response_deadline_at', '<=', until)
      .where((eb) => eb.or([eb('sent_on', 'is not', null), eb('sent_at', 'is not', null)]))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('responses').select(sql`1`.as('one')).whereRef('responses.letter_id', '=', 'letters.id'))))
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (letters.length === 0) break;
    after = letters.at(-1)!.id;
    lettersExamined += letters.length;
    const letterIds = letters.map((letter) => letter.id);
    const [contacts, respondents, editors] = await Promise.all([
      ctx.db.selectFrom('letter_contacts').select(['letter_id', 'email']).where('letter_id', 'in', letterIds).execute(),
      ctx.db
        .selectFrom('users')
        .select(['company_id', 'email'])
        .where('role', '=', 'respondent')
        .where('disabled_at', 'is', null)
        .where('company_id', 'in', [...new Set(letters.map((letter) => letter.recipient_id))])
        .execute(),
      ctx.db
        .selectFrom('case_members')
        .innerJoin('users', 'users.id', 'case_members.user_id')
        .select(['case_members.case_id', 'users.email'])
        .where('case_members.role', '=', 'editor')
        .where('users.role', 'in', ['editor', 'admin'])
        .where('users.disabled_at', 'is', null)
        .where('case_members.case_id', 'in', [...new Set(letters.map((letter) => letter.case_id))])
        .execute(),
    ]);
    const emails: QueuedEmail[] = [];
    for (const letter of letters) {
      const deadline = letter.response_deadline_at!;
      if (deadline <= nowIso) {
        const recipients = editors.filter((editor) => editor.case_id === letter.case_id).map((editor) => editor.email);
        if (recipients.length > 0) emails.push({ idempotencyKey: `overdue:${letter.id}:${deadline}`, kind: 'overdue', recipients, payload: { letterId: letter.id, deadlineAt: deadline } });
        continue;
      }
      const deadlineMs = Date.parse(deadline);
      // The latest reminder whose moment has come; none if that moment was before the letter was sent.
      const due = reminderDays.filter((days) => deadlineMs - days * dayMs <= now.getTime()).sort((a, b) => a - b)[0];
      if (due === undefined) continue;
      if (letter.sent_at && new Date(deadlineMs - due * dayMs).toISOString() < letter.sent_at) continue;
      const recipients = [
        ...contacts.filter((contact) => contact.letter_id === letter.id).map((contact) => contact.email),
        ...respondents.filter((respondent) => respondent.company_id === letter.recipient_id).map((respondent) => respondent.email),
      ];
      if (recipients.length > 0) emails.push({ idempotencyKey: `reminder:${letter.id}:${due}d:${deadline}`, kind: 'reminder', recipients, payload: { letterId: letter.id, days: due, deadlineAt: deadline } });
    }
    emailsQueued += await ctx.db.transaction().execute((tx) => queueEmails(tx, emails, nowIso));
    await options.afterBatch?.(batch);
  }
  const followUpsCreated = await sweepCommitmentsDue(ctx);
  return { lettersExamined, emailsQueued, followUpsCreated };
}

/**
 * Promises that fell due ("we will reply at the end of the month") while still open become a
 * follow-up task for the case's editors, to mark them kept or broken with evidence; the editors are
 * emailed once per promise and due date.
 */
export async function sweepCommitmentsDue(ctx: ServiceContext): Promise<number> {
  const now = isoNow(ctx.clock);
  const today = now.slice(0, 10);
  const due = (await ctx.db.selectFrom('commitments').select(['id', 'case_id', 'due_on']).where('status', '=', 'open').where('due_on', 'is not', null).where('due_on', '<=', today).execute()).filter(
    (commitment) => isPeriodOver(commitment.due_on!, today),
  );
  let created = 0;
  for (const commitment of due) {
    await ctx.db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('commitment_follow_ups')
        .values({ id: newId(), commitment_id: commitment.id, due_on: commitment.due_on!, created_at: now, resolved_at: null, resolution: null, resolved_by_name: null, evidence_source_id: null, note: null })
        .onConflict((conflict) => conflict.columns(['commitment_id', 'due_on']).doNothing())
        .returning('id')
        .execute();
      created += inserted.length;
      const editors = await tx
        .selectFrom('case_members')
        .innerJoin('users', 'users.id', 'case_members.user_id')
        .select('users.email')
        .where('case_members.case_id', '=', commitment.case_id)
        .where('case_members.role', '=', 'editor')
        .where('users.disabled_at', 'is', null)
        .execute();
      if (editors.length > 0) {
        await queueEmails(tx, [{ idempotencyKey: `commitment-due:${commitment.id}:${commitment.due_on}`, kind: 'commitment-due', recipients: editors.map((e) => e.email), payload: { commitmentId: commitment.id } }], now);
      }
    });
  }
  return created;
}
