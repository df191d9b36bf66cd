/**
 * Evaluates the extraction engine against every gold article: the shared fixtures
 * (../shared/fixtures/articles from the repository root) and our own (test/fixtures/articles),
 * split into the sets its README describes. `--verbose` lists each article's misses; `--only` scores
 * some sets (score a new blind set once with `--only blind-N` before reading its misses).
 *
 *   node bin/run-ts.js bench/extract-eval.ts [--verbose] [--only shared,dev,blind-14]
 */
import { extractArticle } from '../src/modules/importer/extraction/extract-article.ts';
import { formatScoreTable, scoreArticle, sumScores, type ArticleScore } from '../src/modules/importer/extraction/evaluate.ts';
import { loadGoldArticles } from './gold-articles.ts';

const verbose = process.argv.includes('--verbose');
// `--only shared,dev` scores some sets only (tuning runs must not look at the held-out sets).
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',')) : null;

const bySet = new Map<string, ArticleScore[]>();
for (const { file, set, text, gold } of loadGoldArticles()) {
  if (only && !only.has(set)) continue;
  const score = scoreArticle(extractArticle(text, { published: gold.published }), gold);
  bySet.set(set, [...(bySet.get(set) ?? []), score]);
  // Score a new blind set once with `--only SET` before anyone reads its misses with `--verbose`.
  if (verbose && score.misses.length > 0) console.log(`\n[${set}] ${file}\n  ${score.misses.join('\n  ')}`);
}

const all = [...bySet.values()].flat();
// The sets retold from real coverage (blind-7 on; see test/fixtures/articles/README.md), together.
const blindNumber = (set: string): number => Number(/^blind-(\d+)$/.exec(set)?.[1] ?? NaN);
const realStories = [...bySet.entries()].filter(([set]) => blindNumber(set) >= 7).flatMap(([, scores]) => scores);
const blindSets = [...bySet.keys()].filter((set) => !Number.isNaN(blindNumber(set))).sort((a, b) => blindNumber(a) - blindNumber(b));
for (const set of ['shared', 'dev', 'dev-2', 'held-out', 'held-out-2', 'held-out-3', 'held-out-4', 'held-out-5', ...blindSets]) {
  const scores = bySet.get(set) ?? [];
  if (scores.length === 0) continue;
  console.log(`\n${formatScoreTable(set, sumScores(scores), scores.length)}`);
}
if (realStories.length > 0) console.log(`\n${formatScoreTable('real-story sets (blind-7 on)', sumScores(realStories), realStories.length)}`);
console.log(`\n${formatScoreTable('overall', sumScores(all), all.length)}`);
console.log('\nnote: on articles the learned readers were trained on (every gold article as of the last `npm run train:extract`) these rows show their fit, not their worth on new text: for that, `npm run train:extract` cross-validates them, and a new set is scored before they are retrained with it');
