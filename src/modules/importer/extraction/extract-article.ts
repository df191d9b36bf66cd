/**
 * extractArticle: from the text of a news article to draft records (organisations, people,
 * quotes, events, letters) for a person to review. Pure and database-free; every record carries
 * the offsets of the text it came from.
 */
import { AppError } from '../../../shared/errors.ts';
import { findDateMentions, parsePublished } from './dates.ts';
import { findEvents } from './events.ts';
import { buildGroupedLetters, covers, findLetterGroups, findListedSignatories } from './letters.ts';
import { collectMentions } from './mentions.ts';
import { findNameCandidates } from './names.ts';
import { findOrganizations, kindFromName } from './organizations.ts';
import { describePeople, findPersonNames } from './people.ts';
import { findPublisher, showPublisher } from './publisher.ts';
import { findQuotes } from './quotes.ts';
import { findHeadline, maskBoilerplate, splitParagraphs, splitSentences } from './text.ts';
import { type ExtractOptions, type Extraction, type KnownOrganization, maxArticleChars } from './types.ts';

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

export function extractArticle(text: string, options: ExtractOptions): Extraction {
  validate(text, options);
  // Rules below read Latin-script English; other scripts give an empty result rather than noise.
  if (!/[A-Za-z]{2}/.test(text)) return emptyExtraction();

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
  const { organizations, mentions: orgMentions } = findOrganizations(masked, candidates, {
    knownOrganizations: [...knownOrganizations, ...listedSignatories(masked, knownOrganizations)], personNames, personTokens,
  });
  const people = describePeople(masked, personNames, orgMentions, organizations, options.knownPeople);
  const mentions = collectMentions(orgMentions, people);
  const recentCompany = (at: number): string | null =>
    [...orgMentions].reverse().find((m) => m.end <= at && m.org.kind === 'company')?.org.name
      ?? orgMentions.find((m) => m.org.kind === 'company')?.org.name ?? null;

  const quotes = findQuotes(masked, sentences, paragraphs, mentions, recentCompany);

  // Headlines restate the story; events come from the body only.
  const headline = findHeadline(masked);
  const bodySentences = headline ? sentences.filter((s) => s.start >= headline.end) : sentences;
  const dates = findDateMentions(masked, options.published);
  // Each letter the article mentions, with the fields read from its own sentences.
  const groups = findLetterGroups(masked, bodySentences, mentions, publisher?.name ?? null, dates);
  const mostMentionedCompany = organizations.filter((org) => org.kind === 'company')
    .sort((a, b) => b.spans.length - a.spans.length)[0]?.name ?? null;
  for (const { parties, mentions: own } of groups) {
    // A letter whose addressee the text never names in so many words goes to the company the article
    // is about; with several letters, to the company last named where the letter is first mentioned.
    const fallback = groups.length > 1 && own[0] ? recentCompany(own[0].sentence.end) : mostMentionedCompany;
    if (parties.recipients.length === 0 && !parties.otherAddressee && fallback && (parties.senders.length > 0 || parties.questionCount !== null)) parties.recipients.push(fallback);
  }
  const parties = groups[0]!.parties;
  const partiesAt = (at: number) => groups.find((g) => covers(g, at))?.parties ?? parties;
  const events = findEvents(bodySentences, dates, { text: masked, published: options.published, mentions, parties, partiesAt, recentCompany });
  const letters = buildGroupedLetters(groups, events, mostMentionedCompany);

  return {
    organizations: organizations.map(({ name, kind, aliases, spans }) => ({ name, kind, aliases, spans })),
    people,
    quotes,
    events,
    letters,
  };
}
