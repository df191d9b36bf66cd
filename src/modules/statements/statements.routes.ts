import { id } from '../../shared/fields.ts';
import { type Api, recordMeta } from '../../shared/http.ts';
import { registerCaseRecordRoutes } from '../cases/case-records.routes.ts';
import { statementInput, statementPatch } from './statement.ts';
import { createStatement, deleteStatement, getStatement, listStatements, updateStatement } from './statements.service.ts';

export function registerStatementRoutes(api: Api): void {
  registerCaseRecordRoutes(api, {
    collection: 'statements',
    tag: 'Statements',
    input: statementInput,
    patch: statementPatch,
    output: statementInput.extend({ ...recordMeta, caseId: id() }).meta({ id: 'Statement' }),
    list: listStatements,
    get: getStatement,
    create: createStatement,
    update: updateStatement,
    remove: deleteStatement,
  });
}
