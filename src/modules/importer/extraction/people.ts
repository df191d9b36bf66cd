/**
 * People: named individuals, with the title and affiliation the text gives them.
 *
 * Names come from compromise's person tagger (plus "said First Last" and the caller's dictionary);
 * titles and affiliations from the appositions news writing uses: "X, <title> at <Org>",
 * "X, the centre's director", "<Org>'s <title>, X", "its <title>, X", "<title> X".
 */
import nlp from 'compromise';
import { capitalisedFunctionWords, demonyms, lastWordMarkers, months, places } from './gazetteer.ts';
import type { Organization, OrgMention } from './organizations.ts';
import { endsTitle, isCommonWord, wordTags } from './names.ts';
import { escapeRegExp, findOccurrences } from './text.ts';
import type { KnownPerson, Span } from './types.ts';

export interface Person {
  name: string;
  title: string | null;
  affiliation: string | null;
  spans: Span[];
}

const titleWord = /\b(director|executive|researcher|officer|head|lead|spokes(?:person|man|woman)|organi[sz]er|manager|chair|chairman|chairwoman|chairperson|president|founder|coordinator|analyst|counsel|adviser|advisor|editor|secretary|minister|campaigner|member|partner|professor|fellow|ceo|cto|cfo|coo|chief|lawyer|attorney|investigator|specialist|strategist|trustee|representative|ambassador|commissioner|rapporteur|deputy|technologist|reporter|journalist|correspondent|author|advocate|leader)\b/;

const titleStopWords = new Set(['to', 'by', 'from', 'with', 'at', 'for', 'the', 'a', 'an', 'and', 'wrote', 'told', 'said', 'says', 'asked', 'met', 'its', 'their', 'our']);

