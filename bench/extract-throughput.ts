/**
 * Extraction throughput: the gold articles repeated to 1,000 articles, extracted one by one,
 * against a trivial baseline pass (a regex word count) over the same texts.
 *
 *   node bin/run-ts.js bench/extract-throughput.ts [count]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../src/modules/importer/extraction/extract-article.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folders = [resolve(repoRoot, '../shared/fixtures/articles'), resolve(repoRoot, 'test/fixtures/articles')];
const count = Number(process.argv[2] ?? 1000);

const articles: { text: string; published: string }[] = [];
for (const folder of folders.filter((f) => existsSync(f))) {
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
    const goldPath = join(folder, file.replace(/\.txt$/, '.json'));
    const published = existsSync(goldPath) ? (JSON.parse(readFileSync(goldPath, 'utf8')) as { published: string }).published : '2026-01-01';
    articles.push({ text: readFileSync(join(folder, file), 'utf8'), published });
  }
}
if (articles.length === 0) throw new Error('no fixture articles found');
const corpus = Array.from({ length: count }, (_, i) => articles[i % articles.length]!);
const totalChars = corpus.reduce((sum, a) => sum + a.text.length, 0);

// Warm up: the first calls compile regexes and load compromise's lexicon.
for (const article of articles) extractArticle(article.text, { published: article.published });

let words = 0;
const baselineStart = performance.now();
for (const article of corpus) words += article.text.match(/\w+/g)?.length ?? 0;
const baselineMs = performance.now() - baselineStart;

let records = 0;
const start = performance.now();
for (const article of corpus) {
  const result = extractArticle(article.text, { published: article.published });
  records += result.organizations.length + result.people.length + result.quotes.length + result.events.length + result.letters.length;
}
const extractMs = performance.now() - start;

const perSecond = (count / extractMs) * 1000;
console.log(`articles:            ${count} (${articles.length} distinct, ${(totalChars / 1024).toFixed(0)} KiB in all)`);
console.log(`extraction:          ${extractMs.toFixed(0)} ms  -> ${perSecond.toFixed(1)} articles/s (goal >= 20)  [${records} records]`);
console.log(`baseline word count: ${baselineMs.toFixed(1)} ms  -> ${((count / baselineMs) * 1000).toFixed(0)} articles/s  [${words} words]`);
console.log(`ratio:               extraction takes ${(extractMs / baselineMs).toFixed(0)}x the baseline`);
