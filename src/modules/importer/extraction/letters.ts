/**
 * Letters: who wrote (senders, in the order the text names them, and how many signed), to which
 * company, with how many questions, and the dates of sending, deadline and publication (taken
 * from the events).
 */
import type { DateMention } from './dates.ts';
import type { EntityMention } from './mentions.ts';
import { countWordPattern, parseCount, type TextRange } from './text.ts';
import type { ExtractedEvent, ExtractedLetter, PartialDate } from './types.ts';

export interface LetterParties {
  senders: string[];
  recipients: string[];
  senderCount: number | null;
  questionCount: number | null;
  /** Where the letter is best described, for the record's span. */
  span: [number, number] | null;
  /** The letter names an addressee that is not a company (an official, an agency): no company stands in for it. */
  otherAddressee: boolean;
  /** Companies the text says the letter was not written to ("wrote to X's shareholders"). */
  notAddressed: string[];
}

/** "The letter went to Lumio, Orbex and Kvist": whom a letter went to follows. */
export const letterWentTo = String.raw`\bletters?\s+(?:\w+\s+){0,3}?(?:went|goes|go)(?:\s+out)?\s+to`;
const wentTo = new RegExp(String.raw`${letterWentTo}\s+(?:the\s+)?$`);

/** Who a letter in the record goes to: a company, or an investment firm (a company too). */
const addressable = new Set(['company', 'investor']);

const letterWords = /\b(letter|letters|invited|invites|respond to|authors|wrote|written|writing|writes?|requests?|e-?mailed|addressed|recipients|questions|demands|findings|allegations|signed|co-signed|coordinated|filed|signatories|signatory|joint statement)\b/i;
/** A letter named as such in a sentence (not merely questions or a signature). */
const letterNoun = /\b(?:letters?|joint statement)\b/i;
/** "wrote to", "wrote separately to", "wrote in late September to". */
const writingTo = /\bwr(?:ote|itten|iting)(?:\s+\w+ly|\s+(?:in|on|last|this|earlier|late|early)(?:\s+[\w,]+){1,3}?)?\s+to\b|\b(?:sent|put|presented)\s+(?:its|their|our|the)\s+(?:[\w-]+\s+)?(?:findings|allegations|concerns)\s+to\b|\be-?mailed\s+(?!(?:statement|comment|response|reply|answer)s?\b)(?:the\s+)?[\w-]+/i;
/** Verbs whose grammatical subject, in a sentence about a letter, is its writer: "A and B urged X in a letter". */
const writerVerb = /\b(?:(?:has|have|had)\s+(?:also\s+)?)?(?:urged|asked|called on|pressed|demanded|signed|co-signed|sent|wrote|addressed|delivered|submitted|challenged|questioned|released|issued|published|publishing|publish|publishes|sends|urges?|asks?|calls? on|writes|signs|state|states|stated|say|said|argue|argued|warn|warned)\b/g;
/** What may stand between a subject and its verb: "A and B are today publishing", "A has also". */
const auxiliaries = /^[\s,]*(?:(?:are|is|were|was|have|has|had|also|today|jointly|together|yesterday|recently|this week|last week|on \w+|in \w+)[\s,]+)*$/i;
/** Kind nouns by which a text refers back to an organisation it has named: "the union", "the group". */
const anaphorKinds: [RegExp, Set<string>][] = [
  [/^unions?$/i, new Set(['union'])],
  [/^(?:investors?|funds?|shareholders?)$/i, new Set(['investor'])],
  [/^(?:group|coalition|organi[sz]ation|network|charity|alliance|campaign|ngo|foundation)$/i, new Set(['ngo', 'other', 'union', 'investor'])],
];
const coordinator = /^(?:\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?)$/;
const senderKinds = new Set(['ngo', 'investor', 'union', 'media', 'other', 'intergovernmental', 'government']);

/**
 * The words between two items of a list, less what does not break it: a kind word and an acronym or another
 * name in parentheses after the first (" network (NDL) and the ", " (Internet Without Borders) and "), a title after a person ("Helmut Duhs, chief executive of A1 Belarus, "),
 * and a description or a country's possessive before the next (", Kenya's ", " and Dutch pension asset manager ").
 */