/** A given name, hyphenated or not ("Fei-Fei"), and the particles that may stand before a surname ("Pat de Brún"). */
const givenName = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?`;
/** …or initials standing for one ("C.V. Ganesan", "B. Pagels-Minor", "T. M. Krishna"). */
const givenOrInitials = String.raw`(?:${givenName}|(?:\p{Lu}\.[ \t]?){0,2}\p{Lu}\.)`;
const particles = 'de|da|di|del|van|von|der|al|bin|ibn';
const particleWord = new RegExp(`^(?:${particles})$`);

/**
 * Two to four capitalised words, none a function word, month, place or marker ("Jordan Blake" may begin with a place, and
 * "Annie Campbell Washington" end with one, where the text says it is a person's).
 */
function isPlausibleName(name: string, namedAsPerson = false): boolean {
  const words = name.replace(/(?<=\p{Lu}\.)\s+(?=\p{Lu}\.)/gu, '').split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  // "NSO Group" is no person: an acronym or "Group" in a name marks an organisation.
  if (/^[A-Z]{2,}$/.test(words[0]!) || words[words.length - 1] === 'Group') return false;
  // "San Mateo", "Old Bailey", "Port Louis": the first word of a place's name.
  if (/^(?:San|Santa|Saint|St\.?|Old|New|Fort|Port|Mount|Lake|Cape)$/.test(words[0]!)) return false;
  const particle = (word: string, i: number) => i > 0 && i < words.length - 1 && particleWord.test(word);
  return words.every((word, i) => particle(word, i) || (/^\p{Lu}[\p{L}'’.-]*$/u.test(word) && !capitalisedFunctionWords.has(word)
    && !months.has(word) && !(places.has(word) && !(namedAsPerson && (i === 0 || (i === words.length - 1 && i >= 2)))) && lastWordMarkers[word] === undefined));
}

const titledName = /\b(?:[Ss]pokes(?:person|man|woman)|[Cc]hief [Ee]xecutive|[Ff]ounder|[Pp]resident|lawyer|attorney|researchers?|activist|journalist|whistleblower|campaigner|analyst|professor|chief executive|executive director|managing director|director|CEO|founder|president|chair(?:man|woman|person)?|head of (?!(?:at|of|for|with|from|in|on)\b)[a-z]+(?: (?!(?:at|of|for|with|from|in|on)\b)[a-z]+)?|general counsel|chief [a-z]+ officer|secretary general|minister|(?:union|group|campaign|party) (?:head|leader|president|secretary|organi[sz]er|convenor)|leader|organi[sz]er|convenor)(?:,)?\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})(?=[,.;:]|\s+(?:said|says|told|wrote|asked|asking|urging|confirmed|added|announced|argued|insisted|denied|in|on|and|who|to|that|about|over|of|was|were|is|has|had|have|will|would)\b)/gu;

const apposedName = new RegExp(String.raw`(?<!\p{Lu}[\p{L}'’-]*\s)\b(${givenOrInitials}(?:\s+\p{Lu}[\p{L}'’-]+){1,2}),\s+((?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,3}[a-z-]+)\s+(?:of|at|for|with)\b`, 'gu');

const apposedTitle = new RegExp(String.raw`(?<!\p{Lu}[\p{L}'’-]*\s)\b(${givenOrInitials}(?:\s+\p{Lu}[\p{L}'’-]+){1,2}),\s+((?:our|its|their|the|a|an|\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,3}['’]s)\s+[^,.;"“”]{2,70}?),`, 'gu');
/** "said Pat de Brún,": compromise misses unfamiliar names in the commonest attribution of all. */
const saidName = new RegExp(String.raw`\bsaid\s+(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+)?((?:${givenName}|(?:\p{Lu}\.){1,3})(?:\s+(?:${particles}))?(?:\s+\p{Lu}[\p{L}'’-]+){1,3}),`, 'gu');
/** "Nader Awaad of the IWGB said": a name, "of the" and a group, then a speech verb. */
const nameOfGroupSaid = new RegExp(String.raw`\b(${givenName}(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2})[ \t]+of[ \t]+the[ \t]+\p{Lu}[^.;"“”]{0,80}?[ \t]+(?:said|says|told|added)\b`, 'gu');

/** "Sundar Pichai of Alphabet", and a list of two or more of them. */
const fullName = String.raw`${givenName}(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2}`;
const nameOfOrgItem = String.raw`${fullName}[ \t]+of[ \t]+(?:the[ \t]+)?\p{Lu}[\p{L}\d&.+-]*(?:[ \t]+\p{Lu}[\p{L}\d&.+-]*){0,3}`;
const nameOfOrg = new RegExp(String.raw`(?:^|,[ \t]+|[ \t]+and[ \t]+)(${fullName})[ \t]+of\b`, 'gu');
const nameOfOrgList = new RegExp(String.raw`${nameOfOrgItem}(?:(?:,[ \t]+|,?[ \t]+and[ \t]+)${nameOfOrgItem})+`, 'gu');

/** Capitalised titles and ranks that stand before a name and are no given name. */
const rankWords = /^(?:Minister|President|Commissioner|Secretary|General|Chancellor|Senator|Representative|Governor|Mayor|Judge|Justice|Chief|Director|Chairman|Chairwoman|Chair|Counsel|Attorney|Ambassador|Professor|Prof|Dr|Mr|Mrs|Ms|Mx|Sir|Dame|Rapporteur|Founder|Executive|Officer|Spokesperson|Spokesman|Spokeswoman|Deputy|Vice|Prime|Tourism|Foreign|Interior|Defence|Defense)$/;

/** "Dr. Yusuf Rahman", "Senator Jeff Merkley", "Yusuf Rahman's": the name without honorific, rank or possessive. */
function bareName(raw: string): string {
  return raw.replace(/['’]s$/, '').replace(/[^\p{L}]+$/u, '').replace(/^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s+/, '')
    .replace(/^(?:(?:Chief\s+)?Executive|CEO|President|Chairman|Chairwoman|Director|Senator|Sen\.|Representative|Rep\.|Minister|(?:Attorney\s+)?General|Governor|Mayor|(?:Police\s+)?Chief|Sheriff|(?:Senior\s+|Staff\s+)?(?:Counsel|Attorney)|Commissioner|Ambassador|Judge)\s+/, '').trim();
}

/** Two capitalised words in a row (particles between them): no sentence without them can hold a plausible name. */
const capitalisedPair = new RegExp(String.raw`\p{Lu}[\p{L}'’.-]*\s+(?:(?:${particles})\s+)*\p{Lu}`, 'u');

/**
 * compromise's people, tagging only the sentences that could hold a full name (about half the text; tagging all
 * of it took half the extraction's time). The result is the same as `nlp(text).people()`'s, since its tagger
 * reads one sentence at a time (byte-identical extractions of every gold article). The sentences are selected
 * again before the post-tagger, because splitting a contraction ("PI's") adds a term that a view selected
 * earlier does not cover.
 */
function taggedPeople(text: string): string[] {
  const doc = nlp.tokenize(text);
  const candidates = () => doc.filter((sentence) => capitalisedPair.test(sentence.text())) as typeof doc;
  candidates().compute(['index', 'id', 'freeze', 'typeahead', 'lexicon', 'preTagger', 'contractionTwo']);
  const tagged = candidates();
  tagged.compute('postTagger');
  const matches = tagged.people().json({ offset: true }) as { offset: { start: number; length: number } }[];
  return matches.map(({ offset }) => text.slice(offset.start, offset.start + offset.length));
}

/** Full names of people, before organisations are known (organisations must not swallow them). */
export function findPersonNames(text: string, knownPeople: KnownPerson[] = []): Set<string> {
  const names = new Set<string>();
  const add = (raw: string, firstMayBePlace: boolean) => {
    const name = bareName(raw);
    if (isPlausibleName(name, firstMayBePlace)) names.add(name);
  };
  for (const name of taggedPeople(text)) add(name, false);
  for (const match of text.matchAll(saidName)) add(match[1]!, true);
  // …and in the apposition after a title: "a Chatterly spokesperson, Jordan Blake,", "chief executive Priya Natarajan".
  for (const match of text.matchAll(titledName)) add(match[1]!, true);
  // …and before an apposition that gives a title: "Ben Walters, a spokesperson for Meta,", "Gunn Wærsted, chair of the board",
  // "Lama Fakih, our Middle East and North Africa director,", "Chaim Gelfand, NSO Group's vice president for compliance,".
  for (const match of [...text.matchAll(apposedName), ...text.matchAll(apposedTitle)]) {
    if (titleWord.test(match[2]!.toLowerCase())) add(match[1]!, true);
  }
  for (const match of text.matchAll(nameOfGroupSaid)) add(match[1]!, true);
  // "Sam Altman of OpenAI, Sundar Pichai of Alphabet and Satya Nadella of Microsoft": listed like a person named beside them.
  for (const list of text.matchAll(nameOfOrgList)) {
    const listed = [...list[0].matchAll(nameOfOrg)].map((m) => bareName(m[1]!));
    if (listed.some((name) => names.has(name))) for (const name of listed) add(name, true);
  }
  for (const person of knownPeople) if (findOccurrences(text, person.name).length > 0) names.add(person.name);
  // "Solberg said" after "Prime Minister Erna Solberg posted": a surname alone stands for the full name given earlier.
  const speakers = [...text.matchAll(/(?<![\p{L}'’.-]\s?)\b(\p{Lu}[\p{Ll}'’-]+)[ \t]+(?:said|says|wrote|writes|told|added)\b/gu)].map((m) => m[1]!);
  for (const name of new Set([...[...names].filter((n) => !/\s/.test(n)), ...speakers])) {
    const full = new RegExp(`\\b(\\p{Lu}[\\p{Ll}'’-]+(?:[ \\t]+\\p{Lu}\\.)?)[ \\t]+${escapeRegExp(name)}\\b`, 'gu');
    const given = [...text.matchAll(full)].map((m) => m[1]!).find((word) => !rankWords.test(word) && !capitalisedFunctionWords.has(word) && !months.has(word)
      && !places.has(word) && !demonyms.has(word) && !isCommonWord(word.split(/\s/)[0]!));
    if (given && isPlausibleName(`${given} ${name}`, false)) { names.delete(name); names.add(`${given} ${name}`); }
  }
  // "Reyes Jr" in "Renato Reyes Jr.": the name without its generation (added back below), with its given name.
  for (const name of [...names]) {
    const base = /^(.+) (?:Jr|Sr)$/.exec(name)?.[1];
    if (!base) continue;
    const given = base.includes(' ') ? null : new RegExp(`\\b(${givenName})[ \\t]+${escapeRegExp(base)}[ \\t]+(?:Jr|Sr)\\.`, 'u').exec(text)?.[1];
    names.delete(name);
    if (given && isPlausibleName(`${given} ${base}`)) names.add(`${given} ${base}`);
    else if (base.includes(' ')) names.add(base);
  }
  for (const name of [...names]) {
    // "Comrade Victor Shuah", "Leader Richard Gephardt", "Remove Joel Kaplan": a rank, a plural or a verb before a full name is not
    // part of it (where compromise reads the word so; "Slim Ben Achour" and "Ming Yu Hah" keep their given names).
    const words = name.split(' ');
    const first = wordTags(words[0]!);
    const rank = words.length >= 3 && !first.has('FirstName') && ['Actor', 'Plural', 'Infinitive'].some((tag) => first.has(tag)) && isPlausibleName(words.slice(1).join(' '));
    // "Kim Ji-hyung": the part of a hyphenated given name that the tagger cut off.
    const bare = rank ? words.slice(1).join(' ') : name;
    const tail = new RegExp(`(?<![\\p{L}])${escapeRegExp(bare)}(-\\p{Ll}+)(?![\\p{L}-])`, 'u').exec(text)?.[1] ?? '';
    // "J. Allen Brack", "Renato Reyes Jr.": the initial before a name and the generation after it are part of it.
    const around = new RegExp(`(?<![\\p{L}.])((?:\\p{Lu}\\.[ \\t]?){1,2}[ \\t])?${escapeRegExp(bare + tail)}([ \\t]+(?:Jr|Sr)\\.)?(?![\\p{L}-])`, 'u').exec(text);
    names.delete(name);
    names.add(`${around?.[1] ?? ''}${bare}${tail}${around?.[2] ?? ''}`);
  }
  // "The London firm Mishcon de Reya": a name that a kind of organisation introduces is no person.
  for (const name of names) {
    if (findOccurrences(text, name).some(([start]) => /\b(?:firm|company|group|organi[sz]ation|outlet|agency|charity|fund|union)\s+$/.test(text.slice(Math.max(0, start - 20), start)))) names.delete(name);
  }
  // "Thermo Fisher Scientific": a name that a company's marker word follows is the company's.
  for (const name of names) {
    if (findOccurrences(text, name).some(([, end]) => lastWordMarkers[/^\s+(\p{Lu}[\p{L}.]*)/u.exec(text.slice(end, end + 30))?.[1] ?? ''] === 'company')) names.delete(name);
  }
  return names;
}

interface Role {
  title: string | null;
  affiliation: string | null;
}

const placeNames = new RegExp(`\\b(?:${[...places, ...demonyms].filter((place) => /^\p{Lu}/u.test(place)).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})\\b`, 'gu');

function cleanTitle(raw: string): string | null {
  // "software today sent chief executive": the title starts after the verb.
  const words = raw.trim().split(/\s+/);
  const title = words.slice(words.findLastIndex(endsTitle) + 1).join(' ').replace(/^(?:a|an|the|its|their|our|to|and|with|by|from)\s+/i, '').replace(/\s+(?:at|of|with|for|from)$/, '').trim();
  // Capitals in a title only as initials: "CEO", "U.S. policy analyst", "EU affairs director".
  // …or written as a formal title: "Director of Human Rights", "Vice President for Public Policy".
  const formal = /^(?:(?:Vice|Deputy|Senior|Executive|Global)\s+)?(?:President|Director|Head|Chief|Officer|Chair(?:man|woman|person)?|Commissioner|Secretary|Minister)\b/.test(title);
  // …and the places a title covers: "deputy Middle East director", "Africa campaigner".
  const withoutPlaces = title.replace(placeNames, '');
  if (!titleWord.test(title.toLowerCase()) || title.split(/\s+/).length > 9 || (!formal && /[A-Z]/.test(withoutPlaces.replace(/(?:\b[A-Z]\.){2,}|\b[A-Z]{2,5}\b/g, '')))) return null;
  return title;
}

function lastMentionBefore(mentions: OrgMention[], position: number, kind?: string): OrgMention | undefined {
  const before = mentions.filter((m) => m.end <= position && (!kind || m.org.kind === kind));
  return before[before.length - 1];
}

/** "X, technology and rights deputy director at Human Rights Watch" / "X, the centre's director". */
function roleFromApposition(text: string, nameEnd: number, mentions: OrgMention[], organizations: Organization[]): Role | null {
  // Full stops inside abbreviations ("the U.N. special rapporteur") do not end the apposition.
  const match = /^,\s+((?:[^,;.\n"“”]|\.(?=\S|\s+[a-z])){2,140}?)(?=,|\.(?=\s+[^a-z\s]|\s*$)|;|\n|$|\s+said\b|\s+told\b)/.exec(text.slice(nameEnd, nameEnd + 180));
  if (!match) return null;
  const phraseStart = nameEnd + match[0].length - match[1]!.length;
  const phraseEnd = nameEnd + match[0].length;
  // "chief executive of Lumio Ltd. It …": the sentence's full stop is also the legal form's.
  const inside = mentions.filter((m) => m.start >= phraseStart && (m.end <= phraseEnd || (m.end === phraseEnd + 1 && text[phraseEnd] === '.')));
  for (const mention of inside.reverse()) {
    const lead = text.slice(phraseStart, mention.start);
    const preposition = /\s(?:at|of|with|for|from)\s+(?:the\s+)?$/.exec(lead);
    if (!preposition) continue;
    const title = cleanTitle(lead.slice(0, preposition.index));
    if (title) return { title, affiliation: mention.org.name };
  }
  // "the U.N. special rapporteur on …": the organisation, then the title.
  const leading = inside.find((m) => /^(?:the\s+|a\s+|an\s+)?$/i.test(text.slice(phraseStart, m.start)));
  if (leading) {
    const title = cleanTitle(text.slice(leading.end, phraseEnd).replace(/^['’]s\s+/, ''));
    if (title) return { title, affiliation: leading.org.name };
  }
  const possessive = /^(?:the\s+)?(\w+)['’]s\s+(.+)$|^(our|its|their)\s+(.+)$/i.exec(match[1]!);
  if (possessive) {
    const title = cleanTitle(possessive[2] ?? possessive[4] ?? '');
    if (!title) return null;
    const owner = (possessive[1] ?? possessive[3] ?? '').toLowerCase();
    return { title, affiliation: resolveOwner(owner, nameEnd, mentions, organizations) };
  }
  const title = cleanTitle(match[1]!);
  return title ? { title, affiliation: null } : null;
}

/** "the centre's" → the last organisation named "… Centre"; "our" → the organisation writing. */
function resolveOwner(owner: string, position: number, mentions: OrgMention[], organizations: Organization[]): string | null {
  if (owner === 'our') return organizations.find((org) => org.kind !== 'company' && org.kind !== 'media')?.name ?? null;
  if (['its', 'their', 'company', 'firm'].includes(owner)) return lastMentionBefore(mentions, position, 'company')?.org.name ?? lastMentionBefore(mentions, position)?.org.name ?? null;
  const named = mentions.filter((m) => m.end <= position && m.org.name.toLowerCase().includes(owner));
  return named[named.length - 1]?.org.name ?? lastMentionBefore(mentions, position)?.org.name ?? null;
}

/** "Halcyon's spokesperson, X" / "Its head of communications, X" / "chief executive X". */
function roleFromPrefix(text: string, nameStart: number, mentions: OrgMention[], organizations: Organization[]): Role | null {
  const owned = mentions.find((m) => m.end <= nameStart && nameStart - m.end < 80
    && /^['’]s\s+[a-z][a-z -]{2,60},\s*$/.test(text.slice(m.end, nameStart)));
  if (owned) {
    const title = cleanTitle(/^['’]s\s+([a-z][a-z -]{2,60}),\s*$/.exec(text.slice(owned.end, nameStart))![1]!);
    if (title) return { title, affiliation: owned.org.name };
  }
  const before = text.slice(Math.max(0, nameStart - 80), nameStart);
  const pronoun = /\b(its|their|the company['’]s|the firm['’]s|the group['’]s|our)\s+([a-z][a-z -]{2,60}),\s*$/i.exec(before);
  if (pronoun) {
    const title = cleanTitle(pronoun[2]!);
    const owner = pronoun[1]!.toLowerCase().replace(/^the\s+/, '').replace(/['’]s$/, '');
    if (title) return { title, affiliation: resolveOwner(owner, nameStart, mentions, organizations) };
  }
  // "Nordlys Telecom spokeswoman Ingrid Haugen": organisation, title, name.
  // …or with a comma: "a Chatterly spokesperson, Jordan Blake".
  const titled = mentions.find((m) => m.end <= nameStart && nameStart - m.end < 60
    && /^\s+(?:[a-z][a-z -]{2,50}|C[EFOT]O|(?:Vice\s+|Deputy\s+)?(?:Chair(?:man|woman|person)?|Commissioner|Director|President|Secretary|Minister))(?:\s+|,\s+)$/.test(text.slice(m.end, nameStart)));
  if (titled) {
    const title = cleanTitle(text.slice(titled.end, nameStart).replace(/,\s*$/, ''));
    if (title) return { title, affiliation: titled.org.name };
  }
  // "Chief Executive Tim Cook" is written with capitals before a name.
  const bare = /(?:^|\s)((?:[a-z-]+\s+){0,3}[a-z-]+|C[EFOT]O)\s+$/.exec(before.replace(/\bChief [Ee]xecutive(?: [Oo]fficer)?(\s+)$/, 'chief executive$1'));
  if (bare) {
    const allWords = bare[1]!.split(/\s+/);
    // "supporters of opposition leader X": the title starts after a plural's "of".
    const lastStop = allWords.findLastIndex((word, i) => titleStopWords.has(word) || (word === 'of' && wordTags(allWords[i - 1] ?? '').has('Plural')));
    const words = allWords.slice(lastStop + 1);
    const titleEnd = words.length;
    if (titleWord.test((words[titleEnd - 1] ?? '').toLowerCase())) {
      const title = cleanTitle(words.join(' '));
      const sentenceStart = Math.max(text.lastIndexOf('.', nameStart), text.lastIndexOf('\n', nameStart));
      const company = mentions.filter((m) => m.end <= nameStart && m.start > sentenceStart && m.org.kind === 'company');
      if (title) return { title, affiliation: company[0]?.org.name ?? null };
    }
  }
  return null;
}

export function describePeople(
  text: string, names: Set<string>, mentions: OrgMention[], organizations: Organization[], knownPeople: KnownPerson[] = [],
): Person[] {
  const orgCovered = (start: number, end: number) => mentions.some((m) => m.start < end && start < m.end);
  const people: { person: Person; first: number }[] = [];
  const claimed: Span[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const spans = findOccurrences(text, name).filter(([s, e]) => !orgCovered(s, e) && !claimed.some(([cs, ce]) => cs < e && s < ce));
    if (spans.length === 0) continue;
    claimed.push(...spans);
    const known = knownPeople.find((p) => p.name === name);
    let role: Role | null = null;
    for (const [start, end] of spans) {
      role = roleFromApposition(text, end, mentions, organizations) ?? roleFromPrefix(text, start, mentions, organizations);
      if (role) break;
    }
    // "Sundar Pichai of Alphabet": the organisation named right after the name.
    const of = role ? undefined : spans.map(([, end]) => mentions.find((m) => m.start > end && /^[ \t]+of[ \t]+(?:the[ \t]+)?$/.test(text.slice(end, m.start)))).find((m) => m);
    if (of) role = { title: null, affiliation: of.org.name };
    const surname = name.split(/\s+/).pop()!;
    // "Zhou said": a family name written first, used alone as the speaker.
    const given = name.split(/\s+/)[0]!;
    const familyFirst = given === surname ? [] : findOccurrences(text, given).filter(([, e]) => /^\s+(?:said|says|told|added|wrote)\b/.test(text.slice(e, e + 8)));
    const surnameSpans = [...findOccurrences(text, surname), ...familyFirst].filter(([s, e]) => !spans.some(([fs, fe]) => fs <= s && e <= fe) && !orgCovered(s, e));
    people.push({
      first: spans[0]![0],
      person: {
        name,
        title: role?.title ?? known?.title ?? null,
        affiliation: role?.affiliation ?? known?.affiliation ?? null,
        spans: [...spans, ...surnameSpans].sort((a, b) => a[0] - b[0]),
      },
    });
  }
  return keepNearestNamesake(people.sort((a, b) => a.first - b.first).map((entry) => entry.person), text);
}

/** "Smith said" when both Stephanie Smith and James C. Smith are named: the one named last before it. */
function keepNearestNamesake(people: Person[], text: string): Person[] {
  const surname = (p: Person) => p.name.split(/\s+/).pop()!;
  const given = (p: Person) => p.name.split(/\s+/)[0]!;
  const fullSpans = (p: Person) => findOccurrences(text, p.name);
  return people.map((person) => {
    // "Ron Deibert" and "Ronald J. Deibert" may be one person; only another given name makes a namesake.
    const namesakes = people.filter((other) => other !== person && surname(other) === surname(person)
      && !given(other).startsWith(given(person)) && !given(person).startsWith(given(other)));
    if (namesakes.length === 0) return person;
    const lastFullBefore = (p: Person, at: number) => Math.max(-1, ...fullSpans(p).filter(([s]) => s <= at).map(([s]) => s));
    const spans = person.spans.filter(([s, e]) => e - s !== surname(person).length || text.slice(s, e) !== surname(person)
      || namesakes.every((other) => lastFullBefore(other, s) < lastFullBefore(person, s)));
    return { ...person, spans };
  });
}
