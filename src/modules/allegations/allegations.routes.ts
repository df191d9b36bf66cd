import { id } from '../../shared/fields.ts';
import { type Api, recordMeta } from '../../shared/http.ts';
import { confidentialOutput } from '../evidence/confidential.ts';
import { registerCaseRecordRoutes } from '../cases/case-records.routes.ts';
import { allegationInput, allegationPatch } from './allegation.ts';
import { createAllegation, deleteAllegation, getAllegation, listAllegations, updateAllegation } from './allegations.service.ts';

export function registerAllegationRoutes(api: Api): void {
  registerCaseRecordRoutes(api, {
    collection: 'allegations',
    tag: 'Allegations',
    input: allegationInput,
    patch: allegationPatch,
    output: allegationInput.extend({ ...recordMeta, caseId: id(), confidential: confidentialOutput }).meta({ id: 'Allegation' }),
    list: listAllegations,
    get: getAllegation,
    create: createAllegation,
    update: updateAllegation,
    remove: deleteAllegation,
  });
}
