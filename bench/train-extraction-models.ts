/**
 * Trains the extraction's learned readers (organization-model.ts, event-model.ts, recipient-model.ts) on
 * the gold articles.
 *
 *   node bin/run-ts.js bench/train-extraction-models.ts --folds 5       what they add on articles they were not trained on
 *   node bin/run-ts.js bench/train-extraction-models.ts --hold-out S,S  the same, training on every set but these
 *       [--fraction F]                                                 …on that fraction of them only (a learning curve)
 *   node bin/run-ts.js bench/train-extraction-models.ts --write         train on every gold article, write learned-models.json
 *
 * Event examples are the sentences of each article's body, labelled with the types of the gold events
 * whose evidence lies in them; recipient examples are the organisations named where the rules find a
 * letter, labelled by whether a gold letter goes to them; organisation examples are the capitalised
 * names of each article, labelled by whether they name a gold organisation, and of which kind.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractArticle, readArticle, recipientCandidatesOf } from '../src/modules/importer/extraction/extract-article.ts';
import { canonicaliser, formatScoreTable, goldOrganizationOf, scoreArticle, sumScores } from '../src/modules/importer/extraction/evaluate.ts';
import { sentenceFeatures } from '../src/modules/importer/extraction/event-model.ts';
import { trainLogistic, type Example } from '../src/modules/importer/extraction/logistic.ts';
import { organizationLabels, type OrganizationLabel } from '../src/modules/importer/extraction/organization-model.ts';
import { eventTypes, type EventType, type LearnedModels, type OrgKind } from '../src/modules/importer/extraction/types.ts';
import { loadGoldArticles, type GoldFile } from './gold-articles.ts';

const rulesOnly: LearnedModels = { events: null, recipients: null, organizations: null };

function eventExamples({ text, gold }: GoldFile, models: LearnedModels): Example<EventType>[] {
  const article = readArticle(text, { published: gold.published, models });
  if (!article) return [];
  const evidence = gold.events.flatMap((event) => {
    const at = event.evidence ? text.indexOf(event.evidence) : -1;
    return at >= 0 ? [{ type: event.type as EventType, start: at, end: at + event.evidence!.length }] : [];
  });
  return article.bodySentences.map((sentence) => ({
    features: sentenceFeatures(sentence, article.mentions, article.dates).features,
    labels: new Set(evidence.filter((e) => e.start < sentence.end && sentence.start < e.end).map((e) => e.type)),
  }));
}

function recipientExamples({ text, gold }: GoldFile, models: LearnedModels): Example<'recipient'>[] {
  const canonical = canonicaliser(gold);
  const recipients = new Set(gold.letters.map((letter) => canonical(letter.recipient)));
  return recipientCandidatesOf(text, { published: gold.published, models })
    .map(({ name, features }) => ({ features, labels: new Set(recipients.has(canonical(name)) ? ['recipient' as const] : []) }));
}

function organizationExamplesOf({ text, gold }: GoldFile): Example<OrganizationLabel>[] {
  const article = readArticle(text, { published: gold.published, models: rulesOnly });
  if (!article) return [];
  return article.organizationCandidates.map(({ name, features }) => {
    const org = goldOrganizationOf(gold, name);
    return { features, labels: new Set<OrganizationLabel>(org ? ['organization', org.kind as OrgKind] : []) };
  });
}

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const articles = loadGoldArticles();
const organizationExamples = new Map(articles.map((a) => [a, organizationExamplesOf(a)]));
/**
 * The organisation model first; then the event and recipient models, on the articles as read with it
 * (their organisations are then more often right, and the models learn from cleaner examples).
 */
function train(from: GoldFile[]): LearnedModels {
  const organizations = trainLogistic(from.flatMap((a) => organizationExamples.get(a)!), organizationLabels);
  const read = { ...rulesOnly, organizations };
  return {
    events: trainLogistic(from.flatMap((a) => eventExamples(a, read)), eventTypes, { threshold: 0.4 }),
    recipients: trainLogistic(from.flatMap((a) => recipientExamples(a, read)), ['recipient'] as const),
    organizations,
  };
}

/** The scores of the rules alone, with each model, and with all, each article read with the models it was not trained on. */
function compare(title: string, scored: GoldFile[], modelsFor: (article: GoldFile) => LearnedModels): void {
  const variants: [string, (m: LearnedModels) => LearnedModels][] = [
    ['rules only', () => rulesOnly],
    ['rules and event model', (m) => ({ ...rulesOnly, events: m.events })],
    ['rules and recipient model', (m) => ({ ...rulesOnly, recipients: m.recipients })],
    ['rules and organisation model', (m) => ({ ...rulesOnly, organizations: m.organizations })],
    ['rules, event and recipient models', (m) => ({ ...m, organizations: null })],
    ['rules and all models', (m) => m],
  ];
  for (const [name, variant] of variants) {
    const score = sumScores(scored.map((a) => scoreArticle(extractArticle(a.text, { published: a.gold.published, models: variant(modelsFor(a)) }), a.gold)));
    console.log(`\n${formatScoreTable(`${title}: ${name}`, score, scored.length)}`);
  }
}

const folds = Number(argument('--folds') ?? 0);
if (folds > 0) {
  const foldOf = new Map(articles.map((a, i) => [a, i % folds]));
  const models = Array.from({ length: folds }, (_, k) => train(articles.filter((a) => foldOf.get(a) !== k)));
  const only = argument('--only')?.split(',');
  compare(`${folds}-fold cross-validation${only ? ` (${only.join(', ')})` : ''}`, articles.filter((a) => !only || only.includes(a.set)), (a) => models[foldOf.get(a)!]!);
}

const heldOut = argument('--hold-out')?.split(',');
if (heldOut) {
  // The same articles in the same order for a given fraction, spread over every set.
  const fraction = Number(argument('--fraction') ?? 1);
  const pool = articles.filter((a) => !heldOut.includes(a.set));
  const trainOn = pool.filter((_, i) => Math.floor((i + 1) * fraction) > Math.floor(i * fraction));
  console.log(`training on ${trainOn.length} of ${pool.length} articles`);
  const models = train(trainOn);
  compare(`held out: ${heldOut.join(', ')}`, articles.filter((a) => heldOut.includes(a.set)), () => models);
}

if (process.argv.includes('--write')) {
  const models = train(articles);
  const path = fileURLToPath(new URL('../src/modules/importer/extraction/learned-models.json', import.meta.url));
  writeFileSync(path, `${JSON.stringify(models)}\n`);
  const size = (m: { weights: object } | null) => Object.keys(m?.weights ?? {}).length;
  console.log(`wrote ${path} from ${articles.length} articles: organisation model ${size(models.organizations)} features, `
    + `event model ${size(models.events)}, recipient model ${size(models.recipients)}`);
}
