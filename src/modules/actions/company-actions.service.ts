import type { CompanyActionsTable } from '../../db/schema.ts';
import { assertSourcesInCase, caseRecordUseCases, selectCaseRows } from '../cases/case-records.ts';
import { assertOrganization } from '../organizations/organizations.service.ts';
import type { CompanyAction, CompanyActionInput } from './company-action.ts';

function toCompanyAction(row: CompanyActionsTable): CompanyAction {
  return {
    id: row.id,
    caseId: row.case_id,
    companyId: row.company_id,
    description: row.description,
    occurredOn: row.occurred_on,
    scope: row.scope,
    sourceId: row.source_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(input: CompanyActionInput) {
  return { company_id: input.companyId, description: input.description, occurred_on: input.occurredOn, scope: input.scope, source_id: input.sourceId };
}

const companyActions = caseRecordUseCases<CompanyAction, CompanyActionInput>({
  entityType: 'company_action',
  label: 'Company action',
  read: async (db, filter) => (await selectCaseRows(db, 'company_actions', filter)).map(toCompanyAction),
  async checkReferences(db, caseId, input) {
    await assertOrganization(db, input.companyId, 'companyId', 'company');
    await assertSourcesInCase(db, caseId, [input.sourceId], 'sourceId');
  },
  async insert(tx, { id, caseId, now }, input) {
    await tx.insertInto('company_actions').values({ id, case_id: caseId, ...toRow(input), created_at: now, updated_at: now }).execute();
  },
  async update(tx, id, input, now) {
    await tx.updateTable('company_actions').set({ ...toRow(input), updated_at: now }).where('id', '=', id).execute();
  },
  toInput: ({ companyId, description, occurredOn, scope, sourceId }) => ({ companyId, description, occurredOn, scope, sourceId }),
});

export const listCompanyActions = companyActions.list;
export const getCompanyAction = companyActions.get;
export const createCompanyAction = companyActions.create;
export const updateCompanyAction = companyActions.update;
export const deleteCompanyAction = companyActions.remove;
