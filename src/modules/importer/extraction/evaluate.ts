/**
 * Scores extractions against hand-made gold annotations. Gold files may spell letter fields in
 * snake_case (`sender_count`, `question_count`) or camelCase; both are read.
 *
 * Matching: organisations by name after normalisation, alias-aware; people by name; quotes when
 * the speaker matches and the gold text is contained in the predicted text (whitespace and quote
 * marks normalised; precision counts the predicted quotes that hold some gold quote, recall the gold
 * quotes held by some predicted one, so a speaker's turn found whole covers each sentence listed apart);
 * events by type, and by type and date; letters paired by recipient (of several to one company, the
 * one agreeing on most fields), then each field compared (accuracy over gold letters).
 */
import { places } from './gazetteer.ts';
import { isShorterFormOf } from './organizations.ts';
import type { Extraction } from './types.ts';

export interface GoldArticle {
  published: string;
  note?: string;
  organizations: { name: string; kind: string; aliases?: string[] }[];
  people: { name: string; title?: string | null; affiliation?: string | null }[];
  quotes: { speaker: string; text: string }[];
  events: { type: string; date: string | null; evidence?: string }[];
  letters: GoldLetter[];
}

interface GoldLetter {
  senders: string[];
  recipient: string;
  sender_count?: number | null;
  senderCount?: number | null;
  question_count?: number | null;
  questionCount?: number | null;
  deadline: string | null;
  sent: string | null;
  published: string | null;
}

export const letterFields = ['senders', 'senderCount', 'recipient', 'questionCount', 'deadline', 'sent', 'published'] as const;
export type LetterField = (typeof letterFields)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Accuracy {
  correct: number;
  total: number;
}

export interface ArticleScore {
  organizations: Counts;
  orgKind: Accuracy;
  people: Counts;
  personTitle: Accuracy;
  personAffiliation: Accuracy;
  quotes: Counts;
  eventsByType: Counts;
  eventsByTypeAndDate: Counts;
  letterFields: Record<LetterField, Accuracy>;
  /** Human-readable misses, for tuning on the development set. */
  misses: string[];
}

