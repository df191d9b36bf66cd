/**
 * A learned second opinion on which capitalised names are organisations, and of what kind. The rules in
 * organizations.ts accept a name for a marker word, a dictionary entry or a cue around it ("wrote to X",
 * "X said"); a company named bare in a sentence no cue covers ("Safaricom and Vodafone shut down …")
 * escapes them, and a cue fires on names that are no organisation ("Democrats said"). This model reads
 * each distinct candidate name of an article as what it is made of (its words, their shapes and
 * compromise's tags for them), where it stands (the words around every mention of it, whether it is
 * listed with other names), how often the text names it, and what the rules decided, and gives the
 * probability that the gold counts it an organisation and that it is of each kind (logistic regressions,
 * logistic.ts). How organizations.ts weighs that against the rules is described at `reconsider` there.
 *
 * Trained with the other models by `npm run train:extract` (bench/train-extraction-models.ts).
 */
import { demonyms, places } from './gazetteer.ts';
import { probabilities, type LogisticModel } from './logistic.ts';
import { wordTags, type NameCandidate } from './names.ts';
import { escapeRegExp } from './text.ts';
import { orgKinds, type OrgKind } from './types.ts';

/** Whether a name is an organisation, and which kind it is if so. */
export const organizationLabels = ['organization', ...orgKinds] as const;
export type OrganizationLabel = (typeof organizationLabels)[number];
export type OrganizationModel = LogisticModel<OrganizationLabel>;

/** What the rules made of a candidate name. */
export interface RuleVerdict {
  accepted: boolean;
  excluded: boolean;
  /** How the rules came to their kind: 2 from a marker, a dictionary or a description; 0 from a cue. */
  evidence?: number;
  kind?: OrgKind;
}

export interface OrganizationCandidate {
  name: string;
  candidates: NameCandidate[];
  features: string[];
}

/** "Xx", "XX", "xX", "X.X.", "9x": the shape of a word. */
function shape(word: string): string {
  return word.replace(/\p{Lu}+/gu, 'X').replace(/\p{Ll}+/gu, 'x').replace(/\d+/g, '9').slice(0, 6);
}

const contextWord = /[\p{L}\d][\p{L}\p{N}'’.-]*|[^\s\p{L}\d]/gu;

/** The two words (or marks) before and after a mention; a capitalised word is read as "Cap", whatever it is. */
function wordsAround(text: string, candidate: NameCandidate): { before: string[]; after: string[] } {
  const read = (word: string) => (/^\p{Lu}/u.test(word) ? 'Cap' : word.toLowerCase().replace(/’/g, "'"));
  const before = [...text.slice(Math.max(0, candidate.start - 50), candidate.start).matchAll(contextWord)].map((m) => read(m[0])).slice(-2);
  const after = [...text.slice(candidate.end, candidate.end + 50).matchAll(contextWord)].map((m) => read(m[0])).slice(0, 2);
  return { before, after };
}

/** Every distinct candidate name of a text, with what the model reads of it. */
export function organizationCandidates(
  text: string, candidates: NameCandidate[], verdicts: Map<NameCandidate, RuleVerdict>, personTokens: Set<string>,
): OrganizationCandidate[] {
  // "A, B and C": names next to each other with only a comma or a conjunction between.
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const listed = new Set<NameCandidate>();
  sorted.forEach((candidate, i) => {
    const next = sorted[i + 1];
    if (next && next.start >= candidate.end && /^(?:,\s*|,?\s+(?:and|or)\s+)$/.test(text.slice(candidate.end, next.start))) listed.add(candidate).add(next);
  });
  const byName = new Map<string, NameCandidate[]>();
  for (const candidate of candidates) {
    const own = byName.get(candidate.text);
    if (own) own.push(candidate);
    else byName.set(candidate.text, [candidate]);
  }
  return [...byName].map(([name, own]) => {
    const tokens = own[0]!.tokens;
    const features = new Set<string>([`len:${Math.min(tokens.length, 4)}`, `count:${Math.min(own.length, 4)}`]);
    for (const candidate of own) {
      const verdict = verdicts.get(candidate);
      if (verdict?.accepted) features.add(`rules:accepted:${verdict.evidence}`).add(`rules:kind:${verdict.kind}`);
      else features.add(verdict?.excluded ? 'rules:excluded' : 'rules:rejected');
      const { before, after } = wordsAround(text, candidate);
      if (before.length) features.add(`before:${before[before.length - 1]}`);
      if (before.length === 2) features.add(`before2:${before.join(' ')}`);
      if (after.length) features.add(`after:${after[0]}`);
      if (after.length === 2) features.add(`after2:${after.join(' ')}`);
    }
    if (own.every((c) => c.sentenceInitial)) features.add('only sentence-initial');
    if (own.some((c) => listed.has(c))) features.add('listed with another name');
    for (const token of tokens) features.add(`word:${token.toLowerCase()}`);
    features.add(`first:${tokens[0]!.toLowerCase()}`).add(`last:${tokens[tokens.length - 1]!.toLowerCase()}`);
    features.add(`shape:${tokens.map(shape).join(' ').slice(0, 20)}`);
    for (const tag of wordTags(tokens[tokens.length - 1]!)) features.add(`last tag:${tag}`);
    for (const tag of wordTags(tokens[0]!)) features.add(`first tag:${tag}`);
    if (tokens.some((t) => personTokens.has(t))) features.add('shares a word with a person');
    if (tokens.length === 1) features.add(`suffix:${name.slice(-3).toLowerCase()}`);
    if (places.has(name)) features.add('place');
    if (tokens.some((t) => demonyms.has(t))) features.add('demonym');
    if (tokens.length <= 3 && new RegExp(`\\b${escapeRegExp(name.toLowerCase())}\\b`).test(text)) features.add('also in lower case');
    return { name, candidates: own, features: [...features] };
  });
}

/** How likely the model finds a candidate name to be an organisation, and the kind it finds likeliest. */
export function scoreOrganization(model: OrganizationModel, candidate: OrganizationCandidate): { p: number; kind: OrgKind } {
  const scores = probabilities(model, candidate.features);
  const kinds = model.labels.flatMap((label, i) => (label === 'organization' ? [] : [{ kind: label, p: scores[i]! }]));
  return { p: scores[model.labels.indexOf('organization')] ?? 0, kind: kinds.sort((a, b) => b.p - a.p)[0]?.kind ?? 'company' };
}
