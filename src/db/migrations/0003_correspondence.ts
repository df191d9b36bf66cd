import type { Kysely } from 'kysely';

/**
 * Correspondence with companies: the letter's life (approvals, sending, scheduled publication,
 * deadline extensions), the company portal (respondents bound to a company, single-use invitation
 * links kept as hashes, answer drafts, attachments, submitted responses with their SHA-256),
 * classification of answers with who made it, decisions on commitments, and the durable job
 * queue with the outbound mail it delivers. Portable types only, as in 0001.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const created = (table: string) => db.schema.createTable(table);

  // A respondent is bound to one company; a second factor is optional.
  await db.schema.alterTable('users').addColumn('company_id', 'text', (c) => c.references('organizations.id').onDelete('restrict')).execute();
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();

  // The instant the letter was sent through Answerable (sent_on stays its date, also for letters recorded from the past),
  // and the instant it is (or will be) made public: until then it is embargoed.
  await db.schema.alterTable('letters').addColumn('sent_at', 'text').execute();
  await db.schema.alterTable('letters').addColumn('publish_at', 'text').execute();
  await db.schema.createIndex('letters_deadline').on('letters').column('response_deadline_at').execute();
  await db.schema.createIndex('letters_recipient').on('letters').column('recipient_id').execute();

  await created('letter_approvals')
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_approvals_pk', ['letter_id', 'organization_id'])
    .execute();

  await created('letter_contacts')
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_contacts_pk', ['letter_id', 'email'])
    .execute();

  await created('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Minted when the email is delivered, so the secret never rests in the database or the queue.
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('company_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('letter_id', 'text', (c) => c.references('letters.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await created('deadline_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_deadline_at', 'text', (c) => c.notNull())
    .addColumn('requested_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('previous_deadline_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('granted_deadline_at', 'text')
    .addColumn('decided_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('deadline_extensions_letter').on('deadline_extensions').column('letter_id').execute();

  await created('answer_drafts')
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('letter_questions.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_drafts_pk', ['letter_id', 'question_id'])
    .execute();

  await created('response_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('letter_id', 'text', (c) => c.notNull().references('letters.id').onDelete('cascade'))
    // null while the attachment belongs to the draft; set, once, when the response is submitted.
    .addColumn('response_id', 'text', (c) => c.references('responses.id').onDelete('restrict'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('response_attachments_letter').on('response_attachments').column('letter_id').execute();

  // Who submitted a response through the portal, when to the millisecond, and the SHA-256 of it as stored.
  await db.schema.alterTable('responses').addColumn('submitted_at', 'text').execute();
  await db.schema.alterTable('responses').addColumn('submitted_by_id', 'text', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('responses').addColumn('submitted_by_name', 'text').execute();
  await db.schema.alterTable('responses').addColumn('sha256', 'text').execute();
  await db.schema.createIndex('responses_letter').on('responses').column('letter_id').execute();

  await db.schema.alterTable('response_answers').addColumn('classified_by_id', 'text').execute();
  await db.schema.alterTable('response_answers').addColumn('classified_by_name', 'text').execute();
  await db.schema.alterTable('response_answers').addColumn('classified_at', 'text').execute();

  await created('commitment_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .addColumn('resolved_by_name', 'text')
    .addColumn('evidence_source_id', 'text', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addUniqueConstraint('commitment_follow_ups_due', ['commitment_id', 'due_on'])
    .execute();

  await created('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // Enqueuing the same key twice is a no-op: recurring sweeps and per-email deliveries are keyed.
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('done_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['done_at', 'failed_at', 'run_at']).execute();

  await created('outbound_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Deterministic (reminder:<letter>:<kind>:<deadline>, receipt:<response>:company…): a retried job cannot send twice.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('transport', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The record is append-only: migrations are not reversed.');
}
