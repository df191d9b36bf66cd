/**
 * Quotes with one identifiable speaker. A quote is attributed by the speech verb next to it
 * ("…," said X / X said: / X said the company "…"); a quote opening a sentence right after an
 * attributed one continues it. Words of a letter or report are not quotes: a document is not a speaker.
 */
import { mentionsWithin, type EntityMention } from './mentions.ts';
import type { TextRange } from './text.ts';
import type { Span } from './types.ts';

export interface Quote {
  speaker: string;
  text: string;
  span: Span;
}

interface Segment {
  start: number; // offset of the quoted words (inside the marks)
  end: number;
  block: boolean;
}

const speechVerb = /\b(said|says|stated|states|told|wrote|writes|added|announced|saying|insisted|argued|warned|explained|called|described|according to)\b/g;
const documentSubject = /^(?:the|a|an|this|that|its|their)\s+(?:\w+\s+){0,2}(?:letter|report|statement|petition|complaint|filing|document|investigation|resolution)\b/i;

function findSegments(text: string, paragraphs: TextRange[]): Segment[] {
  const segments: Segment[] = [];
  for (const match of text.matchAll(/“([^”\n]{1,3000})”|"([^"\n]{1,3000})"/g)) {
    const inner = match[1] ?? match[2] ?? '';
    segments.push({ start: match.index + 1, end: match.index + 1 + inner.length, block: false });
  }
  // "X said:" closing a paragraph introduces the next paragraph as the quote.
  paragraphs.forEach((paragraph, i) => {
    const next = paragraphs[i + 1];
    if (next && /\b(said|says|stated|wrote|added)\s*:$/.test(paragraph.text)) {
      segments.push({ start: next.start, end: next.end, block: true });
    }
  });
  return segments.sort((a, b) => a.start - b.start);
}

/** The quoted words end their sentence: "… was 'commercially confidential.'" or "… was 'confidential'." */
function closesSentence(inner: string, after: string): boolean {
  return (/[.!?]$/.test(inner) && /^["”](?:\s*$|\s+["“]?\p{Lu}|\n)/u.test(after)) || /^["”][.!?](?:\s|$)/.test(after);
}

function wordCount(value: string): number {
  return value.split(/\s+/).filter(Boolean).length;
}

/** The speaker of the clause "X said", where X may carry an apposition: "X, head of Y at Z, said". */
function subjectBefore(mentions: EntityMention[], text: string, verbIndex: number): EntityMention | null {
  if (mentions.length === 0) return null;
  const last = mentions[mentions.length - 1]!;
  // "X, head of Y at Z, said" and "X of Free Press said": the person, not the organisation after them.
  const person = mentions.find((m) => m.kind === 'person' && /^,[^.]*,\s*$|^\s+(?:of|at|from)\s+[^,.;]{1,60}?\s*$/.test(text.slice(m.end, verbIndex)));
  if (person) return person;
  // A speaker sits just before its verb ("Microsoft said", "A Microsoft spokesperson stated").
  if (verbIndex - last.end > 60) return null;
  return last;
}

