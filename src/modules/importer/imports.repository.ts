import type { Queryable } from '../../db/database.ts';
import type { ImportsTable, ImportSuggestionsTable } from '../../db/schema.ts';
import type { ArticleImport, Suggestion, SuggestionKind, SuggestionPayload, SuggestionStatus } from './import.ts';

export async function findImportRow(db: Queryable, importId: string): Promise<ImportsTable | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
}

export async function listImportRows(db: Queryable, caseId: string): Promise<ImportsTable[]> {
  return db.selectFrom('imports').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findSuggestionRow(db: Queryable, suggestionId: string): Promise<ImportSuggestionsTable | undefined> {
  return db.selectFrom('import_suggestions').selectAll().where('id', '=', suggestionId).executeTakeFirst();
}

export async function listSuggestionRows(db: Queryable, importId: string): Promise<ImportSuggestionsTable[]> {
  return db.selectFrom('import_suggestions').selectAll().where('import_id', '=', importId).orderBy('position').execute();
}

/** How many suggestions of each import are pending, accepted and rejected. */
export async function countSuggestions(db: Queryable, importIds: string[]): Promise<Map<string, Record<SuggestionStatus, number>>> {
  const counts = new Map<string, Record<SuggestionStatus, number>>(importIds.map((id) => [id, { pending: 0, accepted: 0, rejected: 0 }]));
  if (importIds.length === 0) return counts;
  const rows = await db
    .selectFrom('import_suggestions')
    .select(['import_id', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('import_id', 'in', importIds)
    .groupBy(['import_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.import_id);
    if (entry) entry[row.status as SuggestionStatus] = Number(row.count);
  }
  return counts;
}

export function toArticleImport(row: ImportsTable, counts: Record<SuggestionStatus, number>): ArticleImport {
  return {
    id: row.id,
    caseId: row.case_id,
    sourceId: row.source_id,
    captureId: row.capture_id,
    uploadId: row.upload_id,
    title: row.title,
    published: row.published_on,
    textSha256: row.text_sha256,
    notice: row.notice,
    createdAt: row.created_at,
    createdBy: row.created_by,
    counts,
  };
}

export function toSuggestion(row: ImportSuggestionsTable, matchName: string | null): Suggestion {
  return {
    id: row.id,
    importId: row.import_id,
    caseId: row.case_id,
    sourceId: row.source_id,
    position: row.position,
    kind: row.kind as SuggestionKind,
    payload: JSON.parse(row.payload) as SuggestionPayload,
    span: [row.span_start, row.span_end],
    match: row.match_id ? { id: row.match_id, name: matchName ?? row.match_id } : null,
    status: row.status as SuggestionStatus,
    decidedPayload: row.decided_payload ? (JSON.parse(row.decided_payload) as SuggestionPayload) : null,
    result: row.result_type && row.result_id ? { type: row.result_type, id: row.result_id } : null,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
  };
}

/** The names of the organisations and people that suggestions link to, for showing them. */
export async function matchNames(db: Queryable, rows: ImportSuggestionsTable[]): Promise<Map<string, string>> {
  const orgIds = rows.filter((row) => row.match_id && row.kind === 'organization').map((row) => row.match_id!);
  const personIds = rows.filter((row) => row.match_id && row.kind === 'person').map((row) => row.match_id!);
  const names = new Map<string, string>();
  if (orgIds.length) for (const row of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', orgIds).execute()) names.set(row.id, row.name);
  if (personIds.length) for (const row of await db.selectFrom('people').select(['id', 'name']).where('id', 'in', personIds).execute()) names.set(row.id, row.name);
  return names;
}
