import { z } from 'zod';
import { id, partialDate, text, patchOf } from '../../shared/fields.ts';

export const companyActionInput = z.object({
  companyId: id(),
  description: text(5000).meta({ example: 'Disabled specific cloud storage and AI services for Israel Ministry of Defense subscriptions.' }),
  occurredOn: partialDate().nullable().default(null),
  scope: text(2000).nullable().default(null).meta({ description: 'What the action covered, and what it left out.' }),
  sourceId: id().nullable().default(null),
});
export type CompanyActionInput = z.infer<typeof companyActionInput>;
export const companyActionPatch = patchOf(companyActionInput);

export interface CompanyAction extends CompanyActionInput {
  id: string;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}
