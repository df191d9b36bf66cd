/**
 * Organisations: which capitalised names denote one, of what kind, under which complete name,
 * with which aliases, and where each is mentioned.
 *
 * A name is accepted when (a) it is in the caller's dictionary or the small built-in list,
 * (b) it carries a marker word ("… Foundation", "Ministry of …", "… Inc."), (c) it is defined with
 * an acronym in parentheses, (d) it stands where an organisation stands ("wrote to X", "X said",
 * "a X spokesperson", "the newspaper X"), or (e) it is listed alongside accepted organisations.
 */
import {
  capitalisedFunctionWords, demonyms, descriptorKinds, firstWordMarkers, lastWordMarkers, months, phraseMarkers,
  places, wellKnownOrganizations,
} from './gazetteer.ts';
import { letterWentTo } from './letters.ts';
import { isConjugatedVerb, isDescriptiveWord, type NameCandidate } from './names.ts';
import { organizationCandidates, scoreOrganization, type OrganizationCandidate, type OrganizationModel, type RuleVerdict } from './organization-model.ts';
import { escapeRegExp, findOccurrences } from './text.ts';
import type { KnownOrganization, OrgKind, Span } from './types.ts';

export interface Organization {
  name: string;
  kind: OrgKind;
  aliases: string[];
  spans: Span[];
}

export interface OrgMention {
  start: number;
  end: number;
  org: Organization;
}

interface Accepted {
  candidate: NameCandidate;
  kind: OrgKind;
  /** How sure the kind is: 2 from a marker, a dictionary or a description; 1 from the names listed with it; 0 guessed from a cue. */
  evidence: number;
  /** The kind is the record's or a well-known organisation's, not read from a marker word. */
  named?: boolean;
  acronym?: string;
}

const legalSuffix = /\s+(?:Inc\.?|Ltd\.?|Limited|Corp\.?|Corporation|LLC|plc|PLC|B\.V\.|N\.V\.|GmbH|AG|S\.A\.|Co\.|e\.V\.)$/;
const genericNames = new Set(['NGOs', 'CSOs', 'Human Rights', 'Digital Rights', 'Civil Rights', 'Civil Liberties', 'Data Protection', 'Guiding Principles', 'UN Guiding Principles', 'Business and Human Rights']);

/** The kind a name's own words give it, or null. */
export function kindFromName(name: string, known: Map<string, KnownOrganization>): OrgKind | null {
  const dictionary = known.get(name.toLowerCase());
  if (dictionary) return dictionary.kind;
  const famous = wellKnownOrganizations[name] ?? wellKnownOrganizations[name.replace(/^The /, '')];
  if (famous) return famous;
  for (const [pattern, kind] of phraseMarkers) if (pattern.test(name)) return kind;
  const words = name.split(/\s+/);
  if (words.length < 2) return null;
  // "Arab Center for the Advancement of Social Media": a centre or institute "for" something is a group, whatever that is.
  const head = demonyms.has(words[0]!) ? words.slice(1) : words;
  if (/^(?:Center|Centre|Institute|Committee|Foundation)$/.test(head[0] ?? '') && /^(?:for|on|to)$/.test(head[1] ?? '')) return 'ngo';
  const last = lastWordMarkers[words[words.length - 1]!];
  if (last) return last;
  const first = firstWordMarkers[words[0]!] ?? (demonyms.has(words[0]!) ? firstWordMarkers[words[1]!] : undefined);
  if (first) return first;
  // "Hollis Media Group": a group of media businesses is a company.
  if (words[words.length - 1] === 'Group' && words.slice(1, -1).some((word) => lastWordMarkers[word] === 'media')) return 'company';
  for (const word of words.slice(1, -1)) if (lastWordMarkers[word] && lastWordMarkers[word] !== 'company') return lastWordMarkers[word]!;
  return null;
}

function kindFromDescriptor(phrase: string): OrgKind | null {
  for (const [pattern, kind] of descriptorKinds) if (pattern.test(phrase)) return kind;
  return null;
}

