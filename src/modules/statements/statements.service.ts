import type { StatementsTable } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { assertSourcesInCase, caseRecordUseCases, selectCaseRows } from '../cases/case-records.ts';
import { assertOrganization } from '../organizations/organizations.service.ts';
import type { Statement, StatementInput } from './statement.ts';

function toStatement(row: StatementsTable): Statement {
  return {
    id: row.id,
    caseId: row.case_id,
    quote: row.quote,
    speakerPersonId: row.speaker_person_id,
    speakerOrganizationId: row.speaker_organization_id,
    statedOn: row.stated_on,
    sourceId: row.source_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(input: StatementInput) {
  return {
    quote: input.quote,
    speaker_person_id: input.speakerPersonId,
    speaker_organization_id: input.speakerOrganizationId,
    stated_on: input.statedOn,
    source_id: input.sourceId,
  };
}

const statements = caseRecordUseCases<Statement, StatementInput>({
  entityType: 'statement',
  label: 'Statement',
  read: async (db, filter) => (await selectCaseRows(db, 'statements', filter)).map(toStatement),
  async checkReferences(db, caseId, input) {
    // A quote is attributed: to a person (who may speak for an organisation) or to an organisation.
    if (!input.speakerPersonId && !input.speakerOrganizationId) throw AppError.invalid('speakerPersonId', 'a statement needs a speaker: a person or an organisation');
    if (input.speakerPersonId) {
      const person = await db.selectFrom('people').select('id').where('id', '=', input.speakerPersonId).executeTakeFirst();
      if (!person) throw AppError.invalid('speakerPersonId', 'no person has this id');
    }
    if (input.speakerOrganizationId) await assertOrganization(db, input.speakerOrganizationId, 'speakerOrganizationId');
    await assertSourcesInCase(db, caseId, [input.sourceId], 'sourceId');
  },
  async insert(tx, { id, caseId, now }, input) {
    await tx.insertInto('statements').values({ id, case_id: caseId, ...toRow(input), created_at: now, updated_at: now }).execute();
  },
  async update(tx, id, input, now) {
    await tx.updateTable('statements').set({ ...toRow(input), updated_at: now }).where('id', '=', id).execute();
  },
  toInput: ({ quote, speakerPersonId, speakerOrganizationId, statedOn, sourceId }) => ({ quote, speakerPersonId, speakerOrganizationId, statedOn, sourceId }),
});

export const listStatements = statements.list;
export const getStatement = statements.get;
export const createStatement = statements.create;
export const updateStatement = statements.update;
export const deleteStatement = statements.remove;
