/**
 * extractArticle: from the text of a news article to draft records (organisations, people,
 * quotes, events, letters) for a person to review. Pure and database-free; every record carries
 * the offsets of the text it came from.
 */
import { AppError } from '../../../shared/errors.ts';
import { findDateMentions, parsePublished, type DateMention } from './dates.ts';
import learnedModels from './learned-models.json' with { type: 'json' };
import { findEvents } from './events.ts';
import { buildGroupedLetters, covers, findLetterGroups, findListedSignatories, type LetterGroup } from './letters.ts';
import { addRecipients, recipientCandidates, type RecipientCandidate } from './recipient-model.ts';
import { collectMentions, type EntityMention } from './mentions.ts';
import { findNameCandidates } from './names.ts';
import type { OrganizationCandidate } from './organization-model.ts';
import { findOrganizations, kindFromName } from './organizations.ts';
import { describePeople, findPersonNames } from './people.ts';
import { findPublisher, showPublisher } from './publisher.ts';
import { findQuotes } from './quotes.ts';
import { findHeadline, maskBoilerplate, splitParagraphs, splitSentences, type TextRange } from './text.ts';
import { type ExtractOptions, type Extraction, type KnownOrganization, type LearnedModels, maxArticleChars } from './types.ts';

/** The models trained on the gold articles (`npm run train:extract`). */
const trainedModels = learnedModels as unknown as LearnedModels;

/**
 * Longer texts are refused. 200,000 characters is a 30,000-word article, several times the
 * longest news report, and extracts in about two seconds; far longer texts are reports or dumps
 * that a reviewer cannot check anyway, and some matching steps grow faster than linearly.
 */
export { maxArticleChars };

export function emptyExtraction(): Extraction {
  return { organizations: [], people: [], quotes: [], events: [], letters: [] };
}

function validate(text: string, options: ExtractOptions): void {
  try {
    parsePublished(options.published);
  } catch {
    throw AppError.invalid('published', `must be a date YYYY-MM-DD, got "${options.published}"`);
  }
  if (text.length > maxArticleChars) {
    const message = `is ${text.length.toLocaleString('en')} characters long, over the ${maxArticleChars.toLocaleString('en')}-character limit for one article`;
    throw new AppError('PAYLOAD_TOO_LARGE', `text: ${message}`, [{ field: 'text', message }]);
  }
}

/** Names listed one per line under "signed by:" are organisations, whatever words they begin with. */
function listedSignatories(text: string, known: KnownOrganization[]): KnownOrganization[] {
  const dictionary = new Map(known.map((org) => [org.name.toLowerCase(), org]));
  return findListedSignatories(text)
    .filter((item) => !dictionary.has(item.name.toLowerCase()))
    .map((item) => ({ name: item.name, kind: kindFromName(item.name, dictionary) ?? 'ngo', aliases: [] }));
}

/** What every extractor reads: the text less its furniture, its sentences, who is named where, and its dates. */
export interface ReadArticle {
  masked: string;
  publisher: ReturnType<typeof findPublisher>;
  sentences: TextRange[];
  /** The sentences after the headline, which tell the events. */
  bodySentences: TextRange[];
  paragraphs: TextRange[];
  organizations: ReturnType<typeof findOrganizations>['organizations'];
  orgMentions: ReturnType<typeof findOrganizations>['mentions'];
  /** Every capitalised name, as the organisation model reads it. */
  organizationCandidates: OrganizationCandidate[];
  people: ReturnType<typeof describePeople>;
  mentions: EntityMention[];
  dates: DateMention[];
}

