import type { Tx } from '../../db/database.ts';
import { assertSourcesInCase, caseRecordUseCases, selectCaseRows } from '../cases/case-records.ts';
import { presentConfidential, redactedOf, sealConfidential } from '../evidence/confidential.ts';
import type { Allegation, AllegationFields, AllegationStatus } from './allegation.ts';

async function writeSources(tx: Tx, allegationId: string, sourceIds: string[]): Promise<void> {
  await tx.deleteFrom('allegation_sources').where('allegation_id', '=', allegationId).execute();
  const unique = [...new Set(sourceIds)];
  if (unique.length > 0) await tx.insertInto('allegation_sources').values(unique.map((source_id) => ({ allegation_id: allegationId, source_id }))).execute();
}

const allegations = caseRecordUseCases<Allegation, AllegationFields>({
  entityType: 'allegation',
  label: 'Allegation',
  async read(db, filter) {
    const rows = await selectCaseRows(db, 'allegations', filter);
    if (rows.length === 0) return [];
    const links = await db
      .selectFrom('allegation_sources')
      .selectAll()
      .where(
        'allegation_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('source_id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      statement: row.statement,
      status: row.status as AllegationStatus,
      sourceIds: links.filter((link) => link.allegation_id === row.id).map((link) => link.source_id),
      confidential: redactedOf(row.confidential_sealed),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  },
  checkReferences: (db, caseId, input) => assertSourcesInCase(db, caseId, input.sourceIds, 'sourceIds'),
  async insert(tx, { id, caseId, now }, input, ctx) {
    const sealed = await sealConfidential(ctx, 'allegations', id, input.confidential);
    await tx
      .insertInto('allegations')
      .values({ id, case_id: caseId, statement: input.statement, status: input.status, confidential_sealed: sealed ?? null, created_at: now, updated_at: now })
      .execute();
    await writeSources(tx, id, input.sourceIds);
  },
  async update(tx, id, input, now, ctx) {
    const sealed = await sealConfidential(ctx, 'allegations', id, input.confidential);
    await tx
      .updateTable('allegations')
      .set({ statement: input.statement, status: input.status, ...(sealed === undefined ? {} : { confidential_sealed: sealed }), updated_at: now })
      .where('id', '=', id)
      .execute();
    await writeSources(tx, id, input.sourceIds);
  },
  toInput: ({ statement, status, sourceIds, confidential }) => ({ statement, status, sourceIds, confidential }),
  present: (ctx, db, items, access) => presentConfidential(ctx, db, 'allegations', items, access.isInsider),
});

export const listAllegations = allegations.list;
export const getAllegation = allegations.get;
export const createAllegation = allegations.create;
export const updateAllegation = allegations.update;
export const deleteAllegation = allegations.remove;
