import type { Kysely } from 'kysely';

/**
 * Imports of news articles and their review queue. An import keeps the exact text the extraction
 * read (character offsets point into it) and the source it came from; each suggestion is one
 * extracted organisation, person, quote, event or letter, with its span, what the extraction
 * proposed (payload), what the editor accepted (decided_payload, with any edits), and the record
 * that accepting created or linked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    // No action, as for captures: deleting the case removes both; the source alone cannot go.
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('capture_id', 'text', (c) => c.references('captures.id'))
    .addColumn('upload_id', 'text', (c) => c.references('uploads.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('notice', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imports_case').on('imports').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('import_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('match_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_payload', 'text')
    .addColumn('result_type', 'text')
    .addColumn('result_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_suggestions_position', ['import_id', 'position'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The record is append-only: migrations are not reversed.');
}