// Where an organisation stands. Tested on the text just before / just after a candidate name.
const cueBefore = /(?:\b(?:wrote(?: \w+ly)? to|written to|writing to|letter to|sent to|invited|invites|sued|sues|suing|against|ordered|fined|banned|summoned|urged|urging|called on|calling on|pressed|press|asked|asking|asks|investigation by|report by|reported by|signed by|coordinated by|filed by|organi[sz]ed by|published by|sent by|letter from|shareholders of|investors in|stake in|told|(?:workers|employees|staff|engineers|moderators) at|according to|joined by|together with|alongside|on behalf of|members of|owned by|funded by|contracts? with|partnership with|acquired by)\s+(?:the\s+)?)$/i;
const cueAfter = /^(?:['’]s?)?\s*(?:spokes(?:person|man|woman)|chief executive|CEO|board|founder|president|executive|\s+(?:\w+ly\s+)?(?:(?:has|have|had)\s+)?(?:said|says|disclosed|acknowledged|admitted|announced|announces|stated|wrote|writes|replied|responded|did not|didn't|does not|has not|had not|have not|never|declined|confirmed|denied|insisted|answered|suspended|suspends|disabled|told|asked|urged|published|promised|pledged|sent|sues|sued|filed|received|launched|reported|revealed|warned|welcomed|critici[sz]ed|condemned|staged|organi[sz]ed)\b)/;
/** Cues naming who writes, signs or is told: a group more often than a company. */
const writerCueBefore = /\b(?:signed by|co-signed by|coordinated by|led by|sent by|letter from|organi[sz]ed by|told|signatories,?\s+(?:who\s+)?(?:also\s+)?(?:include|included|are|were)|signatories,? including|(?:organi[sz]ations|groups|ngos),? (?:among them|including|such as))\s+(?:the\s+)?$/i;
const writerCueAfter = /^\s+(?:(?:also|jointly|today|has|have|had)\s+)*(?:wr(?:ote|itten)(?: \w+ly)? to|co-signed|signed (?:a|an|the)|urged|called on|(?:sent|delivered|handed|submitted)\b(?=[^.]{0,80}\bletter))/;
const titleBefore = /\b((?:[a-z-]+\s+){0,2}(?:director|head|executives?|CEOs?|boards?|chair|officer|manager|researcher|campaigner|coordinator|counsel|chair(?:man|woman|person)?|president|founder|lead|advocate|analyst|technologist|spokes(?:person|man|woman)))\s+(?:at|of|for|with)\s+(?:the\s+)?$/;
const addresseeCueBefore = new RegExp(String.raw`(?:\b(?:recipients|addressees),?\s+(?:were|are|include|included)|${letterWentTo})\s+(?:the\s+)?$`, 'i');
const groupCueAfter = /^(?:\s+and\s+(?:\d+|[a-z]+)\s+other\s+(?:[a-z-]+\s+){0,3}(?:groups|organi[sz]ations|ngos|signatories)\b|,\s+(?:along with|together with|joined by)\b)/;
const descriptorBefore = /\b(?:the|a|an|its)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+$/i;
const appositiveAfter = /^,\s+(?:which|who)\b|^,\s+(?:the|a|an)\s+([^,.;]{1,120}?)(?:,|\.|;| that\b| based\b| whose\b)/;