function listGap(gap: string): string {
  return gap.replace(/^\s+(?!and\b|or\b)[a-z]+(?=\s)/, '').replace(/^\s*\([^()]{1,60}\)/, '')
    .replace(/^\s*,\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:executive|director|chair(?:man|woman)?|head|president|founder|officer)\s+(?:of|at)\s+[^,]{1,60}(?=,)/, '')
    .replace(/(?<=,\s*|\sand\s+)(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:organi[sz]ation|group|network|union|campaign|coalition|charity|non-?profit|news site|outlet|website|initiative|asset manager|fund manager|pension fund|investor|firm)\s+$|(?<=,\s*|\sand\s+)\p{Lu}\p{L}+['’]s\s+$/u, '');
}

/** "(NDL)" right after "Nordic Digital Liberties network" repeats a name; it is not another list item. */
function withoutParenthesisedAcronyms(orgs: EntityMention[], text: string): EntityMention[] {
  return orgs.filter((m) => !(text[m.start - 1] === '(' && text[m.end] === ')'));
}

/** "A, B and the C" starting at `first`: the coordinated organisations. */
export function listFrom(first: EntityMention, orgs: EntityMention[], text: string): EntityMention[] {
  const list = [first];
  for (const next of orgs.filter((m) => m.start > first.end)) {
    const previous = list[list.length - 1]!;
    if (next.name === previous.name) continue; // "X (formerly Twitter)": the same company again
    if (!coordinator.test(listGap(text.slice(previous.end, next.start)))) break;
    list.push(next);
  }
  return list;
}

/** The coordinated list that ends just before `position` in the sentence (as the subject of a verb there, unless `asSubject` is false). */
function listEndingBefore(position: number, sentenceStart: number, orgs: EntityMention[], text: string, asSubject = true): EntityMention[] {
  // "Justice4Couriers, the union organising Foodora riders, delivered": the subject stands before its apposition.
  // "the Citizen Lab, whose research has …, wrote": or before a relative clause, or a participle ("acting on behalf of …").
  const apposition = /,\s+(?:(?:the|a|an)\s+[^,;]{1,120}|(?:whose|which|who)\s+[^,;]{1,160}|(?:acting|writing|working)\s+[^,;]{1,80}),\s+(?:(?:have|has|had|also|jointly|today)\s+)*$/.exec(text.slice(sentenceStart, position));
  if (apposition) position = sentenceStart + apposition.index;
  const before = orgs.filter((m) => m.start >= sentenceStart && m.end <= position);
  // "the Citizen Lab at the University of Toronto wrote": the unit, not the body it belongs to.
  const unitOf = before.length > 1 && /^\s+at\s+(?:the\s+)?$/.test(text.slice(before[before.length - 2]!.end, before[before.length - 1]!.start));
  if (unitOf) before.pop();
  const last = before[before.length - 1];
  if (!last) return [];
  // "A, B and other rights groups wrote": the others are counted, not named.
  const gapToCue = text.slice(last.end, position).replace(/(?:,?\s+and|,)\s+(?:\d+|[a-z-]+)?\s*other\s+(?:[\w-]+\s+){0,2}?(?:groups|organi[sz]ations|ngos|signatories|investors)(?=\s+$|\s+(?:have|has|had|also|jointly|today)\s)/, '');
  // "Four groups – A, B and C – have sent": a dash that closes the list right before the verb does not cut it off.
  const closingDash = /^\s*[-—–]\s+(?:(?:have|has|had|also|jointly|today)\s+)*$/.test(gapToCue);
  if (gapToCue.length > 120 || (/\s[-—–]\s|\)\s*[-—–]/.test(gapToCue) && !closingDash)) return [];
  const list = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    const candidate = before[i]!;
    const gap = listGap(text.slice(candidate.end, list[0]!.start));
    // "7amleh – the Arab Center for … –": another name for the same organisation, set off by a dash.
    if (candidate.name === list[0]!.name && /^\s*[-—–(]\s*(?:the\s+)?$/.test(gap)) { list[0] = candidate; continue; }
    if (!coordinator.test(gap)) break;
    list.unshift(candidate);
  }
  // "According to a letter seen by The Guardian, the Network asked": a name after a preposition is not a subject.
  while (asSubject && list.length > 1 && /\b(?:by|to|from|of|with|for|at|in|on|against)\s+(?:the\s+)?$/i.test(text.slice(Math.max(sentenceStart, list[0]!.start - 12), list[0]!.start))) list.shift();
  return list;
}

/** The organisation "the union", "the group" or "the investors" refers back to: the last one of a fitting kind named before. */
function referent(noun: string, before: number, orgs: EntityMention[]): EntityMention | null {
  const kinds = anaphorKinds.find(([pattern]) => pattern.test(noun))?.[1] ?? new Set(['ngo', 'other']);
  return orgs.filter((m) => m.end <= before && kinds.has(m.kind)).pop() ?? null;
}

