import { z } from 'zod';
import { longText, text } from '../../shared/fields.ts';
import { email } from '../users/user.ts';
import { responseDeadlineInput } from './letter.ts';

/** Inputs of the letter's life after drafting: sending, publication, deadline extensions. */
export const contactInput = z.object({
  email: email(),
  name: text(200).nullable().default(null),
});
export type ContactInput = z.infer<typeof contactInput>;

export const sendLetterInput = z.object({
  contacts: z.array(contactInput).min(1, 'name at least one contact at the company').max(20).meta({ description: 'Who at the company receives the letter, each with a link to the portal.' }),
});
export type SendLetterInput = z.infer<typeof sendLetterInput>;

export const publishLetterInput = z.object({
  at: z.iso
    .datetime({ offset: true, error: 'must be an ISO-8601 date and time, such as 2025-10-10T09:00:00+02:00' })
    .nullable()
    .default(null)
    .meta({ description: 'When the embargo lifts; now when left out.' }),
});
export type PublishLetterInput = z.infer<typeof publishLetterInput>;

export const extensionRequestInput = z.object({
  reason: text(5000),
  requestedDeadline: responseDeadlineInput,
});
export type ExtensionRequestInput = z.infer<typeof extensionRequestInput>;

export const extensionDecisionInput = z.object({
  decision: z.enum(['granted', 'refused']),
  note: longText(5000).default(''),
  deadline: responseDeadlineInput.nullable().default(null).meta({ description: 'A deadline other than the one requested, when granting.' }),
});
export type ExtensionDecisionInput = z.infer<typeof extensionDecisionInput>;

export const extensionStatuses = ['pending', 'granted', 'refused'] as const;
export type ExtensionStatus = (typeof extensionStatuses)[number];

export interface DeadlineExtension {
  id: string;
  letterId: string;
  reason: string;
  requestedDeadlineAt: string;
  requestedBy: string;
  requestedAt: string;
  previousDeadlineAt: string | null;
  status: ExtensionStatus;
  grantedDeadlineAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** The deadlines a letter has had, oldest first: the first one, then each granted extension. */
export interface DeadlineHistoryEntry {
  at: string;
  setBy: 'letter' | 'extension';
  extensionId: string | null;
}
