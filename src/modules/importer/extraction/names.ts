/**
 * Capitalised name sequences ("Rights in the Cloud Alliance", "+972 Magazine", "Stratalink Inc.")
 * found by a small tokenizer, with their offsets. These are candidates only: organisations.ts
 * decides which of them name an organisation.
 */
import nlp from 'compromise';
import { capitalisedFunctionWords, firstWordMarkers, lastWordMarkers, months, pageWords, places, wellKnownOrganizations } from './gazetteer.ts';
import { escapeRegExp, type TextRange } from './text.ts';

export interface NameCandidate {
  start: number;
  end: number;
  text: string;
  tokens: string[];
  /** True when the name begins a sentence or heading, where capitals say nothing. */
  sentenceInitial: boolean;
}

interface Token {
  start: number;
  end: number;
  text: string;
}

// …with the French and Spanish ones rights groups' names use ("Institut de Recherche en Droits Humains", "Red en Defensa de los Derechos").
const connectors = new Set(['of', 'for', 'in', 'on', 'the', 'to', 'de', 'du', 'la', 'van', 'der', 'and', '&', 'des', 'les', 'pour', 'en', 'à', 'aux', 'los', 'las', 'del', 'para', 'por']);
const legalForm = /^(?:Inc\.?|Ltd\.?|Corp\.?|LLC|LLP|plc|PLC|B\.V\.|N\.V\.|GmbH|gGmbH|S\.A\.|AG|ASA|SpA|Oy|Pty|e\.V\.)$/;
/** Words that continue a name after a possessive: "Information Commissioner's Office". */
const afterPossessive = new Set(['Hospital', 'Office', 'Society', 'Fund', 'Trust', 'Union', 'Commission', 'Council', 'Bureau', 'Network', 'Alliance', 'Centre', 'Center', 'Rights']);
const abbreviationWithDot = /^(?:Inc|Ltd|Corp|Co|Bros|Mr|Dr|St)\.$|^(?:[A-Z]\.){2,}$|^e\.V\.$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\+\d+|\d+\p{L}{4,}[\p{L}\p{N}'’&-]*|\d+|[\p{L}][\p{L}\p{N}'’.&-]*|&/gu)) {
    let value = match[0];
    // A full stop belongs to the word only for abbreviations ("Inc.", "B.V."); otherwise it ends a sentence.
    if (value.endsWith('.') && !abbreviationWithDot.test(value)) value = value.replace(/\.+$/, '');
    tokens.push({ start: match.index, end: match.index + value.length, text: value });
  }
  return tokens;
}

