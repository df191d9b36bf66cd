import { z } from 'zod';
import { httpUrl, partialDate, text, patchOf } from '../../shared/fields.ts';
import { confidentialField, type StoredConfidential } from '../evidence/confidential.ts';

export const sourceInput = z.object({
  title: text(500),
  url: httpUrl().nullable().default(null),
  publisher: text(300).nullable().default(null).meta({ example: 'Arab News' }),
  publishedOn: partialDate().nullable().default(null),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en, ar or he')
    .nullable()
    .default(null),
  confidential: confidentialField(),
});
export type SourceInput = z.infer<typeof sourceInput>;
export const sourcePatch = patchOf(sourceInput);
/** As the services carry it: the confidential field is optional, and a marker once stored. */
export type SourceFields = Omit<SourceInput, 'confidential'> & { confidential?: StoredConfidential };

export interface Source extends SourceFields {
  id: string;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}