function isExcludedName(candidate: NameCandidate, personNames: Set<string>, personTokens: Set<string>, text: string): boolean {
  const name = candidate.text;
  if (places.has(name) || demonyms.has(name) || demonyms.has(name.replace(/s$/, '')) || months.has(name) || capitalisedFunctionWords.has(name)) return true;
  if (genericNames.has(name) || /^(?:UN |United Nations )?Guiding Principles\b/.test(name)) return true;
  if (personNames.has(name)) return true;
  // "Sen. Ron Wyden (D-Ore.)": a party and a state.
  if (/^[DRI]-\p{Lu}/u.test(name)) return true;
  // "Dr. Anita Rao": an honorific opens a person's name, never an organisation's.
  if (/^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame)\.?$/.test(candidate.tokens[0]!)) return true;
  // "… Democracy Campaign Leader": a title ends it, not a body.
  if (candidate.tokens.length > 1 && /^(?:Leader|Manager|Coordinator|Officer|Adviser|Advisor|Spokesperson|Campaigner|Researcher)$/.test(candidate.tokens[candidate.tokens.length - 1]!)) return true;
  // "Director of Human Rights", "President of Global Affairs": a title, not a body.
  if (/^(?:Director|President|Vice|Head|Chief|Secretary|Minister|Senior|Deputy)$/.test(candidate.tokens[0]!) && candidate.tokens[1] !== 'General') return true;
  if (candidate.tokens.length === 1) {
    // "X (formerly Twitter)": a one-letter name only where the text says what it was called before.
    if ((name.length < 2 && !new RegExp(`\\b${escapeRegExp(name)}\\s*[(,]\\s*(?:formerly|previously)\\b`).test(text)) || personTokens.has(name)) return true;
    if (lastWordMarkers[name] || firstWordMarkers[name]) return true; // "Coalition says"
    // A one-word name that also appears in lower case is an ordinary word ("Organisers", "Researchers").
    if (/^\p{Lu}/u.test(name) && new RegExp(`\\b${escapeRegExp(name.toLowerCase())}\\b`).test(text)) return true;
    if (/^[A-Z]{2,}$/.test(name) && name.length > 5 && candidate.sentenceInitial) return true; // DATELINES IN CAPITALS open a line
  }
  if (candidate.tokens.every((token) => demonyms.has(token) || places.has(token) || token === 'and')) return true;
  // "Facebook Says It Will Open Its Political Ad Archive …": a headline in title case, not a name.
  const headline = candidate.tokens.length >= 6 && candidate.tokens.some(isConjugatedVerb) && candidate.tokens.some((t) => /^(?:It|Its|We|They|He|She)$/.test(t));
  if (headline) return true;
  return false;
}

