import { z } from 'zod';
import { id, partialDate, text, patchOf } from '../../shared/fields.ts';

export const statementInput = z.object({
  quote: text(10_000),
  speakerPersonId: id().nullable().default(null),
  speakerOrganizationId: id().nullable().default(null).meta({ description: 'For an unnamed spokesperson, the organisation they speak for.' }),
  statedOn: partialDate().nullable().default(null),
  sourceId: id().nullable().default(null),
});
export type StatementInput = z.infer<typeof statementInput>;
export const statementPatch = patchOf(statementInput);

export interface Statement extends StatementInput {
  id: string;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}