export function normaliseName(value: string): string {
  return value.toLowerCase().replace(/[’']/g, "'").replace(/^the\s+/, '').replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
}

function normaliseQuote(value: string): string {
  return value.toLowerCase().replace(/[“”"‘’'`]/g, '').replace(/[…]/g, '...').replace(/\s+/g, ' ').replace(/[.,;:!?]+$/, '').trim();
}

/** Maps any form of a gold organisation's name to its canonical gold name. */
export function canonicaliser(gold: GoldArticle): (name: string | null | undefined) => string | null {
  const forms = new Map<string, string>();
  for (const org of gold.organizations) {
    forms.set(normaliseName(org.name), normaliseName(org.name));
    for (const alias of org.aliases ?? []) forms.set(normaliseName(alias), normaliseName(org.name));
  }
  return (name) => {
    if (name === null || name === undefined) return null;
    const normal = normaliseName(name);
    return forms.get(normal) ?? normal;
  };
}

/**
 * The gold organisation a name the text uses stands for: one of its forms, or, for a company, a shorter
 * form of its name ("Samsung" of "Samsung Electronics"), but never a place ("Myanmar" of "Myanmar
 * military"). What the organisation model learns to recognise.
 */
export function goldOrganizationOf(gold: GoldArticle, name: string): GoldArticle['organizations'][number] | undefined {
  const normal = normaliseName(name);
  return gold.organizations.find((org) => [org.name, ...org.aliases ?? []].some((form) => normaliseName(form) === normal))
    ?? gold.organizations.find((org) => org.kind === 'company' && !places.has(name) && isShorterFormOf(name, org.name));
}

/** Greedy one-to-one matching; returns the matched pairs and the counts. */
function match<P, G>(predicted: P[], gold: G[], same: (p: P, g: G) => boolean): { pairs: [P, G][]; counts: Counts; unmatchedGold: G[]; unmatchedPredicted: P[] } {
  const free = new Set(gold.map((_, i) => i));
  const pairs: [P, G][] = [];
  const unmatchedPredicted: P[] = [];
  for (const p of predicted) {
    const index = [...free].find((i) => same(p, gold[i]!));
    if (index === undefined) { unmatchedPredicted.push(p); continue; }
    free.delete(index);
    pairs.push([p, gold[index]!]);
  }
  const unmatchedGold = [...free].map((i) => gold[i]!);
  return { pairs, counts: { tp: pairs.length, fp: unmatchedPredicted.length, fn: unmatchedGold.length }, unmatchedGold, unmatchedPredicted };
}

function accuracy(pairs: number, correct: number): Accuracy {
  return { correct, total: pairs };
}

function readLetter(letter: GoldLetter | Extraction['letters'][number]): Record<LetterField, unknown> {
  const raw = letter as unknown as Record<string, unknown>;
  return {
    senders: letter.senders,
    senderCount: raw.senderCount ?? raw.sender_count ?? null,
    recipient: letter.recipient,
    questionCount: raw.questionCount ?? raw.question_count ?? null,
    deadline: letter.deadline,
    sent: letter.sent,
    published: letter.published,
  };
}

export function scoreArticle(predicted: Extraction, gold: GoldArticle): ArticleScore {
  const canonical = canonicaliser(gold);
  const misses: string[] = [];

  const orgs = match(predicted.organizations, gold.organizations, (p, g) => {
    const goldForms = [g.name, ...(g.aliases ?? [])].map(normaliseName);
    return [p.name, ...p.aliases].map(normaliseName).some((form) => goldForms.includes(form));
  });
  const kindCorrect = orgs.pairs.filter(([p, g]) => p.kind === g.kind).length;
  misses.push(...orgs.unmatchedGold.map((g) => `org missed: ${g.name}`), ...orgs.unmatchedPredicted.map((p) => `org extra: ${p.name}`));
  misses.push(...orgs.pairs.filter(([p, g]) => p.kind !== g.kind).map(([p, g]) => `org kind: ${g.name} ${p.kind}≠${g.kind}`));

  const people = match(predicted.people, gold.people, (p, g) => normaliseName(p.name) === normaliseName(g.name));
  const titleCorrect = people.pairs.filter(([p, g]) => (p.title ?? null) === (g.title ?? null)).length;
  const affiliationCorrect = people.pairs.filter(([p, g]) => canonical(p.affiliation) === canonical(g.affiliation)).length;
  misses.push(...people.unmatchedGold.map((g) => `person missed: ${g.name}`), ...people.unmatchedPredicted.map((p) => `person extra: ${p.name}`));
  misses.push(...people.pairs.filter(([p, g]) => (p.title ?? null) !== (g.title ?? null) || canonical(p.affiliation) !== canonical(g.affiliation))
    .map(([p, g]) => `person role: ${g.name}: "${p.title}" @ ${p.affiliation} ≠ "${g.title}" @ ${g.affiliation}`));

  // A quote found whole may hold several quoted sentences the gold lists apart: each is found, and the quote is one true positive.
  const saidIn = (p: Extraction['quotes'][number], g: GoldArticle['quotes'][number]) =>
    canonical(p.speaker) === canonical(g.speaker) && normaliseQuote(p.text).includes(normaliseQuote(g.text));
  const goldFound = gold.quotes.filter((g) => predicted.quotes.some((p) => saidIn(p, g)));
  const predictedRight = predicted.quotes.filter((p) => gold.quotes.some((g) => saidIn(p, g)));
  const quotes = { counts: { tp: predictedRight.length, fp: predicted.quotes.length - predictedRight.length, fn: gold.quotes.length - goldFound.length } };
  misses.push(...gold.quotes.filter((g) => !goldFound.includes(g)).map((g) => `quote missed: ${g.speaker}: ${g.text.slice(0, 50)}`),
    ...predicted.quotes.filter((p) => !predictedRight.includes(p)).map((p) => `quote extra: ${p.speaker}: ${p.text.slice(0, 50)}`));

  const byType = match(predicted.events, gold.events, (p, g) => p.type === g.type);
  const byTypeAndDate = match(predicted.events, gold.events, (p, g) => p.type === g.type && (p.date ?? null) === (g.date ?? null));
  misses.push(...byTypeAndDate.unmatchedGold.map((g) => `event missed: ${g.type} ${g.date}${g.evidence ? ` (${g.evidence.slice(0, 50)})` : ''}`),
    ...byTypeAndDate.unmatchedPredicted.map((p) => `event extra: ${p.type} ${p.date} (${p.evidence.slice(0, 50)})`));

  const fields = Object.fromEntries(letterFields.map((field) => [field, { correct: 0, total: 0 }])) as Record<LetterField, Accuracy>;
  const remaining = [...predicted.letters];
  for (const goldLetter of gold.letters) {
    const expected = readLetter(goldLetter);
    // Of several letters to the same company, the one that agrees on most fields is this one.
    const agreement = (p: Extraction['letters'][number]) => letterFields.filter((field) => sameField(field, readLetter(p)[field], expected[field], canonical)).length;
    const sameRecipient = remaining.filter((p) => canonical(p.recipient) === canonical(goldLetter.recipient)).sort((a, b) => agreement(b) - agreement(a));
    const index = sameRecipient[0] ? remaining.indexOf(sameRecipient[0]) : -1;
    const chosen = index >= 0 ? remaining.splice(index, 1)[0] : remaining.length === 1 && gold.letters.length === 1 ? remaining.shift() : undefined;
    const actual = chosen ? readLetter(chosen) : null;
    for (const field of letterFields) {
      fields[field].total++;
      const ok = actual !== null && sameField(field, actual[field], expected[field], canonical);
      if (ok) fields[field].correct++;
      else misses.push(`letter ${field}: ${actual === null ? '(no letter)' : JSON.stringify(actual[field])} ≠ ${JSON.stringify(expected[field])}`);
    }
  }

  return {
    organizations: orgs.counts, orgKind: accuracy(orgs.pairs.length, kindCorrect),
    people: people.counts, personTitle: accuracy(people.pairs.length, titleCorrect),
    personAffiliation: accuracy(people.pairs.length, affiliationCorrect),
    quotes: quotes.counts, eventsByType: byType.counts, eventsByTypeAndDate: byTypeAndDate.counts,
    letterFields: fields, misses,
  };
}

function sameField(field: LetterField, actual: unknown, expected: unknown, canonical: (name: string | null) => string | null): boolean {
  if (field === 'senders') {
    const a = new Set((actual as string[]).map((s) => canonical(s)));
    const e = new Set((expected as string[]).map((s) => canonical(s)));
    return a.size === e.size && [...e].every((s) => a.has(s));
  }
  if (field === 'recipient') return canonical(actual as string) === canonical(expected as string);
  return (actual ?? null) === (expected ?? null);
}

export function sumScores(scores: ArticleScore[]): ArticleScore {
  const zeroCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const zeroAccuracy = (): Accuracy => ({ correct: 0, total: 0 });
  const total: ArticleScore = {
    organizations: zeroCounts(), orgKind: zeroAccuracy(), people: zeroCounts(), personTitle: zeroAccuracy(),
    personAffiliation: zeroAccuracy(), quotes: zeroCounts(), eventsByType: zeroCounts(), eventsByTypeAndDate: zeroCounts(),
    letterFields: Object.fromEntries(letterFields.map((f) => [f, zeroAccuracy()])) as Record<LetterField, Accuracy>, misses: [],
  };
  const addCounts = (into: Counts, from: Counts) => { into.tp += from.tp; into.fp += from.fp; into.fn += from.fn; };
  const addAccuracy = (into: Accuracy, from: Accuracy) => { into.correct += from.correct; into.total += from.total; };
  for (const score of scores) {
    addCounts(total.organizations, score.organizations); addAccuracy(total.orgKind, score.orgKind);
    addCounts(total.people, score.people); addAccuracy(total.personTitle, score.personTitle);
    addAccuracy(total.personAffiliation, score.personAffiliation); addCounts(total.quotes, score.quotes);
    addCounts(total.eventsByType, score.eventsByType); addCounts(total.eventsByTypeAndDate, score.eventsByTypeAndDate);
    for (const field of letterFields) addAccuracy(total.letterFields[field], score.letterFields[field]);
  }
  return total;
}

export function f1(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function ratio(value: Accuracy): number {
  return value.total === 0 ? 1 : value.correct / value.total;
}

const targets = { organizations: 0.9, people: 0.9, quotes: 0.8, events: 0.7, letters: 0.8 };

/** A plain-text table of one set's scores, with targets marked. */
export function formatScoreTable(title: string, score: ArticleScore, articleCount: number): string {
  const pct = (value: number) => value.toFixed(2);
  const flag = (value: number, target: number) => (value >= target ? ' ok ' : ' MISS');
  const lines = [`## ${title} (${articleCount} articles)`, 'field                      P     R     F1   target', '-'.repeat(56)];
  const row = (name: string, counts: Counts, target: number, extra = '') => {
    const { precision, recall, f1: score } = f1(counts);
    lines.push(`${name.padEnd(24)} ${pct(precision)}  ${pct(recall)}  ${pct(score)} ${flag(score, target)} ${extra}`);
  };
  row('organizations', score.organizations, targets.organizations, `kind acc ${pct(ratio(score.orgKind))}`);
  row('people', score.people, targets.people, `title acc ${pct(ratio(score.personTitle))}, affiliation acc ${pct(ratio(score.personAffiliation))}`);
  row('quotes', score.quotes, targets.quotes);
  row('events (type)', score.eventsByType, targets.events);
  row('events (type+date)', score.eventsByTypeAndDate, targets.events);
  lines.push('letter field             accuracy  target');
  for (const field of letterFields) {
    const value = ratio(score.letterFields[field]);
    lines.push(`  ${field.padEnd(22)} ${pct(value)}   ${flag(value, targets.letters)} (${score.letterFields[field].correct}/${score.letterFields[field].total})`);
  }
  return lines.join('\n');
}