/** A line that announces a list of signatories set out one per line: "The letter is signed by:". */
const signatoryBlockCue = /\b(?:signed by|co-signed by|endorsed by|signatories(?: are| include)?|following (?:organi[sz]ations|groups|signatories|investors)[^:\n]*|signed the letter)\s*:\s*$/i;
/** One item of such a list: an optional bullet or number, a capitalised name, an optional ", Country" or "(Country)". */
const signatoryItem = /^[ \t]*(?:[-*•·▪◦–—]|\d{1,3}[.)])?[ \t]*(\p{Lu}[^\n.:;!?]{1,80}?)[ \t]*(?:[,(][^\n]{0,40})?[;,.]?[ \t]*$/u;

export interface ListedSignatory {
  name: string;
  start: number;
  end: number;
}

/** The signatories listed one per line after `position`, where a line announcing them ends. */
export function signatoriesListedAfter(text: string, position: number): ListedSignatory[] {
  const found: ListedSignatory[] = [];
  const lines = /[^\n]*\n?/g;
  lines.lastIndex = position;
  let line: RegExpExecArray | null;
  // Skip the rest of the announcing line, then read items until a line that is not one.
  lines.exec(text);
  while ((line = lines.exec(text)) !== null && line[0] !== '') {
    const body = line[0].replace(/\n$/, '');
    if (body.trim() === '') { if (found.length > 0) break; continue; }
    const item = signatoryItem.exec(body);
    if (!item || item[1]!.split(/\s+/).length > 8) break;
    const start = line.index + body.indexOf(item[1]!);
    found.push({ name: item[1]!, start, end: start + item[1]!.length });
  }
  return found;
}

/** Every signatory list of the text ("signed by:" and one name per line), for the organisation dictionary. */
export function findListedSignatories(text: string): ListedSignatory[] {
  const found: ListedSignatory[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    if (signatoryBlockCue.test(line[0])) found.push(...signatoriesListedAfter(text, line.index));
  }
  return found;
}

const monthPattern = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/** "30 African and European civil society groups", "45 human rights, media and civil society organisations": describing words may stand between. */
const countedGroups = new RegExp(`\\b(?<!\\d[,.]?)(?<!\\b(?:${monthPattern})\\.?\\s)(${countWordPattern})\\s+(other\\s+|partner\\s+|allied\\s+|more\\s+)?(?:(?!(?:by|the|of|to|from|with|for|at|on|in|an?)\\b)\\p{L}[\\p{L}-]*,?\\s+){0,10}?(?:groups|organi[sz]ations|ngos|signatories|investors)\\b(?!['’])`, 'iu');

const countedSignatures = new RegExp(String.raw`\b(?:carries|carried|carrying|bears|bore|bearing)\s+(?:more\s+than\s+|over\s+)?(${countWordPattern})\s+signatures\b|\b(${countWordPattern})\s+(?:[\w-]+\s+)?(?:people|employees|staff|workers|individuals|experts|academics|researchers|members|parents|lawmakers|legislators|senators|MPs|Democrats|Republicans)\b(?:\s+of\s+(?:the\s+)?\p{L}+)?(?:,[^.;]{1,80}?,)?\s+(?:have\s+|had\s+)?(?:signed|co-signed|wrote|sent)\b`, 'iu');

/** The number of signatories a sentence states, counting the ones named before "and N other groups". */
function statedCount(sentence: TextRange, text: string, orgs: EntityMention[]): number | null {
  // "It carries 99 signatures: 35 from organisations and 64 from experts", "547 employees signed it": people count too.
  // …but not the names on a petition.
  const signatures = /\bpetition/i.test(sentence.text) ? null : countedSignatures.exec(sentence.text);
  if (signatures) return parseCount(signatures[1] ?? signatures[2]!);
  const count = countedGroups.exec(sentence.text);
  if (!count) return null;
  // "the group and four other organisations" are five; "A, B and two partner groups" are four.
  const before = text.slice(sentence.start, sentence.start + count.index);
  const joined = /\band\s+$/.test(before);
  const named = joined ? listEndingBefore(sentence.start + count.index - before.match(/\s*and\s+$/)![0].length, sentence.start, orgs, text, false).length : 0;
  // "organised by X and co-signed by 27 other groups": the others and X.
  if (count[2]?.trim() === 'other' && !joined) return (parseCount(count[1]!) ?? 0) + 1;
  // "X, together with a union and three groups": X, the union and the three.
  const withOne = /\b(?:together with|along with|joined by|alongside)\s+(?:an?|one)\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+$/i.test(before);
  if (withOne) return (parseCount(count[1]!) ?? 0) + 2;
  return (parseCount(count[1]!) ?? 0) + (joined ? Math.max(1, named) : 0) || null;
}

/** "The coalition, led by …", "the groups asked": the letter's writers referred back to as a body. */
const collectiveWriters = /\b(?:the|these|those|their)\s+(?:\w+\s+)?(?:groups|organi[sz]ations|coalition|signatories|alliance|investors)\b/i;

/** What the page says beyond one letter's sentences: all its sentences, and the group it speaks for as "we" (see publisher.ts). */
export interface PageContext {
  sentences?: TextRange[];
  speaker?: string | null;
}

export function findLetterParties(text: string, sentences: TextRange[], mentions: EntityMention[], page: PageContext = {}): LetterParties {
  const context = page.sentences ?? sentences;
  const orgs = withoutParenthesisedAcronyms(mentions.filter((m) => m.kind !== 'person'), text);
  const senders: { name: string; at: number }[] = [];
  const recipients: string[] = [];
  const respondents: string[] = [];
  let senderCount: number | null = null;
  let questionCount: number | null = null;
  let span: [number, number] | null = null;
  let otherAddressee = false;
  const notAddressed: string[] = [];
  const weakSenders: { name: string; at: number }[] = [];
  // "FCC Chairwoman Jessica Rosenworcel sent letters": a person writes for the organisation they speak for.
  const kindOf = (name: string) => orgs.find((m) => m.name === name)?.kind;
  // "Senators Ron Wyden and Ed Markey wrote": people who sign count as signatories, whether or not an organisation is named for them.
  const writers = withoutParenthesisedAcronyms(mentions.filter((m) => m.kind !== 'person' || !m.affiliation || senderKinds.has(kindOf(m.affiliation) ?? '')), text);
  const signatories = new Set<string>();
  const addSenders = (list: EntityMention[], strength: 'strong' | 'weak' = 'strong') => {
    for (const m of list) {
      const name = m.kind === 'person' ? m.affiliation : m.name;
      if (strength === 'strong' && (m.kind === 'person' || senderKinds.has(m.kind))) signatories.add(m.name);
      if (name && senderKinds.has(kindOf(name) ?? m.kind)) (strength === 'strong' ? senders : weakSenders).push({ name, at: m.start });
    }
  };

  for (const sentence of sentences) {
    // "It carried 99 signatures, …": a letter's signatures (a petition's are another matter).
    const signatures = /\bsignatures\b/i.test(sentence.text) && !/\bpetition/i.test(sentence.text);
    if (!letterWords.test(sentence.text) && !signatures && !/\b(organi[sz]ed|signed) by\b/.test(sentence.text)) continue;
    const inSentence = orgs.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    // Explicit sender lists: "letter from A, B and C", "signed by …", "coordinated by …", "sent by six groups including …".
    for (const cue of sentence.text.matchAll(/\b(invited to respond[^.;]{0,50}? by|letter from|statement from|(?:comes|came|is|was) from|signed by,? among others,?|signed by|co-signed by|(?:co-)?coordinated by|(?:co-)?organi[sz]ed by|led by|sent by|on behalf of|sent (?:on|in|last|this) [\w.]+(?: [\w.]+)? by|filed by|organi[sz]ed by|including|include|among them|among whom|such as|together with|along with|joined by|alongside|(?:[Ii]ts|[Tt]heir|[Tt]he letter['’]s) authors,?|[Ss]ignatories (?:are|were|include|included)|[Ss]ignatories,?)\s+(?:(?:the|both)\s+)?/g)) {
      // "signatories include", "the investors, who include": members of the body that wrote.
      if (/^(?:include|[Ss]ignatories,?)$/.test(cue[1]!) && !/\bsignator|\b(?:groups|investors|organi[sz]ations|coalition|members|signatories),? (?:who|which) include\b/i.test(sentence.text)) continue;
      if (/from$/.test(cue[1]!) && !/^(?:letter|statement) from$/.test(cue[1]!) && !letterNoun.test(sentence.text)) continue;
      if (/^(?:led by|among them|among whom|such as|together with|along with|joined by|alongside|on behalf of)$/.test(cue[1]!) && !letterNoun.test(sentence.text) && !writingTo.test(sentence.text)) continue;
      // "It carried 99 signatures, …, including A and B": the signatories, in a sentence about the letter's signatures.
      if (/^(?:including|such as)$/.test(cue[1]!) && !letterNoun.test(sentence.text) && !writingTo.test(sentence.text) && !signatures && !/\bsignator/i.test(sentence.text)) continue;
      // "has written to the company's shareholders, including Vanguard": those listed after the addressees are addressees.
      if (/^(?:including|among them|such as)$/.test(cue[1]!) && /\b(?:wr(?:ote|itten)|sent|letters?)\s+(?:[\w.]+\s+){0,4}?to\b(?:(?!\b(?:from|by)\b)[^.;])*$/i.test(sentence.text.slice(0, cue.index))) continue;
      const at = sentence.start + cue.index + cue[0].length;
      const first = inSentence.find((m) => m.start >= at && m.start - at <= 40 && !/[,.;]/.test(text.slice(at, m.start)));
      // Filers of a resolution and organisers of a protest sign only when nothing names the letter's writers; "the letter was organised by" names one.
      if (first) addSenders(listFrom(first, writers, text), /filed|organi/.test(cue[1]!) && !letterNoun.test(sentence.text) ? 'weak' : 'strong');
      if (first && letterNoun.test(sentence.text)) span ??= [sentence.start, sentence.end];
    }
    // "The Investor Alliance, which coordinated the letters, said": who organised or published a letter wrote it.
    for (const clause of sentence.text.matchAll(/,\s+(?:which|who)\s+(?:also\s+)?(?:co-?)?(?:coordinated|organi[sz]ed|drafted|published|led|wrote|initiated|signed)\s+(?:the|this|that|both)\s+(?:[\w-]+\s+)?letters?\b/gi)) {
      const writer = inSentence.find((m) => m.end === sentence.start + clause.index);
      if (writer) addSenders([writer]);
    }
    // "A and B, a Quaker investment manager, are among those who signed": the subject signed.
    const among = /\b(?:are|were|is|was)\s+among\s+(?:those\s+who\s+(?:have\s+)?signed|the\s+(?:signatories|signers|signatory\s+groups))\b/i.exec(sentence.text);
    if (among) addSenders(listEndingBefore(sentence.start + among.index, sentence.start, orgs, text));
    // "The letter is signed by:" and the signatories one per line.
    if (signatoryBlockCue.test(sentence.text)) {
      const listed = signatoriesListedAfter(text, sentence.start);
      addSenders(listed.map((item) => orgs.find((m) => m.start === item.start)).filter((m) => m !== undefined));
    }
    // "the group and four other organisations asked": the group last named.
    if (/\bletter\b/i.test(sentence.text) || writingTo.test(sentence.text)) {
      const group = /\b[Tt]he (?:(?:\p{Lu}[\w]* )?[\w]+-(?:based|led) )?(group|coalition|organi[sz]ation|union|network|charity|alliance|investors?|fund)\b(?!['’])/u.exec(sentence.text);
      if (group && !/^(?:to|of|by)\s+$/i.test(sentence.text.slice(Math.max(0, group.index - 4), group.index)) && !/\b(?:to|of)\s+$/.test(sentence.text.slice(0, group.index))) {
        const named = referent(group[1]!, sentence.start, orgs);
        if (named) addSenders([named]);
      }
    }
    // "after the group's letter", "Fair Data's letter": a possessive names the writer; a company named
    // before it in the sentence ("X told the group … after the group's letter") is the addressee.
    const possessive = /\b(?:the\s+(group|coalition|organi[sz]ation|union|network|charity|alliance|investors?|fund)|([\p{Lu}][\p{L}\d&.-]*))['’]s?\s+(?:(?:open|joint|first|second|latest|earlier|original)\s+)?(?:letter|questions)\b/u.exec(sentence.text);
    if (possessive) {
      const at = sentence.start + possessive.index;
      const writer = possessive[1]
        ? referent(possessive[1], at, orgs)
        : inSentence.find((m) => m.end === at + possessive[2]!.length && m.end <= at + possessive[0].length);
      if (writer && senderKinds.has(writer.kind)) {
        addSenders([writer]);
        const addressee = inSentence.find((m) => m.kind === 'company' && m.end <= at);
        if (addressee && !recipients.includes(addressee.name)) recipients.push(addressee.name);
      }
    }
    // "an open letter that the campaign group Collective Shout, whose …, sent on July 11 to …": the relative clause's subject wrote it.
    const relative = /\bletters?\s+(?:that|which)\s+(?=[^.;]{1,160}?\bsent\b)/.exec(sentence.text);
    if (relative) {
      const at = sentence.start + relative.index + relative[0].length;
      const writer = inSentence.find((m) => m.start >= at && m.start - at <= 60);
      if (writer) addSenders(listFrom(writer, orgs, text));
    }
    // "A, B and C urged X in a letter": the writers are the subject of a writing verb.
    if (letterNoun.test(sentence.text)) {
      for (const verb of sentence.text.matchAll(writerVerb)) {
        const at = sentence.start + verb.index;
        // Only the main clause's subject: no "who/which/that" or "to" clause in between.
        if (/\b(?:who|which|that|to|after|when|asking|urging|saying)\s+(?:\w+\s+){0,2}$/i.test(text.slice(sentence.start, at))) continue;
        // "The letter, first spotted by Phayul, is signed by …": a passive verb's subject is the letter, not who stands before it.
        if (/\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?$/i.test(text.slice(sentence.start, at))) continue;
        const list = listEndingBefore(at, sentence.start, writers, text);
        if (list.length === 0) continue; // "In a letter sent on 1 June, A and B asked": a participle has no subject
        if (auxiliaries.test(text.slice(list[list.length - 1]!.end, at).replace(/,\s+(?:an?|the)\s+[^,]{1,60},/, ','))) addSenders(list);
        break;
      }
    }
    // "A and B wrote to X" / "PWB published a letter it sent" / "X sent Y eleven questions".
    const subjectCue = new RegExp(String.raw`\binvite[sd](?=\s+(?:[\w.&'’,-]+\s+){1,8}?${toRespond})|\basked(?=\s+(?:[\w.&'’,-]+\s+){1,4}?to\s+respond\s+to\b)|\b(?:wrote(?: \w+ly| (?:in|on|last|this|earlier|late|early)(?: [\w,]+){1,3}?)? to|written to|writes? to|(?:sent|delivered|handed|submitted) (?:an?|the|its) (?:open |joint )?(?:letter|request|complaint)|(?:sent|put|presented) (?:its|their|our|the) (?:[\w-]+ )?(?:findings|allegations|concerns) to|e-?mailed (?!(?:statement|comment|response|reply|answer)s?\b)|published (?:an?|the|its) (?:open |joint )?letter|sent (?=\p{Lu})|(?:today |on \w+ )?published (?=[^.]*\bletter\b))`, 'gu');
    for (const cue of sentence.text.matchAll(subjectCue)) {
      const at = sentence.start + cue.index;
      // "his office wrote to": the office of the person just named.
      if (/\b(?:his|her|their)\s+(?:office|organi[sz]ation|group|team)\s+$/i.test(text.slice(sentence.start, at))) {
        const person = mentions.filter((m) => m.kind === 'person' && m.start >= sentence.start && m.end <= at && m.affiliation).pop();
        if (person?.affiliation) senders.push({ name: person.affiliation, at: person.start });
        continue;
      }
      const pronoun = /\b(it|they|we)\s+(?:\w+\s+){0,2}$/i.exec(text.slice(sentence.start, at));
      if (pronoun) {
        if (pronoun[1]!.toLowerCase() !== 'we') {
          const subject = inSentence[0];
          if (subject && subject.start < at) addSenders(listFrom(subject, orgs, text));
        } else {
          // "We wrote to X" in a group's own page: the group that publishes it, else a guess: the first one the text names.
          const speaker = orgs.find((m) => senderKinds.has(m.kind) && m.kind !== 'government' && m.kind !== 'media');
          if (page.speaker) senders.push({ name: page.speaker, at: sentence.start });
          else if (speaker) addSenders([speaker], 'weak');
        }
      } else {
        addSenders(listEndingBefore(at, sentence.start, writers, text));
      }
      span ??= [sentence.start, sentence.end];
    }
    if (findRecipients(sentence, text, mentions, recipients, notAddressed)) otherAddressee = true;
    senderCount ??= statedCount(sentence, text, orgs);
    for (const q of sentence.text.matchAll(new RegExp(`\\b(${countWordPattern})\\s+(?:[\\w-]+\\s+)?questions\\b`, 'gi'))) {
      const value = parseCount(q[1]!);
      if (value !== null && value < 100) questionCount = Math.max(questionCount ?? 0, value);
    }
  }
  // "A coalition of nine groups accused X … The coalition wrote to X": the count given where the writers were introduced,
  // or in the sentence just before the letter is first named ("22 groups asked PayPal … The letter, coordinated by …").
  const referredBack = sentences.find((s) => letterWords.test(s.text) && collectiveWriters.test(s.text));
  if (senderCount === null && referredBack) {
    for (const sentence of context.filter((s) => s.start < referredBack.start)) if ((senderCount ??= statedCount(sentence, text, orgs)) !== null) break;
  }
  const firstNamed = sentences.find((s) => letterNoun.test(s.text));
  const lead = firstNamed ? context.filter((s) => s.end <= firstNamed.start).pop() : undefined;
  if (senderCount === null && lead) senderCount = statedCount(lead, text, orgs);
  // Companies that answered the letter, or did not, were written to.
  for (const sentence of sentences) {
    const cue = /\b(?:replied|responded|answered|(?:did|does|has|have|had)(?:\s+still|\s+yet)?\s+not\s+(?:yet\s+)?(?:respond|reply|answer|responded|replied|answered)|never (?:responded|replied|answered))\b/.exec(sentence.text);
    if (!cue || /requests? for comment|declined to comment|questions? (?:for|about) this/i.test(sentence.text)) continue;
    const at = sentence.start + cue.index;
    const company = mentions.filter((m) => m.kind === 'company' && m.start >= sentence.start && m.end <= at).pop();
    if (company && !recipients.includes(company.name)) respondents.push(company.name);
  }
  // Only when the text never says whom the letter went to: an answer elsewhere may be to something else.
  if (recipients.length === 0) recipients.push(...new Set(respondents));
  if (senders.length === 0) senders.push(...weakSenders);
  const orderedSenders = [...new Map(senders.sort((a, b) => a.at - b.at).map((s) => [s.name, s])).keys()]
    .filter((name) => !recipients.includes(name));
  if (senderCount === null && [...signatories].some((name) => !orderedSenders.includes(name))) senderCount = signatories.size;
  return { senders: orderedSenders, recipients, senderCount, questionCount, span, otherAddressee, notAddressed };
}

/**
 * Companies a letter went to: "wrote to A and B", "letter to X's chief executive", "sent X questions", "asks X to respond".
 * Returns whether the sentence addresses someone else (an official, an agency) the same way; companies it
 * says were not written to go into notInto.
 */
function findRecipients(sentence: TextRange, text: string, mentions: EntityMention[], into: string[], notInto: string[]): boolean {
  let other = false;
  // …or its board: "had written to the board after last year's meeting".
  const described = /\b(?:wrote(?: \w+ly)? to|written to|letter to|sent to)\s+the\s+(?:(?:[\w-]+\s+){0,2}(?:company|firm|vendor|operator|maker|provider|platform|group)|(?:company['’]s\s+)?(?:board|management))\b/.exec(sentence.text);
  if (described) {
    const at = sentence.start + described.index;
    const company = mentions.filter((m) => m.kind === 'company' && m.end <= at).pop();
    if (company && !into.includes(company.name)) into.push(company.name);
  }
  // "Recipients include Facebook, Google, Alibaba and Microsoft".
  const listed = /\b[Rr]ecipients,?\s+(?:include|included|are|were)\s+(?:the\s+)?/.exec(sentence.text);
  if (listed) {
    const first = mentions.find((m) => addressable.has(m.kind) && m.start >= sentence.start + listed.index + listed[0].length && m.end <= sentence.end);
    if (first) for (const item of listFrom(first, mentions.filter((m) => addressable.has(m.kind)), text)) if (!into.includes(item.name)) into.push(item.name);
  }
  // "sent a letter to top executives at 12 companies: A, B, …": the companies listed after the colon.
  // …or their heads: "to the chief executives of six companies: Sam Altman of OpenAI, Sundar Pichai of Alphabet, …".
  const colon = listedAfterColon.exec(sentence.text);
  if (colon) {
    const at = sentence.start + colon.index + colon[0].length;
    const first = mentions.find((m) => (addressable.has(m.kind) || m.affiliation) && m.start >= at && m.start - at <= 4);
    const heads = first?.kind === 'person' ? mentions.filter((m) => m.kind === 'person' && m.start >= at && m.end <= sentence.end
      && m.affiliation && /^[ \t]+of[ \t]/.test(text.slice(m.end, m.end + 4))).map((m) => m.affiliation!) : [];
    const listed = first && first.kind !== 'person' ? listFrom(first, mentions.filter((m) => addressable.has(m.kind)), text).map((m) => m.name) : [];
    for (const name of [...heads, ...listed]) if (addressable.has(mentions.find((m) => m.name === name)?.kind ?? '') && !into.includes(name)) into.push(name);
  }
  // "X received a letter from …": the receiver is the subject.
  const received = /\b(?:received|receives|was sent|were sent)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?letter\b|\b(?:was|were|has been|have been)\s+invited\s+to\s+respond\b/.exec(sentence.text);
  if (received) {
    const company = mentions.filter((m) => m.kind === 'company' && m.start >= sentence.start && m.end <= sentence.start + received.index).pop();
    if (company && !into.includes(company.name)) into.push(company.name);
  }
  // "wrote to both companies", "letters to the three operators": the companies named before, most recent first.
  // …or to someone at each of them: "to the management and ombudsman of each of the four companies".
  const counted = countedCompanies.exec(sentence.text);
  if (counted) {
    const at = sentence.start + counted.index;
    const wanted = counted[1]!.toLowerCase() === 'both' ? 2 : counted[2] ? (parseCount(counted[2]) ?? 0) : Infinity;
    const named = [...new Set(mentions.filter((m) => m.kind === 'company' && m.end <= at).map((m) => m.name))];
    for (const name of named.slice(Number.isFinite(wanted) ? Math.max(0, named.length - wanted) : 0)) if (!into.includes(name)) into.push(name);
  }
  for (const mention of mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end)) {
    const before = text.slice(Math.max(sentence.start, mention.start - 40), mention.start);
    // "sent on Monday to X", "wrote in March to X": a time phrase may come between the verb and "to".
    // "sent on Monday to the messaging platform X": a time phrase, and a description, may come between.
    const sentWithTime = /\b(?:sent|wrote|written|delivered)\s+(?:on|in|last|this)\s+(?!response\b)[\w.]+(?:\s+[\w.]+){0,2},?\s+to\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$/.test(text.slice(Math.max(sentence.start, mention.start - 70), mention.start));
    const byVerb = wentTo.test(before) || /\b(?:invite[sd]|e-?mailed|writes? to|wrote(?: \w+ly)? to|written to|letters? to|sent(?: \w+ly)? to|writing to|addressed(?: \w+ly)? to|sent|asks?|asking|asked|urge[sd]?|urging|pressed)\s+(?:the\s+)?(?:(?:chief executives?|CEOs?|boards?|founders?|chairs?|heads?)(?:\s+of(?:\s+the)?)?\s+)?$/.test(before);
    // "asked two cloud providers, A and B, to", "wrote to the Japanese companies A and B": a plural description, then the companies it lists.
    const described = new RegExp(`\\b(?:to|asks?|asked|asking|urged|urging|pressed)\\s+(?:the\\s+)?(?:(?:${countWordPattern}|both|several)\\s+)?(?:[\\w-]+\\s+){0,2}${companyNouns},?\\s+$`, 'i').test(text.slice(Math.max(sentence.start, mention.start - 80), mention.start));
    // "written to 26 technology companies, including A, B and C": the companies it names.
    // …or after a clause about them: "wrote to 16 companies that are listed as customers of …, including A".
    const including = new RegExp(String.raw`\b(?:wr(?:ote|itten)|letters?|sent)\s+(?:[\w.]+\s+){0,4}?to\s+(?:[\w.'’-]+\s+){0,6}?(?:${companyNouns}|shareholders|investors|asset managers)\b[^.;]{0,160}?,?\s+(?:including|among them|such as)\s+$`, 'i')
      .test(text.slice(Math.max(sentence.start, mention.start - 300), mention.start));
    // "wrote separately to A in Doha and to B": a second addressee of the same verb.
    const alsoTo = (into.length > 0 || other) && /(?:\band|,)\s+(?:also\s+)?to\s+(?:the\s+)?$/.test(before) && /\b(?:wr(?:ote|itten)|sent|letters?|addressed)\b/.test(text.slice(sentence.start, mention.start));
    // "addressed to Mark Zuckerberg and Sheryl Sandberg at Facebook": the company of the people written to.
    const theirCompany = other && mentions.some((m) => m.kind === 'person' && m.start >= sentence.start && /^\s+(?:at|of)\s+(?:the\s+)?$/.test(text.slice(m.end, mention.start)));
    // "wrote to Meta chief executive Mark Zuckerberg and Sama chief executive Wendy Gonzalez": the next company and its head.
    const previousAddressee = mentions.filter((m) => m.start >= sentence.start && m.end <= mention.start && into.includes(m.name)).pop();
    const alsoHead = previousAddressee !== undefined && mention.kind === 'company'
      && /^\s+(?:chief executive|CEO|founder|chair(?:man|woman)?|president|head of [a-z ]+)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+and\s+$/u.test(text.slice(previousAddressee.end, mention.start));
    // "wrote to Facebook's largest shareholders, including …": the shareholders are written to, not the company.
    if (/^\.?['’]s\s+(?:[\w-]+\s+){0,3}(?:shareholders|investors|asset managers|advertisers|customers|suppliers)\b/.test(text.slice(mention.end, mention.end + 60))) {
      if (byVerb) notInto.push(mention.name);
      continue;
    }
    const company = addressable.has(mention.kind) ? mention.name : mention.kind === 'person' ? mention.affiliation : null;
    if (!company || !addressable.has(mentions.find((m) => m.name === company)?.kind ?? '')) {
      // "wrote to California Attorney General Xavier Becerra": an official, with a title and a place between.
      if (byVerb || sentWithTime || /\b(?:wrote|written|writing|letters?|sent)\s+to\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}$/u.test(before)) other = true;
      continue;
    }
    if (!sentWithTime && !byVerb && !described && !alsoTo && !alsoHead && !including && !theirCompany) continue;
    // "wrote separately to Cook and Pichai": each person's company.
    const list = addressable.has(mention.kind) ? listFrom(mention, mentions.filter((m) => addressable.has(m.kind)), text)
      : listFrom(mention, mentions.filter((m) => m.kind === 'person' && m.affiliation !== null), text);
    for (const item of list) {
      const name = addressable.has(item.kind) ? item.name : item.affiliation ?? company;
      if (!into.includes(name)) into.push(name);
    }
  }
  return other;
}

function firstDate(events: ExtractedEvent[], type: ExtractedEvent['type'], recipient: string): PartialDate | null {
  const dated = events.filter((e) => e.type === type && e.date !== null);
  // An event addressed to this company first; an unaddressed one only when there is none.
  const first = dated.find((e) => e.target === recipient)?.date ?? dated.find((e) => e.target === null)?.date ?? null;
  return first === null ? null : refine(first, dated.map((e) => e.date!));
}

/** "last autumn" (2025), then "on 14 October 2025": the same date told more precisely. */
export function refine(date: PartialDate, later: PartialDate[]): PartialDate {
  return later.filter((d) => d.startsWith(date)).sort((a, b) => b.length - a.length)[0] ?? date;
}

export function buildLetters(parties: LetterParties, events: ExtractedEvent[], fallbackRecipient: string | null): ExtractedLetter[] {
  // A letter is told by its sending, publication or deadline, or by who signed it and whom it urges.
  const hasLetter = events.some((e) => e.type === 'letter_sent' || e.type === 'letter_published' || e.type === 'response_deadline')
    || (parties.senders.length > 0 && parties.recipients.length > 0);
  if (!hasLetter) return [];
  const recipients = parties.recipients.length > 0 ? parties.recipients : fallbackRecipient ? [fallbackRecipient] : [];
  const span: [number, number] = parties.span
    ?? events.find((e) => e.type === 'letter_sent' || e.type === 'letter_published' || e.type === 'response_deadline')?.span ?? [0, 0];
  return recipients.map((recipient) => ({
    senders: parties.senders,
    // A letter has at least as many signatories as it names.
    senderCount: Math.max(parties.senderCount ?? 0, parties.senders.length),
    recipient,
    questionCount: parties.questionCount,
    deadline: firstDate(events, 'response_deadline', recipient),
    sent: firstDate(events, 'letter_sent', recipient),
    published: firstDate(events, 'letter_published', recipient),
    span,
  }));
}

/**
 * Letter mentions. A sentence mentions a letter when it names one ("a letter", "an open letter",
 * "the joint statement", "letters") or uses a verb of writing to someone ("wrote to", "sent …
 * questions", "signed by"). A mention either introduces a letter ("a letter", "wrote to") or refers
 * back to one ("the letter", "their letter", "it" in the next sentence).
 */
/** "the three operators", "four data brokers": plural nouns that stand for companies named beside them. */
const companyNouns = '(?:companies|firms|providers|platforms|operators|giants|vendors|makers|manufacturers|brokers|retailers|carriers|developers|networks|banks)';
/** "sent a letter to top executives at 12 companies: A, B, …". */
const listedAfterColon = new RegExp(`\\b(?:wrote|written|letters?|sent|addressed)\\b[^.;:]{0,80}?\\bto\\b[^.;:]{0,60}?${companyNouns}\\s*:\\s*`, 'i');
/** "wrote to both companies", "to the management of each of the four companies". */
const countedCompanies = new RegExp(`\\b(?:wrote|written|letters?|sent|writing|addressed)\\s+(?:[\\w.]+\\s+){0,4}?to\\s+(?:the\\s+(?:[\\w-]+\\s+){1,5}?of\\s+)?(both|all|(?:each\\s+of\\s+)?the (${countWordPattern})|each of the)\\s+(?:[\\w-]+\\s+){0,2}?${companyNouns}\\b`, 'i');

/** "The Resource Centre invited X to respond" (or to explain, to say): a written request to a company, which the record keeps as a letter. */
export const toRespond = String.raw`to\s+(?:respond|reply|comment|answer|explain|say)\b`;
const invitedToRespond = new RegExp(String.raw`\binvite[sd]\s+(?:[\w.&'’,-]+\s+){0,8}?${toRespond}|\basked\s+(?:[\w.&'’,-]+\s+){1,4}?to\s+respond\s+to\b`, 'i');
/** "sent … questions", "sent its preliminary findings to": a written request, whatever it is called. */
const sentQuestions = String.raw`\bsent\b[^.;]{0,80}\b(?:questions|demands|requests?\s+(?:for|to)\b)|\bwrites?\s+to\b|\bquestions\b[^.;]{0,40}\bsent\b|\b(?:sent|put|presented)\s+(?:its|their|our|the)\s+(?:[\w-]+\s+)?(?:findings|allegations|concerns)\s+to\b|\be-?mailed\s+(?!(?:statement|comment|response|reply|answer)s?\b)(?:the\s+)?[\w-]+`;
const mentionCue = new RegExp(String.raw`\b(?:letters?|joint statement)\b|\bwr(?:ote|itten|iting)(?:\s+\w+ly)?\s+to\b|${sentQuestions}|\b(?:co-)?signed by\b|\bsignator(?:y|ies)\b|\b(?:it|they)\s+(?:was|were)\s+addressed\s+to\b`, 'i');
const introducesLetter = new RegExp(String.raw`\b(?:an?|another|separate|second|similar|new)\s+(?:(?:open|joint|separate|similar|second|new|public|private|follow-up|[\w-]+ly)\s+)*(?:letters?|joint statement)\b|\bwr(?:ote|itten|iting)(?:\s+\w+ly)?\s+to\b|${sentQuestions}`, 'i');

export interface LetterMention {
  sentence: TextRange;
  /** The day the sentence says the letter went out or was published ("On 2 April, Access Now wrote to …"), if it says. */
  date: string | null;
  /** The mention brings a letter in ("a letter", "wrote to") rather than referring back to one. */
  introduces: boolean;
  senders: string[];
  recipients: string[];
}

/** One letter: its mentions (in text order) and the fields read from their sentences. */
export interface LetterGroup {
  mentions: LetterMention[];
  parties: LetterParties;
  /** The stretches of text it covers: from each of its mentions up to the next mention of another letter (or the text's end). */
  ranges: [number, number][];
}

export function covers(group: LetterGroup, at: number): boolean {
  return group.ranges.some(([start, end]) => at >= start && at < end);
}

export function findLetterMentions(
  text: string, sentences: TextRange[], mentions: EntityMention[], speaker: string | null = null, dates: DateMention[] = [],
): LetterMention[] {
  const found: LetterMention[] = [];
  for (const sentence of sentences) {
    if (!mentionCue.test(sentence.text) && !invitedToRespond.test(sentence.text)) continue;
    // Requests to journalists are not letters.
    if (/requests? for comment|questions? (?:for|about) this (?:article|story|report|piece)|(?:our|this publication's) questions/i.test(sentence.text)) continue;
    const local = findLetterParties(text, [sentence], mentions, { speaker });
    const sending = /\b(?:wr(?:ote|itten)|sent|published|dated|delivered|released)\b/i.test(sentence.text);
    const date = sending ? dates.find((d) => d.start >= sentence.start && d.end <= sentence.end && /^\d{4}-\d{2}-\d{2}$/.test(d.value)
      && !/\b(?:by|until|before|through|till|deadline of)\s+(?:the\s+)?$/i.test(d.precededBy ?? ''))?.value ?? null : null;
    found.push({ sentence, date, introduces: introducesLetter.test(sentence.text) || invitedToRespond.test(sentence.text), senders: local.senders, recipients: local.recipients });
  }
  return found;
}

const anotherLetter = /\b(?:second|third|another|separate|other)\s+(?:(?:open|joint|public)\s+)?letter\b/i;
const overlaps = (a: string[], b: string[]) => a.some((name) => b.includes(name));

/**
 * Links coreferent mentions into letters: a mention refers to the letter before it unless it
 * introduces a letter whose writers differ from that letter's, or whose addressees differ while
 * nobody is named as writer in a sentence that does not refer back ("also", "the group").
 */
export function groupLetterMentions(letterMentions: LetterMention[]): LetterMention[][] {
  const groups: { mentions: LetterMention[]; senders: string[]; recipients: string[]; date: string | null; invitation: boolean }[] = [];
  let last: (typeof groups)[number] | undefined;
  for (const mention of letterMentions) {
    // "The letter, addressed to …" after "we invited them to respond": it refers back past the invitation, to the letter.
    const refersToLetter = !mention.introduces && /\bletters?\b/i.test(mention.sentence.text);
    const current = refersToLetter && last?.invitation ? groups.findLast((g) => !g.invitation) ?? last : last;
    const sendersDiffer = current !== undefined && mention.senders.length > 0 && current.senders.length > 0 && !overlaps(mention.senders, current.senders);
    const recipientsDiffer = current !== undefined && mention.recipients.length > 0 && current.recipients.length > 0 && !overlaps(mention.recipients, current.recipients);
    // "The second letter was sent to Y": an ordinal letter to another company is another letter, whoever wrote it.
    const another = current !== undefined && anotherLetter.test(mention.sentence.text) && !overlaps(mention.recipients, current.recipients);
    // "The Resource Centre invited MTN to respond to the letter": the centre's own request, another letter.
    const invitation = current !== undefined && invitedToRespond.test(mention.sentence.text) && sendersDiffer;
    // "On 2 April, Access Now wrote to Spotify" after a letter of 4 May: a letter of another day is another letter.
    const otherDay = current !== undefined && mention.introduces && mention.date !== null && current.date !== null && mention.date !== current.date;
    // "A day later, the ICJ wrote to MTN": another writer's own letter, even to the same company.
    const ownLetter = mention.introduces && sendersDiffer && writingTo.test(mention.sentence.text) && !/\balso\b|\btoo\b/i.test(mention.sentence.text);
    if (!current || another || invitation || otherDay || ownLetter || (mention.introduces && sendersDiffer && (recipientsDiffer || mention.recipients.length === 0 || current.recipients.length === 0))) {
      last = { mentions: [mention], senders: [...mention.senders], recipients: [...mention.recipients], date: mention.date,
        invitation: invitedToRespond.test(mention.sentence.text) && !/\bletters?\b/i.test(mention.sentence.text) };
      groups.push(last);
      continue;
    }
    last = current;
    current.date ??= mention.date;
    current.mentions.push(mention);
    for (const name of mention.senders) if (!current.senders.includes(name)) current.senders.push(name);
    for (const name of mention.recipients) if (!current.recipients.includes(name)) current.recipients.push(name);
  }
  return groups.map((group) => group.mentions);
}

/**
 * The letters of an article. With one letter, its fields are read from every sentence about letters
 * (as `findLetterParties` does for the whole text); with several, each letter's fields come from the
 * sentences of its own mentions, and a field its sentences leave open is left open.
 */
export function findLetterGroups(
  text: string, sentences: TextRange[], mentions: EntityMention[], speaker: string | null = null, dates: DateMention[] = [],
): LetterGroup[] {
  const grouped = groupLetterMentions(findLetterMentions(text, sentences, mentions, speaker, dates));
  // One letter: every sentence about letters describes it (the writers may be named paragraphs away).
  if (grouped.length <= 1) return [{ mentions: grouped[0] ?? [], parties: findLetterParties(text, sentences, mentions, { speaker }), ranges: [[0, text.length]] }];
  // Each sentence belongs to the letter mentioned last at or before it (the text before any mention, to the first letter):
  // "The letter, addressed to …" after an invitation takes the letter's sentences back to the letter.
  const marks = grouped.flatMap((group, i) => group.map((m) => ({ at: m.sentence.start, group: i }))).sort((a, b) => a.at - b.at);
  const owners = sentences.map((sentence) => marks.findLast((mark) => mark.at <= sentence.start)?.group ?? 0);
  return grouped.map((group, i) => {
    const own = sentences.filter((_, k) => owners[k] === i);
    const ranges = sentences.flatMap((sentence, k): [number, number][] => owners[k] === i ? [[k === 0 ? 0 : sentence.start, sentences[k + 1]?.start ?? text.length]] : []);
    const parties = findLetterParties(text, own.filter((s) => s.start >= group[0]!.sentence.start), mentions, { sentences, speaker });
    return { mentions: group, parties, ranges };
  });
}

/** The letters of an article, one per (writers, addressee): each group's fields, dated by the events within its range. */
export function buildGroupedLetters(groups: LetterGroup[], events: ExtractedEvent[], fallbackRecipient: string | null): ExtractedLetter[] {
  if (groups.length <= 1) return groups[0] ? buildLetters(groups[0].parties, events, fallbackRecipient) : [];
  const letters: ExtractedLetter[] = [];
  for (const group of groups) {
    const inRange = events.filter((e) => covers(group, e.span[0]));
    const own = buildLetters(group.parties, inRange, null);
    for (const letter of own) {
      if (!letters.some((l) => l.recipient === letter.recipient && l.senders.join('|') === letter.senders.join('|') && l.sent === letter.sent)) letters.push(letter);
    }
  }
  return letters;
}
