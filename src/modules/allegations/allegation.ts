import { z } from 'zod';
import { id, text, patchOf } from '../../shared/fields.ts';

export const allegationStatuses = ['alleged', 'corroborated', 'disputed', 'confirmed', 'denied'] as const;
export type AllegationStatus = (typeof allegationStatuses)[number];

export const allegationInput = z.object({
  statement: text(5000).meta({ example: 'Unit 8200 stored intercepted calls of Palestinians on Microsoft Azure.' }),
  status: z.enum(allegationStatuses).default('alleged').meta({ description: 'denied means denied by the company.' }),
  sourceIds: z.array(id()).max(100).default([]),
});
export type AllegationInput = z.infer<typeof allegationInput>;
export const allegationPatch = patchOf(allegationInput);

export interface Allegation extends AllegationInput {
  id: string;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}