/** An acronym in parentheses right after the name (allowing "network", "agency" between). */
function acronymAfter(candidate: NameCandidate, text: string): { acronym: string; descriptor: string } | null {
  const match = /^((?:\s+[a-z-]+){0,2})\s*\(([A-Z][A-Za-z]{1,9})\)/.exec(text.slice(candidate.end, candidate.end + 60));
  if (!match) return null;
  const acronym = match[2]!;
  // "Council on American-Islamic Relations (CAIR)": each part of a hyphenated word gives an initial.
  // "Association Congolaise pour l'Accès à la Justice (ACAJ)": an elided article gives no initial.
  const initials = candidate.tokens.flatMap((t) => t.replace(/^[ld]['’]/, '').split('-')).filter((t) => /^[A-Z+]/.test(t)).map((t) => t[0]).join('');
  // The acronym must spell the initials of the name or of its tail ("US Immigration … (ICE)").
  for (let from = 0; from < initials.length; from++) {
    if (initials.slice(from).toUpperCase() === acronym.toUpperCase()) return { acronym, descriptor: match[1]!.trim() };
  }
  return null;
}

function cueKind(candidate: NameCandidate, text: string): { accepted: boolean; kind: OrgKind | null; guess?: OrgKind } {
  const before = text.slice(Math.max(0, candidate.start - 60), candidate.start);
  const after = text.slice(candidate.end, candidate.end + 160);
  // "Rights group Access Now said": at a sentence or clause start, the describing words need no article.
  // …or before a comma: "started a foundation, Buckets Over Bullying,".
  const descriptor = descriptorBefore.exec(before) ?? /(?:^|[.;:,]\s+|\n\s*)((?:[\w-]+\s+){0,3}?[\w-]+)\s+$/.exec(before)
    ?? /(?<!\b(?:on|in|at|from|to|with|by|for|of|after|before)\s+)\b(?:the|a|an|its|their)\s+((?:[\w-]+\s+){0,2}?[\w-]+),\s+$/i.exec(before)
    // "the chief executives of New Zealand telecoms operators Spark": or after a preposition.
    ?? /\b(?:of|by|from|to|at|with|for|and)[ \t]+((?:[\w-]+[ \t]+){0,3}?[\w-]+)[ \t]+$/.exec(before);
  const descriptorKind = descriptor ? kindFromDescriptor(descriptor[1]!) : null;
  if (descriptorKind) return { accepted: true, kind: descriptorKind };
  const appositive = appositiveAfter.exec(after);
  if (appositive) {
    // "a network-management company owned by the private equity firm X": the head of the phrase, not its owner.
    // "the grassroots couriers' union organising riders in Finland": the noun before a participle.
    const head = appositive[1]?.split(/\s+\S*(?:owned|run|backed|controlled|acquired|operated|funded)\s+by\b|\s+(?:of|for|with|at|to|from)\s+|\s+[a-z]+ing\b/)[0];
    const kind = head ? kindFromDescriptor(head.trim()) : null;
    if (kind || !appositive[1]) return { accepted: true, kind };
  }
  if (writerCueBefore.test(before)) return { accepted: true, kind: 'ngo' };
  // "TIME magazine reported", "the Reporter newspaper": a kind noun right after the name.
  if (/^\s+(?:magazine|newspaper|news agency|news site|daily|weekly|broadcaster)\b/.test(after)) return { accepted: true, kind: 'media' };
  // "campaign director at X", "X and 27 other groups", "EFF, along with": where a group stands.
  // …but "director of ESG services": a word that only describes what follows.
  const employer = /^\s+(?!(?:on|in|at|and|to|for|last|this|about|over|after|before|since|who|which|that|was|were|is|has|had|said|says|wrote|told)\b)[a-z]/.test(after) ? null : titleBefore.exec(before);
  if (employer) return { accepted: true, kind: null, guess: /campaign|advoca|polic|research|program|legal|organi[sz]/i.test(employer[1]!) ? 'ngo' : 'company' };
  if (groupCueAfter.test(after)) return { accepted: true, kind: null, guess: 'ngo' };
  // "The recipients were AT&T, Comcast, …", "the letter went to Lumio": those a letter is addressed to are, here, companies.
  if (addresseeCueBefore.test(before)) return { accepted: true, kind: null, guess: 'company' };
  // "sent xAI a letter": whoever is sent a letter is, here, a company.
  if (/\bsent\s+$/.test(before) && /^\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:letter|questions)\b/.test(after)) return { accepted: true, kind: null, guess: 'company' };
  // "Facebook's largest institutional shareholders, including Vanguard": a list after a plural that says what its names are.
  // …or after a colon: "Ten of them are telecoms operators: America Movil, AT&T, …".
  const listed = /\b(companies|firms|makers|manufacturers|brands|retailers|customers|suppliers|shareholders|investors|asset managers|platforms|operators|providers|brokers|groups|organi[sz]ations)(?:,?\s+(?:including|such as|among them)\s+|\s*:\s*)$/i.exec(before);
  if (listed) return { accepted: true, kind: null, guess: /shareholders|investors|asset managers/i.test(listed[1]!) ? 'investor' : /groups|organi/i.test(listed[1]!) ? 'ngo' : 'company' };
  // "the Privacy Commons wrote to": whoever writes to someone is, in these articles, a group more often than a company.
  if (writerCueAfter.test(after)) return { accepted: true, kind: null, guess: 'ngo' };
  if (cueBefore.test(before) || cueAfter.test(after)) return { accepted: true, kind: null };
  return { accepted: false, kind: null };
}

function acceptCandidates(
  candidates: NameCandidate[], text: string, known: Map<string, KnownOrganization>,
  personNames: Set<string>, personTokens: Set<string>,
): Map<NameCandidate, Accepted> {
  const accepted = new Map<NameCandidate, Accepted>();
  for (const candidate of candidates) {
    if (isExcludedName(candidate, personNames, personTokens, text)) continue;
    const acronym = acronymAfter(candidate, text);
    let nameKind = kindFromName(candidate.text, known);
    // "Friends Fiduciary Corporation, a Quaker investment manager": a description says more than a legal form.
    if (nameKind === 'company' && !known.has(candidate.text.toLowerCase())) {
      const described = cueKind(candidate, text).kind;
      if (described === 'investor' || described === 'media') nameKind = described;
    }
    if (nameKind) {
      const named = known.has(candidate.text.toLowerCase()) || wellKnownOrganizations[candidate.text.replace(/^The /, '')] !== undefined;
      accepted.set(candidate, { candidate, kind: nameKind, evidence: 2, named, ...(acronym ? { acronym: acronym.acronym } : {}) });
      continue;
    }
    if (acronym) {
      accepted.set(candidate, { candidate, kind: kindFromDescriptor(acronym.descriptor) ?? 'ngo', evidence: 0, acronym: acronym.acronym });
      continue;
    }
    // "Telenor Group", "M1 Group": a group of companies, unless the text says otherwise ("Minority Rights Group").
    if (candidate.tokens.length >= 2 && candidate.tokens[candidate.tokens.length - 1] === 'Group') {
      accepted.set(candidate, { candidate, kind: 'company', evidence: 0 });
      continue;
    }
    // "Emad Mostaque of Stability AI": whoever a person is "of" is an organisation.
    const ofPerson = /(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,3})[ \t]+of[ \t]+(?:the[ \t]+)?$/u.exec(text.slice(Math.max(0, candidate.start - 60), candidate.start));
    const cue = ofPerson && personNames.has(ofPerson[1]!) && !places.has(candidate.text) ? { accepted: true, kind: null } : cueKind(candidate, text);
    if (cue.accepted) accepted.set(candidate, { candidate, kind: cue.kind ?? cue.guess ?? 'company', evidence: cue.kind !== null ? 2 : 0 });
  }
  acceptListSiblings(candidates, accepted, text, personNames, personTokens);
  return accepted;
}

/**
 * "The Guardian, Local Call, and +972 Magazine": names coordinated with an accepted organisation
 * are organisations too, of the kind their marked siblings share.
 */
function acceptListSiblings(
  candidates: NameCandidate[], accepted: Map<NameCandidate, Accepted>, text: string,
  personNames: Set<string>, personTokens: Set<string>,
): void {
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const lists: NameCandidate[][] = [];
  let current: NameCandidate[] = [];
  for (const candidate of sorted) {
    const previous = current[current.length - 1];
    // "… Organization (MIDO), Burma Monitor": an acronym in parentheses does not break the list.
    if (previous && /^(?:\s*\([A-Z]{2,8}\))?(?:,\s*|,?\s+and\s+(?:the\s+)?|,\s*(?:the\s+))$/.test(text.slice(previous.end, candidate.start))) {
      current.push(candidate);
    } else {
      if (current.length > 1) lists.push(current);
      current = [candidate];
    }
  }
  if (current.length > 1) lists.push(current);
  for (const list of lists) {
    const members = list.filter((c) => accepted.has(c));
    if (members.length === 0) continue;
    const kindCounts = new Map<OrgKind, number>();
    for (const member of members) {
      const entry = accepted.get(member)!;
      // "DISH Network, Google, H2O Wireless": a name the record or the well-known list knows outweighs a marker word.
      if (entry.evidence === 2) kindCounts.set(entry.kind, (kindCounts.get(entry.kind) ?? 0) + (entry.named ? 2 : 1));
    }
    // "Global Witness and Foxglove sent … a letter": with no sure kind, a sibling's guess that it is a group is shared.
    if (kindCounts.size === 0 && members.some((member) => accepted.get(member)!.kind === 'ngo')) kindCounts.set('ngo', 1);
    const siblingKind = [...kindCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'company';
    for (const candidate of list) {
      // "Algorithmic Justice Centre and Privacy Matters wrote": a guessed kind gives way to what its marked siblings are.
      const entry = accepted.get(candidate);
      if (entry && entry.evidence < 2 && kindCounts.size > 0) { entry.kind = siblingKind; entry.evidence = 1; continue; }
      if (accepted.has(candidate) || isExcludedName(candidate, personNames, personTokens, text)) continue;
      accepted.set(candidate, { candidate, kind: siblingKind, evidence: kindCounts.size > 0 ? 1 : 0 });
    }
  }
}

/** "Israeli military", "Dutch police", "Israeli government": a nationality and a lower-case institution. */
function findNationalInstitutions(text: string): { name: string; kind: OrgKind }[] {
  const found: { name: string; kind: OrgKind }[] = [];
  const countries = [...places].filter((place) => /^\p{Lu}/u.test(place)).map(escapeRegExp).join('|');
  for (const match of text.matchAll(new RegExp(`\\b(?:${countries})['’]s\\s+(military|army|armed forces|navy|air force)\\b`, 'g'))) {
    found.push({ name: match[0], kind: 'military' });
  }
  // "US police departments" are many, not one institution.
  const pattern = new RegExp(`\\b(${[...demonyms].map(escapeRegExp).join('|')})\\s+(military|army|armed forces|navy|air force|police|government)\\b(?!\\s+(?:departments|forces|officers|chiefs|agencies))`, 'g');
  for (const match of text.matchAll(pattern)) {
    const kind: OrgKind = match[2] === 'police' || match[2] === 'government' ? 'government' : 'military';
    found.push({ name: match[0], kind });
  }
  return found;
}

interface Group {
  name: string;
  kind: OrgKind;
  evidence: number;
  forms: Set<string>;
}

/**
 * One record per organisation, under its most complete name; shorter forms become aliases. A short
 * form that fits several ("Telenor" of "Telenor Group" and "Telenor Myanmar") goes to the one named first.
 */
function groupNames(entries: { name: string; kind: OrgKind; evidence: number; acronym?: string }[], text: string): Group[] {
  const groups: Group[] = [];
  const byLength = [...entries].sort((a, b) => b.name.length - a.name.length);
  for (const entry of byLength) {
    const bare = entry.name.replace(/^The /, '');
    const homes = groups.filter((group) => [...group.forms].some((form) => isShorterFormOf(bare, form) || isShorterFormOf(entry.name, form)));
    // "Ooredoo" of "Ooredoo Group" rather than "Ooredoo Myanmar": a national unit is another company, the parent keeps the bare name.
    const parents = homes.filter((group) => !isNationalUnit(bare, group.name));
    const home = parents.length > 0 && parents.length < homes.length ? parents.sort((a, b) => firstAt(a, text) - firstAt(b, text))[0]
      : homes.length > 1 ? homes.sort((a, b) => firstAt(a, text) - firstAt(b, text))[0] : homes[0];
    if (home) {
      home.forms.add(entry.name);
      // "Amazon" names the group better than "Amazon.com".
      if (home.name === `${entry.name}.com`) home.name = entry.name;
      if (entry.acronym) home.forms.add(entry.acronym);
      if (entry.evidence > home.evidence) { home.kind = entry.kind; home.evidence = entry.evidence; }
      continue;
    }
    const forms = new Set([entry.name]);
    if (entry.acronym) forms.add(entry.acronym);
    groups.push({ name: entry.name, kind: entry.kind, evidence: entry.evidence, forms });
  }
  return groups;
}

/**
 * Two names the text gives one body: "X (formerly Twitter)", "Meta, previously Facebook" (under the current
 * name), and "7amleh – the Arab Center for the Advancement of Social Media –" (under the more complete one).
 */
function mergeOtherNames(groups: Group[], text: string): Group[] {
  const merged = [...groups];
  const absorb = (kept: Group, dropped: Group) => {
    for (const form of dropped.forms) kept.forms.add(form);
    merged.splice(merged.indexOf(dropped), 1);
  };
  for (const match of text.matchAll(/(\p{Lu}[\p{L}\d.&-]*(?:[ \t]+\p{Lu}[\p{L}\d.&-]*)*)\s*[(,]\s*(?:formerly|previously)\s+(?:known\s+as\s+|called\s+)?(\p{Lu}[\p{L}\d.&-]*(?:[ \t]+\p{Lu}[\p{L}\d.&-]*)*)/gu)) {
    const current = merged.find((group) => group.forms.has(match[1]!));
    const former = merged.find((group) => group !== current && group.forms.has(match[2]!));
    if (current && former) absorb(current, former);
  }
  for (const first of [...merged]) {
    const second = merged.find((group) => group !== first && new RegExp(`${escapeRegExp(first.name)}\\s+[–—]\\s+(?:the\\s+)?${escapeRegExp(group.name)}\\s*[–—,]`).test(text));
    if (second) absorb(...(second.name.length > first.name.length ? [second, first] as const : [first, second] as const));
  }
  return merged;
}

/** Where the text first names an organisation, by any of its forms so far. */
function firstAt(group: Group, text: string): number {
  return Math.min(...[...group.forms].map((form) => findOccurrences(text, form)[0]?.[0] ?? Infinity));
}

const legalFormDot = /\b(Inc|Ltd|Corp|Co)\.$/;

/** "Halcyon" of "Halcyon Cloud", "Guardian" of "The Guardian", "UN" of "United Nations". */
export function isShorterFormOf(shortForm: string, longForm: string): boolean {
  // "Vexa Ltd." at the end of a sentence is "Vexa Ltd"; "Amazon.com" is Amazon.
  const short = shortForm.replace(legalFormDot, '$1').replace(/\.com$/, '');
  const long = longForm.replace(legalFormDot, '$1').replace(/\.com$/, '');
  if (short === long) return true;
  if (isInitialsOf(short, long)) return true;
  const longBare = long.replace(/^The /, '');
  if (short === longBare) return true;
  if (longBare.startsWith(`${short} `) && !demonyms.has(short)) return true;
  // "Resource Centre" of "Business & Human Rights Resource Centre": the closing words of a name with a marker.
  return short.includes(' ') && longBare.endsWith(` ${short}`) && lastWordMarkers[short.split(' ').pop()!] !== undefined;
}

function isNationalUnit(short: string, long: string): boolean {
  const tokens = long.replace(/^The /, '').slice(short.length + 1).split(' ');
  return [3, 2, 1].some((n) => tokens.length >= n && places.has(tokens.slice(0, n).join(' ')));
}

/** "UN", "U.N." and "AP" are the initials of "United Nations" and "(The) Associated Press". */
function isInitialsOf(short: string, long: string): boolean {
  const letters = short.replace(/\./g, '');
  if (!/^[A-Z]{2,6}$/.test(letters)) return false;
  const initials = long.replace(/^The /, '').split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials === letters;
}

/** Shorter forms of company names that the text uses on their own ("Kestrel" for "Kestrel Platforms Inc"). */
function addShortForms(group: Group, text: string, claimed: Set<string>): void {
  const add = (form: string) => { if (!claimed.has(form)) { group.forms.add(form); claimed.add(form); } };
  // Initials used without a definition: "U.N.", "AP".
  const initials = group.name.replace(/^The /, '').split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  if (initials.length >= 2 && group.name.split(/\s+/).length >= 2) {
    for (const form of [initials, `${initials.split('').join('.')}.`]) {
      if (new RegExp(`(?<![\\w.])${escapeRegExp(form)}(?![\\w])`).test(text)) add(form);
    }
  }
  // "Digitale Freiheit" of "Digitale Freiheit e.V.": any kind may drop its legal form.
  const withoutSuffix = group.name.replace(legalSuffix, '').replace(/^The /, '');
  if (group.kind !== 'company' && group.kind !== 'media') {
    if (withoutSuffix !== group.name.replace(/^The /, '') && findOccurrences(text, withoutSuffix).length > 0) add(withoutSuffix);
    return;
  }
  const words = withoutSuffix.split(' ');
  const shortForms = [withoutSuffix];
  // Only companies are called by their first word ("Halcyon"); "Local" is not "Local Call".
  if (group.kind === 'company' && words.length > 1 && /^\p{Lu}[\p{L}]{3,}$/u.test(words[0]!)
    && !demonyms.has(words[0]!) && !places.has(words[0]!) && !isDescriptiveWord(words[0]!)) {
    for (let n = words.length - 1; n >= 1; n--) shortForms.push(words.slice(0, n).join(' '));
  }
  for (const form of shortForms) {
    if (form !== group.name && findOccurrences(text, form).length > 0) add(form);
  }
}

export function findOrganizations(
  text: string, candidates: NameCandidate[], options: {
    knownOrganizations?: KnownOrganization[]; personNames: Set<string>; personTokens: Set<string>; model?: OrganizationModel | null;
  },
): { organizations: Organization[]; mentions: OrgMention[]; candidates: OrganizationCandidate[] } {
  const known = new Map<string, KnownOrganization>();
  for (const org of options.knownOrganizations ?? []) {
    known.set(org.name.toLowerCase(), org);
    for (const alias of org.aliases) known.set(alias.toLowerCase(), org);
  }
  const accepted = acceptCandidates(candidates, text, known, options.personNames, options.personTokens);
  const verdicts = new Map<NameCandidate, RuleVerdict>(candidates.map((candidate) => {
    const entry = accepted.get(candidate);
    return [candidate, entry ? { accepted: true, excluded: false, evidence: entry.evidence, kind: entry.kind }
      : { accepted: false, excluded: isExcludedName(candidate, options.personNames, options.personTokens, text) }];
  }));
  const modelCandidates = organizationCandidates(text, candidates.filter((c) => !options.personNames.has(c.text)), verdicts, options.personTokens);
  if (options.model) reconsider(options.model, modelCandidates, accepted, verdicts, known);
  const entries: { name: string; kind: OrgKind; evidence: number; acronym?: string }[] = [];
  for (const { candidate, kind, evidence, acronym } of accepted.values()) {
    const dictionary = known.get(candidate.text.toLowerCase());
    entries.push({ name: dictionary?.name ?? candidate.text, kind, evidence, ...(acronym ? { acronym } : {}) });
  }
  for (const institution of findNationalInstitutions(text)) entries.push({ ...institution, evidence: 2 });
  for (const org of known.values()) {
    if ([org.name, ...org.aliases].some((form) => findOccurrences(text, form).length > 0)) {
      entries.push({ name: org.name, kind: org.kind, evidence: 2 });
    }
  }
  const groups = mergeOtherNames(groupNames(entries, text), text).sort((a, b) => firstAt(a, text) - firstAt(b, text));
  const claimed = new Set(groups.flatMap((group) => [...group.forms]));
  for (const group of groups) {
    addShortForms(group, text, claimed);
    const dictionary = known.get(group.name.toLowerCase());
    for (const alias of dictionary?.aliases ?? []) if (findOccurrences(text, alias).length > 0) group.forms.add(alias);
  }
  return { ...locateMentions(groups, text), candidates: modelCandidates };
}

/**
 * Below this probability the organisation model overrules the rules and drops a name they accepted. Low,
 * because a reviewer rejects a wrong suggestion at a glance but seldom notices a missing one.
 */
const nearlySureNone = 0.1;

/**
 * The organisation model's second opinion on every name neither the record nor the well-known list
 * names: a name it is sure of is accepted, one it is nearly sure is none is dropped, and where the rules
 * only guessed a kind from a cue, the model's kind is taken. A name the rules exclude (a place, a month,
 * a person's) stays out.
 */
function reconsider(
  model: OrganizationModel, candidates: OrganizationCandidate[], accepted: Map<NameCandidate, Accepted>,
  verdicts: Map<NameCandidate, RuleVerdict>, known: Map<string, KnownOrganization>,
): void {
  for (const named of candidates) {
    const { name } = named;
    const { p, kind } = scoreOrganization(model, named);
    const sure = p >= model.threshold;
    for (const candidate of named.candidates) {
      const entry = accepted.get(candidate);
      if (!entry) {
        if (sure && !verdicts.get(candidate)!.excluded) accepted.set(candidate, { candidate, kind: kindFromName(name, known) ?? kind, evidence: 0 });
      } else if (entry.named || known.has(name.toLowerCase())) {
        continue;
      } else if (p < nearlySureNone) {
        accepted.delete(candidate);
      } else if (entry.evidence === 0) {
        entry.kind = kind;
      }
    }
  }
}

/** Every mention of every form, longest form first so that "Lumina Health Ltd" is not also "Lumina". */
function locateMentions(groups: Group[], text: string): { organizations: Organization[]; mentions: OrgMention[] } {
  const organizations = groups.map((group): Organization => ({
    name: group.name, kind: group.kind, aliases: [...group.forms].filter((f) => f !== group.name), spans: [],
  }));
  const forms = groups.flatMap((group, i) => [...group.forms].map((form) => ({ form, org: organizations[i]! })))
    .sort((a, b) => b.form.length - a.form.length);
  const mentions: OrgMention[] = [];
  for (const { form, org } of forms) {
    for (const [start, end] of findOccurrences(text, form)) {
      if (mentions.some((m) => m.start < end && start < m.end)) continue;
      mentions.push({ start, end, org });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const mention of mentions) mention.org.spans.push([mention.start, mention.end]);
  const mentioned = organizations.filter((org) => org.spans.length > 0).sort((a, b) => a.spans[0]![0] - b.spans[0]![0]);
  return { organizations: mentioned, mentions };
}
