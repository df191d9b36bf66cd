import type { Queryable } from '../../db/database.ts';
import type { OutboundEmailsTable } from '../../db/schema.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { enqueueJobs } from '../jobs/job-queue.ts';
import { mailOf } from './mailer.ts';

/**
 * Email is queued, never sent inside a request: the change and the message to send commit together
 * (in the caller's transaction), and a job delivers it afterwards. Each message has a deterministic
 * idempotency key in a unique column, so queuing the same message twice (a retried sweep, a
 * crashed worker) yields one row and one delivery.
 */
export interface QueuedEmail {
  idempotencyKey: string;
  kind: string;
  recipients: string[];
  /** What the message is rendered from at delivery (ids, dates): never a secret. */
  payload: Record<string, unknown>;
}

/** The job that delivers a queued message (its handler is in jobs/definitions.ts, which knows every kind of message). */
export const deliverEmailJobKind = { name: 'deliver-email', version: 1, maxAttempts: 10 } as const;

/** Queues the messages not queued before; returns how many were new. */
export async function queueEmails(db: Queryable, emails: QueuedEmail[], now: string): Promise<number> {
  let queued = 0;
  for (let start = 0; start < emails.length; start += 500) {
    const rows: OutboundEmailsTable[] = emails.slice(start, start + 500).map((email) => ({
      id: newId(),
      idempotency_key: email.idempotencyKey,
      kind: email.kind,
      recipients: JSON.stringify([...new Set(email.recipients)]),
      payload: JSON.stringify(email.payload),
      created_at: now,
      sent_at: null,
      transport: null,
    }));
    const inserted = await db
      .insertInto('outbound_emails')
      .values(rows)
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .returning(['id', 'idempotency_key'])
      .execute();
    await enqueueJobs(
      db,
      inserted.map((row) => ({ ...deliverEmailJobKind, payload: { emailId: row.id }, uniqueKey: `deliver:${row.idempotency_key}` })),
      now,
    );
    queued += inserted.length;
  }
  return queued;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

export type RenderEmail = (ctx: ServiceContext, email: OutboundEmailsTable) => Promise<RenderedEmail | null>;

/**
 * Delivers one queued message, once: a message already marked sent is skipped. The crash window
 * between the SMTP server's acceptance and the mark is the one place a duplicate could arise; the
 * Message-ID derived from the key lets mail software recognise it, and the outbox file is replaced.
 */
export async function deliverEmail(ctx: ServiceContext, emailId: string, render: RenderEmail): Promise<'sent' | 'already sent' | 'dropped'> {
  const email = await ctx.db.selectFrom('outbound_emails').selectAll().where('id', '=', emailId).executeTakeFirst();
  if (!email) return 'dropped';
  if (email.sent_at) return 'already sent';
  const recipients = JSON.parse(email.recipients) as string[];
  const rendered = recipients.length > 0 ? await render(ctx, email) : null;
  const { mailer } = mailOf(ctx);
  if (rendered) await mailer.send({ idempotencyKey: email.idempotency_key, to: recipients, subject: rendered.subject, text: rendered.text });
  await ctx.db
    .updateTable('outbound_emails')
    .set({ sent_at: isoNow(ctx.clock), transport: rendered ? mailer.transport : 'none' })
    .where('id', '=', emailId)
    .where('sent_at', 'is', null)
    .execute();
  return rendered ? 'sent' : 'dropped';
}
