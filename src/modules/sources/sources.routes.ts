import { id } from '../../shared/fields.ts';
import { type Api, recordMeta } from '../../shared/http.ts';
import { confidentialOutput } from '../evidence/confidential.ts';
import { registerCaseRecordRoutes } from '../cases/case-records.routes.ts';
import { sourceInput, sourcePatch } from './source.ts';
import { createSource, deleteSource, getSource, listSources, updateSource } from './sources.service.ts';

export function registerSourceRoutes(api: Api): void {
  registerCaseRecordRoutes(api, {
    collection: 'sources',
    tag: 'Sources',
    input: sourceInput,
    patch: sourcePatch,
    output: sourceInput.extend({ ...recordMeta, caseId: id(), confidential: confidentialOutput }).meta({ id: 'Source' }),
    list: listSources,
    get: getSource,
    create: createSource,
    update: updateSource,
    remove: deleteSource,
  });
}