// "xAI", "eBay", "epicenter.works", "7amleh", "2degrees", "l'Accès": a coined name may start in lower case before its
// capital, or with a number, or be a web address; a French word may follow an elided article.
const isCapitalised = (word: string): boolean => /^(?:\p{Lu}|\+\d|\p{Ll}{1,2}\p{Lu}|\d+\p{L}{4}|[ld]['’]\p{Lu})/u.test(word) || /^[a-z][a-z\d-]+\.(?:org|io|works|com|net|eu|info)$/.test(word);
const onlySpaces = (gap: string): boolean => /^[ \t]+$/.test(gap);

/** compromise's part-of-speech tags for one word on its own. */
const tagCache = new Map<string, Set<string>>();
export function wordTags(word: string): Set<string> {
  let tags = tagCache.get(word);
  if (!tags) {
    tags = new Set((nlp(word).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? []);
    tagCache.set(word, tags);
  }
  return tags;
}

/** Words compromise reads as plural nouns, verbs, adverbs…: not the start of a name at a sentence start. */
export function isCommonWord(word: string): boolean {
  const tags = wordTags(word);
  return !tags.has('ProperNoun') && !tags.has('Person') && !tags.has('Organization') &&
    ['Plural', 'Verb', 'Adverb', 'Adjective', 'Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'Value']
      .some((tag) => tags.has(tag)) && !tags.has('Demonym');
}

/** "Investors", "Separately": a plural common noun or an adverb. */
function isPluralNounOrAdverb(word: string): boolean {
  const tags = wordTags(word);
  return (tags.has('Plural') || tags.has('Adverb')) && !tags.has('ProperNoun') && !tags.has('Organization');
}

/** "Says", "Will", "Opened": a conjugated verb, which a headline in title case has and a name does not. */
export function isConjugatedVerb(word: string): boolean {
  const tags = wordTags(word);
  return (tags.has('PresentTense') || tags.has('PastTense') || tags.has('Modal')) && !tags.has('Noun') && !tags.has('ProperNoun');
}

/** "sent", "wrote", "today": a verb in the past or a time word, which no title contains. */
export function endsTitle(word: string): boolean {
  return /^(?:today|yesterday|also)$/i.test(word) || wordTags(word).has('PastTense');
}

/** Adjectives, verbs and function words ("Local", "Open"): a company is not called by one of them alone. */
export function isDescriptiveWord(word: string): boolean {
  const tags = wordTags(word);
  return ['Adjective', 'Verb', 'Adverb', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun'].some((tag) => tags.has(tag));
}

/** The words of the last name in a run: after its last "and" ("Amnesty and the Committee"), less "the". */
function lastName(run: Token[]): Token[] {
  const and = run.map((t) => t.text).lastIndexOf('and');
  return run.slice(and + 1).filter((t) => !/^(?:The|the)$/.test(t.text));
}

/** Raw capitalised runs, allowing lower-case connectors ("of", "in the") between capitalised words. */
function scanRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index]!;
    if (!isCapitalised(first.text)) { index++; continue; }
    const run: Token[] = [first];
    let next = index + 1;
    while (next < tokens.length) {
      const previous = run[run.length - 1]!;
      const possessive = /['’]s$/.test(text.slice(previous.start, previous.end));
      if (possessive && !afterPossessive.has(tokens[next]?.text ?? '')) break; // a possessive ends a name
      if (legalForm.test(previous.text)) break; // "Nimbora Cloud B.V. in the District Court": a legal form ends a name
      const candidate = tokens[next]!;
      if (!onlySpaces(text.slice(previous.end, candidate.start))) break;
      if (text[candidate.end] === '$') break; // "for US$105 million": a currency, not a name
      if (isCapitalised(candidate.text) || legalForm.test(candidate.text) || (numberJoinsName(previous.text, candidate.text) && !quantityAfter.test(text.slice(candidate.end, candidate.end + 20)))) {
        run.push(candidate); next++; continue;
      }
      // Up to two connectors, then a capitalised word: "Rights in the Cloud Alliance". "To" joins only after
      // a name's first word ("Committee to Protect Journalists"), never two names ("sell Telenor Myanmar to M1 Group").
      let look = next;
      // "Students for a Free Tibet": "a" joins only after "for".
      while (look < tokens.length && look - next < 2 && (connectors.has(tokens[look]!.text) || (tokens[look]!.text === 'a' && tokens[look - 1]?.text === 'for')) && (tokens[look]!.text !== 'to' || lastName(run).length === 1)
        && onlySpaces(text.slice(tokens[look - 1]!.end, tokens[look]!.start))) look++;
      const after = tokens[look];
      if (look > next && after && isCapitalised(after.text) && onlySpaces(text.slice(tokens[look - 1]!.end, after.start)) && text[after.end] !== '$') {
        run.push(...tokens.slice(next, look + 1));
        next = look + 1;
        continue;
      }
      break;
    }
    runs.push(run);
    index = next;
  }
  return runs;
}

/** "Oslo-based", "state-owned": adjectives, not names. */
const compoundAdjective = /-(?:based|born|led|owned|run|backed|made|funded|linked|registered|listed|headquartered)$/i;

function stripPossessive(token: Token, text: string): Token {
  const raw = text.slice(token.start, token.end);
  const possessive = /['’]s$/.exec(raw);
  if (possessive) return { start: token.start, end: token.end - 2, text: raw.slice(0, -2) };
  return token;
}

/** "fined Vistara Media 200 million euros": a number that counts something is not part of the name before it. */
const quantityAfter = /^(?:\s*%|\s+(?:million|billion|thousand|trillion|percent|per cent|euros?|dollars?|pounds?|people|users|times|years?|months?|weeks?|days?|hours?|of)\b)/i;

/** "Unit 8200", "Article 19", "Channel 4": a number after a capitalised word is part of a name, unless it is a day or a year. */
function numberJoinsName(previous: string, number: string): boolean {
  if (!/^\d{1,4}$/.test(number) || /^(?:1[89]|20)\d\d$/.test(number)) return false;
  const word = previous.replace(/\.$/, '');
  return /^\p{Lu}/u.test(word) && !months.has(word) && !weekdayNames.has(word) && !capitalisedFunctionWords.has(previous) && !/^\d/.test(previous);
}
const weekdayNames = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);

/** Drop leading function words and trailing connectors, months and numbers. */
function trimRun(run: Token[], sentenceStarts: Set<number>): Token[] {
  let tokens = run;
  while (tokens.length > 0) {
    const first = tokens[0]!;
    const midSentence = !sentenceStarts.has(first.start) && tokens.length > 1;
    const isFunction = capitalisedFunctionWords.has(first.text) && !((first.text === 'The' || pageWords.has(first.text)) && midSentence);
    if (isFunction || months.has(first.text) || connectors.has(first.text)) { tokens = tokens.slice(1); continue; }
    break;
  }
  while (tokens.length > 0) {
    const last = tokens[tokens.length - 1]!;
    if (connectors.has(last.text) || months.has(last.text) || (/^\d+$/.test(last.text) && !numberJoinsName(tokens[tokens.length - 2]?.text ?? '', last.text))) {
      tokens = tokens.slice(0, -1); continue;
    }
    break;
  }
  return tokens;
}

/**
 * Splits "A and B" into two names unless the whole reads as one name ("Immigration and Customs
 * Enforcement"): the left part already ends in a marker word, or the whole does not.
 */
function splitOnAnd(tokens: Token[], text: string, inList = false): Token[][] {
  const andIndex = tokens.findIndex((token, i) => token.text === 'and' && i > 0);
  if (andIndex < 0) return [tokens];
  const left = tokens.slice(0, andIndex);
  const right = tokens.slice(andIndex + 1);
  const wholeEndsInMarker = lastWordMarkers[tokens[tokens.length - 1]!.text] !== undefined;
  // "Internet Rights and Freedoms Coalition": "Rights" ends a name's first half as often as a name.
  const leftEndsInMarker = left.length >= 2 && lastWordMarkers[left[left.length - 1]!.text] !== undefined && !/^(?:Rights|Liberties)$/.test(left[left.length - 1]!.text);
  // "HRW and Amnesty International": an acronym or a well-known name on the left is a name of its own.
  const leftText = left.map((t) => t.text).join(' ');
  // …and so is "Center for Youth Online": a marker word, "for/of", and a name of its own.
  const head = left[0]!.text === 'The' ? left.slice(1) : left;
  const leftIsInstitution = head.length >= 3 && firstWordMarkers[head[0]!.text] !== undefined && /^(?:for|of)$/.test(head[1]!.text) && right.length >= 2;
  // "Trades Union Congress and Amnesty International": a well-known name on the right stands alone too.
  const rightText = right.filter((t) => t.text !== 'the').map((t) => t.text).join(' ');
  const leftIsName = (left.length === 1 && /^[A-Z]{2,6}$/.test(leftText)) || wellKnownOrganizations[leftText] !== undefined || leftIsInstitution
    || wellKnownOrganizations[rightText] !== undefined;
  // "Lumen Cloud Services and Northstar Data Inc.": a legal form closes one company's name, not two.
  const twoCompanies = left.length >= 2 && right.length >= 2 && legalForm.test(right[right.length - 1]!.text);
  // "… Policy for East and Southern Africa": a place on the right ends the same name.
  if (places.has(right.map((t) => t.text).join(' ')) && left.some((t) => t.text === 'for' || t.text === 'of' || t.text === 'in')) return [tokens];
  // "Sandvine and Francisco Partners": the left part is a name of its own when the text uses it alone.
  const elsewhere = text.slice(0, left[0]!.start) + text.slice(tokens[tokens.length - 1]!.end);
  const leftAlone = new RegExp(`(?<![\\p{L}])${escapeRegExp(leftText)}(?!\\s+and\\b)(?![\\p{L}])`, 'u').test(elsewhere);
  // "U.S. Customs and Border Protection (CBP)": an acronym after it spells the whole name, across the "and".
  const acronym = /^\s*\(([A-Z]{3,8})\)/.exec(text.slice(tokens[tokens.length - 1]!.end))?.[1];
  const initials = tokens.filter((t) => /^\p{Lu}\p{Ll}/u.test(t.text)).map((t) => t.text[0]).join('');
  if (acronym && initials.endsWith(acronym) && acronym.length > right.filter((t) => isCapitalised(t.text)).length) return [tokens];
  // "among them Fight for the Future, Greenpeace and Free Press": the last "and" of a list joins two names.
  // …as does any "and" after one that split the run.
  const listed = inList || /\p{Lu}[\p{L}\p{N}.’']*,\s+$/u.test(text.slice(Math.max(0, tokens[0]!.start - 40), tokens[0]!.start));
  if (wholeEndsInMarker && !leftEndsInMarker && !leftIsName && !twoCompanies && !leftAlone && !listed && right[0]?.text !== 'the') return [tokens];
  // "Center for Democracy and Technology": one plain word after "X for Y and" ends the same name,
  // also when another "and" follows it in a list ("… Democracy and Technology and Ranking Digital Rights").
  const oneWordTail = (right.length === 1 || right[1]?.text === 'and') && left.some((t) => t.text === 'for' || t.text === 'of') && /^\p{Lu}\p{Ll}+$/u.test(right[0]!.text)
    && wellKnownOrganizations[right[0]!.text] === undefined && !leftAlone && (right.length > 1 || !leftIsName);
  if (oneWordTail) return right.length === 1 ? [tokens] : [tokens.slice(0, andIndex + 2), ...splitOnAnd(right[2]?.text === 'the' ? right.slice(3) : right.slice(2), text, true)];
  // "National Center for Missing and Exploited Children": plain words after "X for Y and" that never stand alone end the same name.
  const rightAlone = new RegExp(`(?<![\\p{L}] ?)${escapeRegExp(rightText)}(?![\\p{L}])`, 'u').test(elsewhere);
  const institutionFor = left.some((t, i) => firstWordMarkers[t.text] !== undefined && /^(?:for|of|on)$/.test(left[i + 1]?.text ?? ''));
  const plainTail = institutionFor && !listed && !leftAlone && !rightAlone && right.length <= 3 && right.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text) && lastWordMarkers[t.text] === undefined)
    && wellKnownOrganizations[rightText] === undefined;
  if (plainTail) return [tokens];
  // "(The) Ministry of Electronics and Information Technology".
  const institutionOf = /^(?:Ministry|Department|Office|Secretary|Minister|Committee|Commission|Bureau)$/.test(head[0]?.text ?? '') && head[1]?.text === 'of';
  if (institutionOf && !right.some((t) => t.text === 'the') && right.length <= 2) return [tokens];
  return [left, ...splitOnAnd(right[0]?.text === 'the' ? right.slice(1) : right, text, true)];
}

const locative = new Set(['in', 'on', 'at']);

/**
 * "Skyline in the High Court in London" is two names and a place; "Rights in the Cloud Alliance" is
 * one. Split at "in/on/at (the)" when the left part stands alone elsewhere in the text, or when
 * what follows is a place.
 */
function splitOnLocative(tokens: Token[], text: string, places: Set<string>): Token[][] {
  const index = tokens.findIndex((token, i) => i > 0 && locative.has(token.text));
  if (index < 0) return [tokens];
  const left = tokens.slice(0, index);
  let rightStart = index + 1;
  if (tokens[rightStart]?.text === 'the') rightStart++;
  const right = tokens.slice(rightStart);
  const leftName = text.slice(left[0]!.start, left[left.length - 1]!.end);
  const rightName = right.map((t) => t.text).join(' ');
  const standsAlone = new RegExp(`(?<![\\p{L}])${leftName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\s+(?:in|on|at)\\b)(?![\\p{L}])`, 'u');
  const restOfText = text.slice(0, left[0]!.start) + text.slice(tokens[tokens.length - 1]!.end);
  if (right.length === 0) return [left];
  // "High Court in Mbabane": an institution, then the one-word place it sits in.
  const institutionIn = right.length === 1 && tokens[index]!.text === 'in' && /^(?:Court|Tribunal|Parliament|Police|Ministry|Commission|Council|Assembly)$/.test(left[left.length - 1]!.text);
  // "Congressional-Executive Commission on China": a body "on" a country keeps it in its name.
  const bodyOn = tokens[index]!.text === 'on' && /^(?:Commission|Committee|Council|Caucus|Network|Forum|Coalition)$/.test(left[left.length - 1]!.text);
  if (!bodyOn && (places.has(rightName) || institutionIn || standsAlone.test(restOfText))) return [left, ...splitOnLocative(right, text, places)];
  return [tokens];
}

/** Quantifiers and evaluations that open a sentence before a name: "Many Silicon Valley firms", "Other Acme staff". */
const sentenceOpeners = new Set(['Many', 'Most', 'Some', 'Other', 'Few', 'Last', 'Both', 'Such', 'Each', 'Every', 'Major', 'Leading', 'Former', 'Top', 'Big', 'Large', 'Small', 'Several', 'Prominent', 'Smaller', 'Larger']);

/**
 * "Open Citizen Lab wrote", "Fair Tech Watch said": an adjective opening a sentence belongs to the name
 * when the whole run appears again elsewhere in the text, in mid-sentence.
 */
function openingWordStartsName(tokens: Token[], text: string): boolean {
  const first = tokens[0]!.text;
  if (sentenceOpeners.has(first) || tokens.length < 2) return false;
  const tags = wordTags(first);
  // "Open Netwatch", "Fight for the Future": an adjective or verb may open a name; function words and numbers never do.
  if (!['Adjective', 'Verb', 'Noun'].some((tag) => tags.has(tag)) || ['Determiner', 'Value', 'Comparable', 'Superlative', 'Pronoun', 'Preposition', 'Conjunction'].some((tag) => tags.has(tag))) return false;
  // Only the text's own evidence counts: the whole run again, capitalised, where no sentence starts.
  const whole = text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
  const elsewhere = new RegExp(`(?<=[\\p{Ll},;:(]\\s+|\\b(?:the|The)\\s+)${escapeRegExp(whole)}\\b`, 'u');
  return elsewhere.test(text.slice(0, tokens[0]!.start)) || elsewhere.test(text.slice(tokens[tokens.length - 1]!.end));
}

/** "Zoom CEO Eric Yuan": a job title inside a capitalised run separates a company from a person. */
const runTitles = new Set(['CEO', 'CTO', 'CFO', 'COO', 'President', 'Chairman', 'Chairwoman', 'Founder', 'Co-founder', 'Senator', 'Governor', 'Mayor', 'Spokesperson', 'Spokesman', 'Spokeswoman']);
const twoWordTitles = new Set(['Chief Executive', 'Attorney General', 'Prime Minister', 'Secretary General', 'Foreign Minister', 'Managing Director', 'Executive Director']);

function splitAtTitles(run: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (let i = 0; i < run.length; i++) {
    const token = run[i]!;
    const twoWords = twoWordTitles.has(`${token.text} ${run[i + 1]?.text}`);
    if (!runTitles.has(token.text) && !twoWords) { parts[parts.length - 1]!.push(token); continue; }
    if (twoWords) i += run[i + 2]?.text === 'Officer' ? 2 : 1;
    parts.push([]);
  }
  return parts.filter((part) => part.length > 0);
}

/** "Ron Deibert and Christopher Parsons of the Citizen Lab": the people named in a run are cut out of it. */
function withoutPeople(run: Token[], personNames: Set<string>): Token[][] {
  const parts: Token[][] = [[]];
  for (let i = 0; i < run.length; i++) {
    const person = [3, 2].find((n) => i + n <= run.length && personNames.has(run.slice(i, i + n).map((t) => t.text).join(' ')));
    if (person === undefined) { parts[parts.length - 1]!.push(run[i]!); continue; }
    i += person - 1;
    parts.push([]);
  }
  return parts.filter((part) => part.length > 0);
}

export function findNameCandidates(text: string, sentences: TextRange[], personNames: Set<string> = new Set()): NameCandidate[] {
  const sentenceStarts = new Set<number>();
  for (const sentence of sentences) {
    // A quote mark or bracket may open the sentence; the first word is what counts.
    const firstWord = /[\p{L}\d+]/u.exec(sentence.text);
    sentenceStarts.add(sentence.start + (firstWord?.index ?? 0));
  }
  const lineEnds = new Set(sentences.filter((sentence) => /^\s*(?:\n|$)/.test(text.slice(sentence.end))).map((sentence) => sentence.end));
  const tokens = tokenize(text);
  const candidates: NameCandidate[] = [];
  const runs = scanRuns(text, tokens).flatMap(splitAtTitles).flatMap((run) => withoutPeople(run, personNames)).map((r) => r.filter((t) => !compoundAdjective.test(t.text))).filter((r) => r.length > 0);
  for (const run of runs) {
    const withoutPossessive = run.map((token, i) => (i === run.length - 1 ? stripPossessive(token, text) : token));
    for (const part of splitOnAnd(withoutPossessive, text).flatMap((p) => splitOnLocative(p, text, places))) {
      let trimmed = trimRun(part, sentenceStarts);
      let sentenceInitial = trimmed.length > 0 && sentenceStarts.has(trimmed[0]!.start);
      // "Shareholders of Arbor Systems Corp": a common word starting a sentence is not part of the name.
      // …unless what would remain is only a marker or legal form ("Zoomly Ltd" is not "Ltd").
      // "Electronic Frontier Foundation" alone on its line (a masthead) is a name from its first word.
      const wholeLine = trimmed.length > 1 && lineEnds.has(trimmed[trimmed.length - 1]!.end) && sentenceStarts.has(trimmed[0]!.start);
      // "Students for a Free Tibet", "Doctors against Torture": a plural before "for/against" opens a name.
      const pluralFor = /^(?:for|against)$/.test(trimmed[1]?.text ?? '');
      while (!wholeLine && !pluralFor && trimmed.length > 1 && sentenceInitial && isCommonWord(trimmed[0]!.text) && !/s['’]$/.test(trimmed[0]!.text)
        && !openingWordStartsName(trimmed, text) && wellKnownOrganizations[text.slice(trimmed[0]!.start, trimmed[trimmed.length - 1]!.end)] === undefined
        && !(trimmed.length === 2 && (legalForm.test(trimmed[1]!.text) || lastWordMarkers[trimmed[1]!.text] !== undefined))) {
        trimmed = trimRun(trimmed.slice(1), new Set());
        sentenceInitial = false;
      }
      if (trimmed.length === 0) continue;
      // "Investors, including …" opening a line: one common word where capitals say nothing is no name.
      if (trimmed.length === 1 && sentenceInitial && isPluralNounOrAdverb(trimmed[0]!.text) && wellKnownOrganizations[trimmed[0]!.text] === undefined) continue;
      const start = trimmed[0]!.start;
      const end = trimmed[trimmed.length - 1]!.end;
      candidates.push({
        start, end, text: text.slice(start, end), tokens: trimmed.map((t) => t.text),
        sentenceInitial: sentenceStarts.has(start),
      });
    }
  }
  return withCommaNames(candidates, text);
}

/**
 * "the Retail, Wholesale and Department Store Union (RWDSU)", "Ministry of Labour, Invalids and Social
 * Affairs (MOLISA)": a name with commas in it, which the acronym after it spells whole.
 */
function withCommaNames(candidates: NameCandidate[], text: string): NameCandidate[] {
  const result = [...candidates];
  for (const candidate of candidates) {
    const acronym = /^\s*\(([A-Z]{3,8})\)/.exec(text.slice(candidate.end, candidate.end + 12))?.[1];
    if (!acronym) continue;
    const words = String.raw`\p{Lu}[\p{L}-]*(?:[ \t]+(?:of|for|on|in|the|\p{Lu}[\p{L}-]*))*`;
    const lead = new RegExp(String.raw`((?:${words},[ \t]+){1,3}(?:${words}[ \t]+and[ \t]+)?)$`, 'u').exec(text.slice(Math.max(0, candidate.start - 120), candidate.start));
    if (!lead) continue;
    const start = candidate.start - lead[1]!.replace(/^The[ \t]+/, '').length;
    const whole = text.slice(start, candidate.end);
    // The acronym spells the capitalised words, or every word but "and" and "the" ("MOLISA").
    const spelt = (keep: (word: string) => boolean) => whole.split(/[\s,]+/).filter(keep).map((w) => w[0]!.toUpperCase()).join('');
    if (spelt((w) => /^\p{Lu}/u.test(w)) !== acronym && spelt((w) => !/^(?:and|the|&)$/i.test(w)) !== acronym) continue;
    for (const inside of candidates.filter((c) => c.start >= start && c.end <= candidate.end)) result.splice(result.indexOf(inside), 1);
    result.push({ start, end: candidate.end, text: whole, tokens: whole.split(/[\s,]+/), sentenceInitial: candidate.sentenceInitial });
  }
  return result.sort((a, b) => a.start - b.start);
}
