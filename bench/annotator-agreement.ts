/**
 * How far two careful annotators agree: a second annotation of some gold articles, made independently
 * by someone who saw neither the first gold nor the engine, scored against the first gold exactly as the
 * engine is scored. Beside it, the engine's own score on the same articles. Where two annotators agree at
 * 0.7, no extractor can be measured above about 0.7 on that gold.
 *
 *   node bin/run-ts.js bench/annotator-agreement.ts DIR [DIR…]
 *
 * DIR holds NAME.json second annotations, in the gold format, of articles in test/fixtures/articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/modules/importer/extraction/extract-article.ts';
import { formatScoreTable, scoreArticle, sumScores, type ArticleScore, type GoldArticle } from '../src/modules/importer/extraction/evaluate.ts';
import type { Extraction } from '../src/modules/importer/extraction/types.ts';
import { loadGoldArticles } from './gold-articles.ts';

/** A gold annotation read as if it were the engine's output (the scorer reads names, kinds, types, dates and letter fields only). */
function asExtraction(annotation: GoldArticle): Extraction {
  return {
    organizations: annotation.organizations.map((o) => ({ ...o, aliases: o.aliases ?? [] })),
    people: annotation.people,
    quotes: annotation.quotes,
    events: annotation.events.map((e) => ({ ...e, evidence: e.evidence ?? '' })),
    letters: annotation.letters,
  } as unknown as Extraction;
}

const gold = new Map(loadGoldArticles().map((article) => [article.file.replace(/\.txt$/, '.json'), article]));
const second: ArticleScore[] = [];
const engine: ArticleScore[] = [];
for (const dir of process.argv.slice(2)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const first = gold.get(file);
    if (!first) { console.error(`no gold article ${file}`); continue; }
    const annotation = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldArticle;
    second.push(scoreArticle(asExtraction(annotation), first.gold));
    engine.push(scoreArticle(extractArticle(first.text, { published: first.gold.published }), first.gold));
  }
}
console.log(formatScoreTable('second annotator against the gold', sumScores(second), second.length));
console.log(`\n${formatScoreTable('the engine against the gold', sumScores(engine), engine.length)}`);
