import { z } from 'zod';
import { calendarDate, id, longText } from '../../shared/fields.ts';

export const answerClassifications = ['answered', 'partial', 'declined', 'not_addressed'] as const;
export type AnswerClassification = (typeof answerClassifications)[number];

export const responseInput = z.object({
  receivedOn: calendarDate(),
  text: longText(500_000).default(''),
  answers: z
    .array(
      z.object({
        questionNumber: z.number().int().min(1),
        text: longText(100_000),
        classification: z.enum(answerClassifications).nullable().default(null),
      }),
    )
    .max(200)
    .default([]),
  supersedesId: id().nullable().default(null).meta({ description: 'A response is never edited: a correction is a new response that supersedes it.' }),
});
export type ResponseInput = z.infer<typeof responseInput>;

export interface LetterResponse {
  id: string;
  letterId: string;
  receivedOn: string;
  text: string;
  answers: {
    questionId: string;
    questionNumber: number;
    text: string;
    classification: AnswerClassification | null;
    /** Who classified the answer, and when (an editor's judgement, recorded beside the company's words). */
    classifiedBy: string | null;
    classifiedAt: string | null;
  }[];
  supersedesId: string | null;
  createdAt: string;
  /** Through the portal: the instant it was submitted, by whom, and the SHA-256 of the response as stored. */
  submittedAt: string | null;
  submittedBy: string | null;
  sha256: string | null;
}
