import { id } from '../../shared/fields.ts';
import { type Api, recordMeta } from '../../shared/http.ts';
import { registerCaseRecordRoutes } from '../cases/case-records.routes.ts';
import { companyActionInput, companyActionPatch } from './company-action.ts';
import { createCompanyAction, deleteCompanyAction, getCompanyAction, listCompanyActions, updateCompanyAction } from './company-actions.service.ts';

export function registerCompanyActionRoutes(api: Api): void {
  registerCaseRecordRoutes(api, {
    collection: 'actions',
    tag: 'Company actions',
    input: companyActionInput,
    patch: companyActionPatch,
    output: companyActionInput.extend({ ...recordMeta, caseId: id() }).meta({ id: 'CompanyAction' }),
    list: listCompanyActions,
    get: getCompanyAction,
    create: createCompanyAction,
    update: updateCompanyAction,
    remove: deleteCompanyAction,
  });
}
