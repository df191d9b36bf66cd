import type { Queryable } from '../../db/database.ts';

const caseTables = ['sources', 'allegations', 'letters', 'commitments', 'company_actions', 'statements', 'events'] as const;
// Evidence records (their artefacts stay in the blob store, named by the hashes kept here).
const evidenceTables = ['captures', 'uploads', 'capture_annotations', 'custody_entries'] as const;
const letterTables = ['letter_questions', 'letter_signatories', 'letter_demands', 'responses'] as const;

/**
 * Every row a case holds, as stored: what deleting a case would lose, kept in its audit entry.
 */
export async function snapshotCaseRecords(db: Queryable, caseId: string): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of caseTables) {
    // Each of these tables has case_id and id; typing the query by one of them keeps Kysely simple.
    snapshot[table] = await db.selectFrom(table as 'events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }
  for (const table of evidenceTables) {
    snapshot[table] = await db.selectFrom(table as 'captures').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }
  const letterIds = (snapshot.letters as { id: string }[]).map((letter) => letter.id);
  const allegationIds = (snapshot.allegations as { id: string }[]).map((allegation) => allegation.id);
  for (const table of letterTables) {
    snapshot[table] = letterIds.length === 0 ? [] : await db.selectFrom(table as 'responses').selectAll().where('letter_id', 'in', letterIds).execute();
  }
  const responseIds = (snapshot.responses as { id: string }[]).map((response) => response.id);
  snapshot.response_answers = responseIds.length === 0 ? [] : await db.selectFrom('response_answers').selectAll().where('response_id', 'in', responseIds).execute();
  snapshot.allegation_sources =
    allegationIds.length === 0 ? [] : await db.selectFrom('allegation_sources').selectAll().where('allegation_id', 'in', allegationIds).execute();
  return snapshot;
}
