import { id } from '../../shared/fields.ts';
import { type Api, recordMeta } from '../../shared/http.ts';
import { registerCaseRecordRoutes } from '../cases/case-records.routes.ts';
import { commitmentInput, commitmentPatch } from './commitment.ts';
import { createCommitment, deleteCommitment, getCommitment, listCommitments, updateCommitment } from './commitments.service.ts';

export function registerCommitmentRoutes(api: Api): void {
  registerCaseRecordRoutes(api, {
    collection: 'commitments',
    tag: 'Commitments',
    input: commitmentInput,
    patch: commitmentPatch,
    output: commitmentInput.extend({ ...recordMeta, caseId: id() }).meta({ id: 'Commitment' }),
    list: listCommitments,
    get: getCommitment,
    create: createCommitment,
    update: updateCommitment,
    remove: deleteCommitment,
  });
}
