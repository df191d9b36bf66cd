import type { SourcesTable } from '../../db/schema.ts';
import { caseRecordUseCases } from '../cases/case-records.ts';
import type { Source, SourceInput } from './source.ts';

function toSource(row: SourcesTable): Source {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    url: row.url,
    publisher: row.publisher,
    publishedOn: row.published_on,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(input: SourceInput) {
  return { title: input.title, url: input.url, publisher: input.publisher, published_on: input.publishedOn, language: input.language };
}

const sources = caseRecordUseCases<Source, SourceInput>({
  entityType: 'source',
  label: 'Source',
  async read(db, filter) {
    const query = db.selectFrom('sources').selectAll().orderBy('id');
    const rows = await ('id' in filter ? query.where('id', '=', filter.id) : query.where('case_id', '=', filter.caseId)).execute();
    return rows.map(toSource);
  },
  async checkReferences() {},
  async insert(tx, { id, caseId, now }, input) {
    await tx.insertInto('sources').values({ id, case_id: caseId, ...toRow(input), created_at: now, updated_at: now }).execute();
  },
  async update(tx, id, input, now) {
    await tx.updateTable('sources').set({ ...toRow(input), updated_at: now }).where('id', '=', id).execute();
  },
  toInput: ({ title, url, publisher, publishedOn, language }) => ({ title, url, publisher, publishedOn, language }),
});

export const listSources = sources.list;
export const getSource = sources.get;
export const createSource = sources.create;
export const updateSource = sources.update;
export const deleteSource = sources.remove;
