import type { CommitmentsTable } from '../../db/schema.ts';
import { assertSourcesInCase, caseRecordUseCases, selectCaseRows } from '../cases/case-records.ts';
import { assertOrganization } from '../organizations/organizations.service.ts';
import type { Commitment, CommitmentInput, CommitmentStatus } from './commitment.ts';

function toCommitment(row: CommitmentsTable): Commitment {
  return {
    id: row.id,
    caseId: row.case_id,
    companyId: row.company_id,
    text: row.text,
    madeOn: row.made_on,
    dueOn: row.due_on,
    status: row.status as CommitmentStatus,
    sourceId: row.source_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(input: CommitmentInput) {
  return { company_id: input.companyId, text: input.text, made_on: input.madeOn, due_on: input.dueOn, status: input.status, source_id: input.sourceId };
}

const commitments = caseRecordUseCases<Commitment, CommitmentInput>({
  entityType: 'commitment',
  label: 'Commitment',
  read: async (db, filter) => (await selectCaseRows(db, 'commitments', filter)).map(toCommitment),
  async checkReferences(db, caseId, input) {
    await assertOrganization(db, input.companyId, 'companyId', 'company');
    await assertSourcesInCase(db, caseId, [input.sourceId], 'sourceId');
  },
  async insert(tx, { id, caseId, now }, input) {
    await tx.insertInto('commitments').values({ id, case_id: caseId, ...toRow(input), created_at: now, updated_at: now }).execute();
  },
  async update(tx, id, input, now) {
    await tx.updateTable('commitments').set({ ...toRow(input), updated_at: now }).where('id', '=', id).execute();
  },
  toInput: ({ companyId, text, madeOn, dueOn, status, sourceId }) => ({ companyId, text, madeOn, dueOn, status, sourceId }),
});

export const listCommitments = commitments.list;
export const getCommitment = commitments.get;
export const createCommitment = commitments.create;
export const updateCommitment = commitments.update;
export const deleteCommitment = commitments.remove;
