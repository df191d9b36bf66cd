import type { Kysely } from 'kysely';

/**
 * Evidence: captures of URLs, uploaded files, their custody log, and annotations. Evidence is never
 * edited: there is no updated_at on these tables, and no service updates or deletes their rows
 * (deleting a whole case is the one exception; its audit entry keeps what was lost). Confidential
 * fields of sources and allegations are stored sealed (AES-256-GCM), never in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const created = (table: string) => db.schema.createTable(table);

  await created('captures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    // No action (not cascade, not restrict): a source with evidence cannot be deleted on its own,
    // but deleting its case removes both in the same statement.
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('requested_url', 'text', (c) => c.notNull())
    .addColumn('final_url', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('remote_address', 'text', (c) => c.notNull())
    .addColumn('redirects', 'integer', (c) => c.notNull())
    .addColumn('response_headers', 'text', (c) => c.notNull())
    .addColumn('warc_sha256', 'text', (c) => c.notNull())
    .addColumn('warc_size', 'integer', (c) => c.notNull())
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    .addColumn('body_size', 'integer', (c) => c.notNull())
    .addColumn('text_sha256', 'text')
    .addColumn('text_size', 'integer')
    .addColumn('title', 'text')
    .addColumn('byline', 'text')
    .addColumn('published_time', 'text')
    .addColumn('site_name', 'text')
    .addColumn('language', 'text')
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('captured_by_id', 'text')
    .addColumn('captured_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('captures_source').on('captures').columns(['source_id', 'captured_at']).execute();
  await db.schema.createIndex('captures_case').on('captures').column('case_id').execute();

  await created('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('original_filename', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_id', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    // The same bytes once per case: a second upload links to the first.
    .addUniqueConstraint('uploads_case_sha256', ['case_id', 'sha256'])
    .execute();
  await db.schema.createIndex('uploads_sha256').on('uploads').column('sha256').execute();
  await db.schema.createIndex('uploads_source').on('uploads').column('source_id').execute();

  await created('custody_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('custody_entries_subject').on('custody_entries').columns(['subject_id', 'occurred_at']).execute();
  await db.schema.createIndex('custody_entries_case').on('custody_entries').column('case_id').execute();

  await created('capture_annotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('capture_id', 'text', (c) => c.notNull().references('captures.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('capture_annotations_capture').on('capture_annotations').column('capture_id').execute();

  await db.schema.alterTable('sources').addColumn('confidential_sealed', 'text').execute();
  await db.schema.alterTable('allegations').addColumn('confidential_sealed', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('The record is append-only: migrations are not reversed.');
}
