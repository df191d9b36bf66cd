import { z } from 'zod';
import { longText, text } from '../../shared/fields.ts';
import { password } from '../users/user.ts';

/** Inputs of the company portal. */
export const acceptInvitationInput = z.object({
  name: text(200),
  password: password(),
  totpSecret: z
    .string()
    .regex(/^[A-Z2-7]{16,64}$/, 'must be a base32 secret')
    .optional()
    .meta({ description: 'To turn on a second factor: the secret shown with the invitation form, with totpCode proving the app has it.' }),
  totpCode: z.string().trim().max(12).optional(),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

export const answerDraftInput = z.object({ text: longText(100_000) });
export type AnswerDraftInput = z.infer<typeof answerDraftInput>;

export const submitResponseInput = z.object({
  coverNote: longText(100_000).default('').meta({ description: 'Text that goes with the answers as a whole.' }),
});
export type SubmitResponseInput = z.infer<typeof submitResponseInput>;

export const attachmentNameInput = z.object({ filename: text(200).refine((name) => !/[\\/]/.test(name), 'must be a file name without folders') });

/** What a company may attach to its response: documents and images, each at most 10 MB, 20 per response. */
export const attachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 20,
  types: ['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text'],
} as const;

export interface Invitation {
  id: string;
  email: string;
  companyId: string;
  companyName: string;
  letterId: string | null;
  expiresAt: string;
}

export interface AnswerDraft {
  questionNumber: number;
  text: string;
  updatedBy: string;
  updatedAt: string;
}

export interface ResponseAttachment {
  id: string;
  letterId: string;
  responseId: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}
