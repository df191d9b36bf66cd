import { readFileSync } from 'node:fs';
import { extractArticle } from '../src/modules/importer/extraction/extract-article.ts';
const [file, published] = process.argv.slice(2);
const r = extractArticle(readFileSync(file!, 'utf8'), { published: published! });
for (const q of r.quotes) console.log(`${q.speaker}: ${q.text.slice(0, 140)}`);
