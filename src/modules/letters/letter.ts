import { z } from 'zod';
import { calendarDate, id, longText, partialDate, text, timeZone, patchOf } from '../../shared/fields.ts';

export const responseDeadlineInput = z
  .object({
    date: calendarDate(),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM')
      .default('23:59')
      .meta({ description: 'Local time on that date; the end of the day when left out.' }),
    timeZone: timeZone().default('UTC'),
  })
  .meta({ description: 'The date and time answers are due, in the time zone the letter gives.' });

export const letterInput = z.object({
  caseId: id(),
  recipientId: id().meta({ description: 'The company the letter is addressed to.' }),
  signatoryIds: z.array(id()).min(1, 'a letter needs at least one signatory').max(200).meta({ description: 'Signatory organisations, in the order the letter names them.' }),
  signatoryCount: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .nullable()
    .default(null)
    .meta({ description: 'How many organisations signed in all, when not all are named (six groups, three named).' }),
  subject: text(500),
  body: longText(200_000).default(''),
  demands: z.array(text(5000)).max(100).default([]),
  questions: z.array(text(10_000)).max(200).default([]).meta({ description: 'Numbered from 1 in this order.' }),
  sentOn: partialDate().nullable().default(null),
  responseDeadline: responseDeadlineInput.nullable().default(null),
  publishedOn: partialDate().nullable().default(null).meta({ description: 'When the letter was or will be made public; until then it is embargoed.' }),
  followsLetterId: id().nullable().default(null).meta({ description: 'The letter this one follows up.' }),
});
export type LetterInput = z.infer<typeof letterInput>;
export const letterPatch = patchOf(letterInput.omit({ caseId: true }));
export type LetterPatch = z.infer<typeof letterPatch>;

export interface LetterQuestion {
  id: string;
  number: number;
  text: string;
}

export interface Letter {
  id: string;
  caseId: string;
  recipient: { id: string; name: string };
  signatories: { id: string; name: string }[];
  signatoryCount: number | null;
  subject: string;
  body: string;
  demands: string[];
  questions: LetterQuestion[];
  sentOn: string | null;
  responseDeadline: { at: string; timeZone: string; date: string } | null;
  publishedOn: string | null;
  /** The instant it was sent through Answerable (sentOn is its date); null for letters recorded from the past. */
  sentAt: string | null;
  /** The instant it is, or will be, made public; until then it is embargoed. Null: publishedOn decides. */
  publishAt: string | null;
  followsLetterId: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Public from its publication instant when one was scheduled; otherwise published on or before today,
 * at the precision given: a letter "published in 2025-10" is public from October. `now` is an ISO
 * instant (or a date: then a scheduled instant counts only from the next day).
 */
export function isLetterPublic(letter: Pick<Letter, 'publishedOn'> & { publishAt?: string | null }, now: string): boolean {
  if (letter.publishAt) return letter.publishAt <= now;
  return letter.publishedOn !== null && letter.publishedOn <= now.slice(0, letter.publishedOn.length);
}
