import type { SourcesTable } from '../../db/schema.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { caseRecordUseCases, selectCaseRows } from '../cases/case-records.ts';
import { presentConfidential, redactedOf, sealConfidential } from '../evidence/confidential.ts';
import type { Source, SourceFields } from './source.ts';

function toSource(row: SourcesTable): Source {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    url: row.url,
    publisher: row.publisher,
    publishedOn: row.published_on,
    language: row.language,
    confidential: redactedOf(row.confidential_sealed),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function toRow(ctx: ServiceContext, id: string, input: SourceFields) {
  const sealed = await sealConfidential(ctx, 'sources', id, input.confidential);
  return {
    title: input.title,
    url: input.url,
    publisher: input.publisher,
    published_on: input.publishedOn,
    language: input.language,
    ...(sealed === undefined ? {} : { confidential_sealed: sealed }),
  };
}

const sources = caseRecordUseCases<Source, SourceFields>({
  entityType: 'source',
  label: 'Source',
  read: async (db, filter) => (await selectCaseRows(db, 'sources', filter)).map(toSource),
  async checkReferences() {},
  async insert(tx, { id, caseId, now }, input, ctx) {
    await tx.insertInto('sources').values({ id, case_id: caseId, ...(await toRow(ctx, id, input)), created_at: now, updated_at: now }).execute();
  },
  async update(tx, id, input, now, ctx) {
    await tx.updateTable('sources').set({ ...(await toRow(ctx, id, input)), updated_at: now }).where('id', '=', id).execute();
  },
  toInput: ({ title, url, publisher, publishedOn, language, confidential }) => ({ title, url, publisher, publishedOn, language, confidential }),
  present: (ctx, db, items, access) => presentConfidential(ctx, db, 'sources', items, access.isInsider),
});

export const listSources = sources.list;
export const getSource = sources.get;
export const createSource = sources.create;
export const updateSource = sources.update;
export const deleteSource = sources.remove;