/** The first pass over an article, shared by extractArticle and the training of its models. Null for a text the rules cannot read. */
export function readArticle(text: string, options: ExtractOptions): ReadArticle | null {
  validate(text, options);
  // Rules below read Latin-script English; other scripts give an empty result rather than noise.
  if (!/[A-Za-z]{2}/.test(text)) return null;

  const withoutFurniture = maskBoilerplate(text);
  // A group's own page ("we wrote to …") names the group only in its furniture: that name is shown again.
  const publisher = findPublisher(text, withoutFurniture);
  const masked = publisher ? showPublisher(withoutFurniture, text, publisher) : withoutFurniture;
  const knownOrganizations = [...options.knownOrganizations ?? [], ...publisher ? [{ name: publisher.name, kind: publisher.kind, aliases: [] }] : []];
  const sentences = splitSentences(masked);
  const paragraphs = splitParagraphs(masked);

  const personNames = findPersonNames(masked, options.knownPeople);
  const personTokens = new Set([...personNames].flatMap((name) => name.split(/\s+/)));
  const candidates = findNameCandidates(masked, sentences, personNames);
  const { organizations, mentions: orgMentions, candidates: organizationCandidates } = findOrganizations(masked, candidates, {
    knownOrganizations: [...knownOrganizations, ...listedSignatories(masked, knownOrganizations)], personNames, personTokens,
    model: (options.models ?? trainedModels).organizations,
  });
  const people = describePeople(masked, personNames, orgMentions, organizations, options.knownPeople);
  // Headlines restate the story; events come from the body only.
  const headline = findHeadline(masked);
  return {
    masked, publisher, sentences, paragraphs, organizations, orgMentions, organizationCandidates, people,
    bodySentences: headline ? sentences.filter((s) => s.start >= headline.end) : sentences,
    mentions: collectMentions(orgMentions, people),
    dates: findDateMentions(masked, options.published),
  };
}

/** The company a bare "the company" or "it" refers to at a position: the last named before it, or the first named. */
function recentCompanyIn(article: ReadArticle): (at: number) => string | null {
  const companies = article.orgMentions.filter((m) => m.org.kind === 'company');
  return (at) => companies.findLast((m) => m.end <= at)?.org.name ?? companies[0]?.org.name ?? null;
}

function mostMentionedCompany(article: ReadArticle): string | null {
  return article.organizations.filter((org) => org.kind === 'company').sort((a, b) => b.spans.length - a.spans.length)[0]?.name ?? null;
}

/** Each letter the article mentions, with the fields read from its own sentences, and its addressees as the rules read them. */
function findLetters(article: ReadArticle): LetterGroup[] {
  const { masked, publisher, bodySentences, mentions, dates } = article;
  const groups = findLetterGroups(masked, bodySentences, mentions, publisher?.name ?? null, dates);
  const recentCompany = recentCompanyIn(article);
  for (const { parties, mentions: own } of groups) {
    // A letter whose addressee the text never names in so many words goes to the company the article
    // is about; with several letters, to the company last named where the letter is first mentioned.
    const fallback = groups.length > 1 && own[0] ? recentCompany(own[0].sentence.end) : mostMentionedCompany(article);
    if (parties.recipients.length === 0 && !parties.otherAddressee && fallback && (parties.senders.length > 0 || parties.questionCount !== null)) parties.recipients.push(fallback);
  }
  return groups;
}

/** What the recipient model weighs for each letter the rules find (for training it). */
export function recipientCandidatesOf(text: string, options: ExtractOptions): RecipientCandidate[] {
  const article = readArticle(text, options);
  if (!article) return [];
  return findLetters(article).filter((group) => group.mentions.length > 0)
    .flatMap((group) => recipientCandidates(group, article.sentences, article.mentions, article.dates));
}

export function extractArticle(text: string, options: ExtractOptions): Extraction {
  const article = readArticle(text, options);
  if (!article) return emptyExtraction();
  const { masked, sentences, paragraphs, organizations, people, mentions, bodySentences, dates } = article;
  const models = options.models ?? trainedModels;
  const recentCompany = recentCompanyIn(article);
  const quotes = findQuotes(masked, sentences, paragraphs, mentions, recentCompany);

  const groups = findLetters(article);
  // Where the text tells of a letter, the recipient model may name addressees the rules did not read.
  if (models.recipients) {
    for (const group of groups.filter((g) => g.mentions.length > 0)) {
      group.parties.recipients = addRecipients(models.recipients, recipientCandidates(group, sentences, mentions, dates), group.parties);
    }
  }
  const parties = groups[0]!.parties;
  const partiesAt = (at: number) => groups.find((g) => covers(g, at))?.parties ?? parties;
  const events = findEvents(bodySentences, dates, {
    text: masked, published: options.published, mentions, parties, partiesAt, recentCompany, model: models.events,
  });
  const letters = buildGroupedLetters(groups, events, mostMentionedCompany(article));

  return {
    organizations: organizations.map(({ name, kind, aliases, spans }) => ({ name, kind, aliases, spans })),
    people,
    quotes,
    events,
    letters,
  };
}
