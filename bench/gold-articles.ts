/**
 * The gold articles: the shared fixtures (../shared/fixtures/articles from the repository root) and our
 * own (test/fixtures/articles), each with the set its README puts it in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldArticle } from '../src/modules/importer/extraction/evaluate.ts';

export interface GoldFile {
  file: string;
  set: string;
  text: string;
  gold: GoldArticle;
}

/** The split is marked in each gold file's note (see test/fixtures/articles/README.md). */
function setOf(gold: GoldArticle): string {
  const blind = /\bBLIND-(\d+)\b/.exec(gold.note ?? '');
  if (blind) return `blind-${blind[1]}`;
  for (const set of ['HELD-OUT-5', 'HELD-OUT-4', 'HELD-OUT-3', 'HELD-OUT-2', 'HELD-OUT', 'DEV-2']) {
    if (gold.note?.includes(set)) return set.toLowerCase();
  }
  return 'dev';
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folders = [
  { dir: resolve(repoRoot, '../shared/fixtures/articles'), set: () => 'shared' },
  { dir: resolve(repoRoot, 'test/fixtures/articles'), set: setOf },
];

export function loadGoldArticles(): GoldFile[] {
  const articles: GoldFile[] = [];
  for (const folder of folders) {
    if (!existsSync(folder.dir)) { console.error(`missing fixtures folder: ${folder.dir}`); continue; }
    for (const file of readdirSync(folder.dir).filter((f) => f.endsWith('.txt')).sort()) {
      const goldPath = join(folder.dir, file.replace(/\.txt$/, '.json'));
      if (!existsSync(goldPath)) continue;
      const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldArticle;
      articles.push({ file, set: folder.set(gold), text: readFileSync(join(folder.dir, file), 'utf8'), gold });
    }
  }
  return articles;
}
