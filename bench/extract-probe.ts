/**
 * Prints what the extractor finds in short hand-written texts: a quick way to try phrasings that no
 * gold article covers yet (the probes are not gold, so they are not scored).
 *
 *   node bin/run-ts.js bench/extract-probe.ts TEXTS.json [YYYY-MM-DD]
 *
 * TEXTS.json is a JSON array of article texts; the date (default 2026-06-12) is their publication date.
 */
import { readFileSync } from 'node:fs';
import { extractArticle } from '../src/modules/importer/extraction/extract-article.ts';

const texts = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[];
const published = process.argv[3] ?? '2026-06-12';
for (const text of texts) {
  const result = extractArticle(text, { published });
  console.log(`\n=== ${text.replace(/\n+/g, ' / ').slice(0, 300)}`);
  console.log(' orgs:', result.organizations.map((o) => `${o.name}(${o.kind})`).join(', '));
  console.log(' people:', result.people.map((p) => `${p.name}[${p.title}@${p.affiliation}]`).join(', '));
  for (const e of result.events) console.log(' event:', e.type, e.date, e.actor, '->', e.target);
  for (const l of result.letters) {
    console.log(' letter:', JSON.stringify({ senders: l.senders, count: l.senderCount, to: l.recipient, questions: l.questionCount, deadline: l.deadline, sent: l.sent, published: l.published }));
  }
}
