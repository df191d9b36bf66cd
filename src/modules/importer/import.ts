import { z } from 'zod';
import { calendarDate, httpUrl, partialDate, text } from '../../shared/fields.ts';
import { eventTypes, orgKinds } from './extraction/types.ts';

/** Inputs of the import use cases, the suggestions' payloads, and the records they return. */

export const suggestionKinds = ['organization', 'person', 'quote', 'event', 'letter'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export const suggestionStatuses = ['pending', 'accepted', 'rejected'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

const name = () => text(300);

export const organizationPayload = z.object({
  name: name(),
  kind: z.enum(orgKinds),
  aliases: z.array(name()).max(50).default([]),
});
export const personPayload = z.object({
  name: name(),
  title: text(300).nullable().default(null),
  affiliation: name().nullable().default(null),
});
export const quotePayload = z.object({
  speaker: name(),
  text: text(10_000),
  statedOn: partialDate().nullable().default(null),
});
export const eventPayload = z.object({
  type: z.enum(eventTypes),
  date: partialDate().nullable().default(null),
  actor: name().nullable().default(null),
  target: name().nullable().default(null),
  evidence: text(5000),
});
export const letterPayload = z.object({
  senders: z.array(name()).max(200).default([]),
  senderCount: z.number().int().min(0).max(10_000).nullable().default(null),
  recipient: name(),
  questionCount: z.number().int().min(0).max(200).nullable().default(null),
  deadline: partialDate().nullable().default(null),
  sent: partialDate().nullable().default(null),
  published: partialDate().nullable().default(null),
});

export const payloadSchemas = {
  organization: organizationPayload,
  person: personPayload,
  quote: quotePayload,
  event: eventPayload,
  letter: letterPayload,
} as const;

export type OrganizationPayload = z.infer<typeof organizationPayload>;
export type PersonPayload = z.infer<typeof personPayload>;
export type QuotePayload = z.infer<typeof quotePayload>;
export type EventPayload = z.infer<typeof eventPayload>;
export type LetterPayload = z.infer<typeof letterPayload>;
export type SuggestionPayload = OrganizationPayload | PersonPayload | QuotePayload | EventPayload | LetterPayload;

/** What an article import starts from: an address to archive, or a file's contents. */
export const importInput = z
  .object({
    url: httpUrl().optional().meta({ description: 'An article to archive (through the evidence archiver) and import.' }),
    content: z
      .string()
      .max(5 * 1024 * 1024)
      .optional()
      .meta({ description: 'The article itself, as plain text or HTML (then `filename` should end in .html).' }),
    filename: z.string().max(255).optional().meta({ description: 'The file’s name: .html or .htm is read as HTML, anything else as text.' }),
    published: calendarDate()
      .optional()
      .meta({ description: 'The article’s publication date, YYYY-MM-DD; relative dates ("on Friday") resolve against it. Default: the date the page gives, else today.' }),
  })
  .refine((input) => (input.url === undefined) !== (input.content === undefined), { message: 'give either a url or the content of a file', path: ['url'] });

/** The file form of an import, as the CLI and the workspace form have it: bytes, not yet text. */
export interface ImportFile {
  bytes: Uint8Array;
  filename: string | null;
}

/** An accept, optionally with the editor's corrections (a whole payload of the suggestion's kind). */
export const acceptInput = z.object({
  payload: z.record(z.string(), z.unknown()).optional().meta({ description: 'The corrected fields, in the shape of the suggestion’s payload; omitted: accept as suggested.' }),
});
export type AcceptInput = z.infer<typeof acceptInput>;

export interface Match {
  id: string;
  name: string;
}

export interface Suggestion {
  id: string;
  importId: string;
  caseId: string;
  sourceId: string;
  position: number;
  kind: SuggestionKind;
  /** As the extraction proposed it. */
  payload: SuggestionPayload;
  /** [start, end) character offsets into the import's text. */
  span: [number, number];
  /** An organisation or person already in the record: accepting links to it instead of creating. */
  match: Match | null;
  status: SuggestionStatus;
  /** As accepted, with the editor's corrections. */
  decidedPayload: SuggestionPayload | null;
  result: { type: string; id: string } | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface ArticleImport {
  id: string;
  caseId: string;
  sourceId: string;
  captureId: string | null;
  uploadId: string | null;
  title: string;
  published: string;
  textSha256: string;
  /** Why nothing (or little) was found, in words for the editor; null when all went as usual. */
  notice: string | null;
  createdAt: string;
  createdBy: string;
  counts: Record<SuggestionStatus, number>;
}

export interface ImportReview {
  import: ArticleImport;
  text: string;
  suggestions: Suggestion[];
}
