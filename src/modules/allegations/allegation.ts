import { z } from 'zod';
import { id, text, patchOf } from '../../shared/fields.ts';
import { confidentialField, type StoredConfidential } from '../evidence/confidential.ts';

export const allegationStatuses = ['alleged', 'corroborated', 'disputed', 'confirmed', 'denied'] as const;
export type AllegationStatus = (typeof allegationStatuses)[number];

export const allegationInput = z.object({
  statement: text(5000).meta({ example: 'Unit 8200 stored intercepted calls of Palestinians on Microsoft Azure.' }),
  status: z.enum(allegationStatuses).default('alleged').meta({ description: 'denied means denied by the company.' }),
  sourceIds: z.array(id()).max(100).default([]),
  confidential: confidentialField(),
});
export type AllegationInput = z.infer<typeof allegationInput>;
export const allegationPatch = patchOf(allegationInput);
/** As the services carry it: the confidential field is optional, and a marker once stored. */
export type AllegationFields = Omit<AllegationInput, 'confidential'> & { confidential?: StoredConfidential };

export interface Allegation extends AllegationFields {
  id: string;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}
