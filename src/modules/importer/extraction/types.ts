/** Shapes of what the extraction engine returns: draft records for a person to review. */
import type { EventModel } from './event-model.ts';
import type { RecipientModel } from './recipient-model.ts';
import type { OrganizationModel } from './organization-model.ts';

/** Longer texts are refused: some matching steps grow faster than the text. */
export const maxArticleChars = 200_000;

export const orgKinds = [
  'ngo', 'company', 'government', 'military', 'media', 'investor', 'union', 'intergovernmental', 'other',
] as const;
export type OrgKind = (typeof orgKinds)[number];

export const eventTypes = [
  'investigation_published', 'letter_sent', 'letter_published', 'response_deadline', 'response_expected',
  'response_received', 'no_response', 'company_action', 'company_statement', 'protest_or_campaign', 'other',
] as const;
export type EventType = (typeof eventTypes)[number];

/** [start, end) character offsets into the original input text. */
export type Span = [number, number];

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: only as precise as the text is. */
export type PartialDate = string;

export interface ExtractedOrganization {
  name: string;
  kind: OrgKind;
  aliases: string[];
  spans: Span[];
}

export interface ExtractedPerson {
  name: string;
  title: string | null;
  affiliation: string | null;
  spans: Span[];
}

export interface ExtractedQuote {
  speaker: string;
  text: string;
  span: Span;
}

export interface ExtractedEvent {
  type: EventType;
  date: PartialDate | null;
  actor: string | null;
  target: string | null;
  evidence: string;
  span: Span;
}

export interface ExtractedLetter {
  senders: string[];
  senderCount: number;
  recipient: string;
  questionCount: number | null;
  deadline: PartialDate | null;
  sent: PartialDate | null;
  published: PartialDate | null;
  span: Span;
}

export interface Extraction {
  organizations: ExtractedOrganization[];
  people: ExtractedPerson[];
  quotes: ExtractedQuote[];
  events: ExtractedEvent[];
  letters: ExtractedLetter[];
}

export interface KnownOrganization {
  name: string;
  kind: OrgKind;
  aliases: string[];
}

export interface KnownPerson {
  name: string;
  title?: string;
  affiliation?: string;
}

export interface ExtractOptions {
  /** The article's publication date, `YYYY-MM-DD`: relative dates resolve against it. */
  published: string;
  knownOrganizations?: KnownOrganization[];
  knownPeople?: KnownPerson[];
  /** The learned readers; the trained ones unless given (null for one: the rules alone). */
  models?: LearnedModels;
}

/** The models that extraction learns from the gold articles: organization-model.ts, event-model.ts and recipient-model.ts. */
export interface LearnedModels {
  events: EventModel | null;
  recipients: RecipientModel | null;
  organizations: OrganizationModel | null;
}
