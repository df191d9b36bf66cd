import { z } from 'zod';
import { id, partialDate, text, patchOf } from '../../shared/fields.ts';

export const commitmentStatuses = ['open', 'kept', 'broken', 'withdrawn'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export const commitmentInput = z.object({
  companyId: id(),
  text: text(5000).meta({ example: 'Microsoft intends to reply to the letter at the end of the month.' }),
  madeOn: partialDate().nullable().default(null),
  dueOn: partialDate().nullable().default(null).meta({ description: 'When the promise falls due, with the precision the company gave.' }),
  status: z.enum(commitmentStatuses).default('open'),
  sourceId: id().nullable().default(null),
});
export type CommitmentInput = z.infer<typeof commitmentInput>;
export const commitmentPatch = patchOf(commitmentInput);

export interface Commitment extends CommitmentInput {
  id: string;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}