function speakerFor(
  segment: Segment, text: string, sentences: TextRange[], mentions: EntityMention[], recentCompany: (at: number) => string | null,
): string | null {
  const sentence = sentences.find((s) => s.start <= segment.start - (segment.block ? 0 : 1) && segment.start <= s.end)
    ?? sentences.find((s) => s.start <= segment.start && segment.start <= s.end);
  if (segment.block) {
    const intro = [...sentences].reverse().find((s) => s.end <= segment.start);
    return intro ? speakerFromClause(intro.start, intro.end, text, mentions, recentCompany) : null;
  }
  // "…," said Amina Wanjiru / "…," Amina Wanjiru said
  const after = text.slice(segment.end + 1, segment.end + 120);
  // Attribution after a quote stays on its line: the next paragraph's "X said" is another story.
  const inverted = /^[,.!?]?[ \t]*(?:said|says|added|wrote|stated|explained)[ \t]+/.exec(after);
  if (inverted) {
    const at = segment.end + 1 + inverted[0].length;
    // "said the company", "said Dr. Rahman", "said our director, Ana Ruiz".
    // "said OpenMedia campaigner Matt Hatfield": the person after an organisation and a title.
    const titled = mentions.find((m) => m.kind === 'person' && m.start > at && m.start - at <= 60 && /^(?:[\p{L}'’.&-]+\s+){1,5}$/u.test(text.slice(at, m.start)));
    if (titled) return titled.name;
    const who = mentions.find((m) => m.start === at || (m.start > at && m.start - at <= 45 && /^(?:(?:the|an?|Dr\.?|Prof\.?)\s+|(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*,\s+)$/.test(text.slice(at, m.start))));
    if (who) return who.name;
  }
  // "…," the company said / "…," a company spokesperson said: the company the text is about there.
  if (/^[,.!?]?[ \t]*(?:the|a|an)[ \t]+(?:company|firm|(?:company[ \t]+)?spokes(?:person|man|woman))[ \t]+(?:said|says|added|wrote|stated|explained|told)\b/i.test(after)) {
    const company = recentCompany(segment.start);
    if (company) return company;
  }
  // "…," she said: the person last named before the quote.
  if (/^[,.!?]?[ \t]*(?:(?:he|she)[ \t]+(?:said|says|added|told|wrote|explained)|(?:said|says|added)[ \t]+(?:he|she))\b/i.test(after)) {
    const person = mentions.filter((m) => m.kind === 'person' && m.end <= segment.start && segment.start - m.end < 800).pop();
    if (person) return person.name;
  }
  const direct = /^[,.!?]?[ \t]*/.exec(after)!;
  const who = mentions.find((m) => m.start === segment.end + 1 + direct[0].length);
  // "…," Amina said. — but after a full stop, "Greenblatt said there had been no changes" is a sentence of its own.
  const closed = /[.!?]$/.test(text.slice(segment.start, segment.end)) || after.startsWith('.');
  const verbAfter = who ? /^\s+(?:said|says|added|wrote|told|explained)\b(\s*[.,])?/.exec(text.slice(who.end, who.end + 14)) : null;
  if (who && verbAfter && (!closed || verbAfter[1] !== undefined)) return who.name;
  // "…," Ashley Boyd, Mozilla's vice-president, said / "…," UHRP executive director Omer Kanat said.
  const person = mentions.find((m) => m.kind === 'person' && m.start > segment.end && m.start - segment.end <= 60 && !/[.!?"“”]/.test(text.slice(segment.end + 1, m.start).replace(/^[,.!?]/, '')));
  if (person && !closed && /^(?:,[^".!?]{1,90},)?\s+(?:said|says|added|wrote|told|explained)\b/.test(text.slice(person.end, person.end + 100))) return person.name;
  // "…," a spokesperson for Privacy International said.
  const spokes = /^[,.!?]?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?spokes(?:person|man|woman)\s+(?:for|of|at)\s+(?:the\s+)?$/.exec(after.slice(0, 80).replace(/(?<=\s(?:for|of|at)\s+(?:the\s+)?)\S.*$/s, ''));
  if (spokes) {
    const org = mentions.find((m) => m.kind !== 'person' && m.start === segment.end + 1 + spokes[0].length);
    if (org) return org.name;
  }
  if (!sentence) return null;
  return speakerFromClause(sentence.start, segment.start - 1, text, mentions, recentCompany);
}

function speakerFromClause(
  start: number, end: number, text: string, mentions: EntityMention[], recentCompany: (at: number) => string | null,
): string | null {
  const clause = text.slice(start, end);
  if (documentSubject.test(clause)) return null;
  speechVerb.lastIndex = 0;
  const verb = speechVerb.exec(clause);
  if (!verb) return null;
  const verbIndex = start + verb.index;
  if (verb[1] === 'according to') {
    const source = mentions.find((m) => m.start >= verbIndex && m.start - verbIndex < 20);
    return source?.name ?? null;
  }
  const subject = subjectBefore(mentionsWithin(mentions, start, verbIndex), text, verbIndex);
  if (subject) return subject.name;
  // "A company spokesperson said Tessarine '…'": an unnamed spokesperson speaks for the company.
  if (/\b(?:spokes(?:person|man|woman)|representative)\b/i.test(text.slice(start, verbIndex))) {
    const named = mentions.find((m) => m.kind === 'company' && m.start >= verbIndex && m.start - verbIndex <= 20);
    return named?.name ?? recentCompany(verbIndex);
  }
  if (/\b(?:the company|the firm|it)\s*$/i.test(text.slice(start, verbIndex).trimEnd())) return recentCompany(verbIndex);
  return null;
}

function cleanQuoteText(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(/[,;:]$/, '').replace(/\.$/, '').trim();
}

export function findQuotes(
  text: string, sentences: TextRange[], paragraphs: TextRange[], mentions: EntityMention[], recentCompany: (at: number) => string | null,
): Quote[] {
  const quotes: (Quote & { paragraphEnd: number })[] = [];
  for (const segment of findSegments(text, paragraphs)) {
    const raw = text.slice(segment.start, segment.end);
    // Two words make a quote only where they close the sentence ("saying it was 'commercially confidential.'"): shorter runs are scare quotes.
    // …or where a speech verb stands just before them ("Meta said it 'fundamentally disagreed'", "called the findings 'false, misleading'").
    const spokenJustBefore = /\b(?:said|says|called|described|wrote|told)\b[^.;"“”]{0,30}$/.test(text.slice(Math.max(0, segment.start - 40), segment.start - 1));
    // A quote that goes on into a noun ("its 'ethical AI' tools") names something rather than quoting it.
    const modifies = /^["”]\s+(?!(?:with|to|and|in|that|on|for|as|from|by|of|at|but|or|because|after|before)\b)[a-z]/.test(text.slice(segment.end, segment.end + 14));
    if (wordCount(raw) < 2 || (wordCount(raw) === 2 && !closesSentence(raw, text.slice(segment.end, segment.end + 5)) && (!spokenJustBefore || modifies))) continue;
    const paragraphEnd = paragraphs.find((p) => p.start <= segment.start && segment.start <= p.end)?.end ?? segment.end;
    const speaker = speakerFor(segment, text, sentences, mentions, recentCompany);
    const previous = quotes[quotes.length - 1];
    const opensSentence = sentences.some((s) => s.start === segment.start - 1);
    if (!speaker && previous && opensSentence && previous.paragraphEnd === paragraphEnd) {
      // A second quoted sentence after an attributed one, in the same paragraph, is the same speaker's.
      previous.text = `${previous.text}. ${cleanQuoteText(raw)}`;
      previous.span = [previous.span[0], segment.end];
      continue;
    }
    // "Fairwork said Glovo had approached it. "Glovo has agreed …"": a quote opening a sentence, with no attribution of its own,
    // continues the reported speech of the sentence before it in the same paragraph.
    const before = opensSentence ? [...sentences].reverse().find((s) => s.end <= segment.start) : undefined;
    const who = speaker ?? (before && paragraphs.some((p) => p.start <= before.start && segment.end <= p.end)
      && !/["“”]/.test(before.text) && /^[^,;]{1,80}?\b(?:said|says|told|argued|added)\b/.test(before.text)
      ? speakerFromClause(before.start, before.end, text, mentions, recentCompany) : null);
    if (!who) continue;
    quotes.push({ speaker: who, text: cleanQuoteText(raw), span: [segment.start, segment.end], paragraphEnd });
  }
  return quotes.map(({ speaker, text: quoted, span }) => ({ speaker, text: quoted, span }));
}
