import { extractArticle } from '../src/modules/importer/extraction/extract-article.ts';
import { readFileSync } from "node:fs";
const texts: string[] = JSON.parse(readFileSync(process.argv[2]!, "utf8"));
for (const t of texts) {
  const r = extractArticle(t, { published: '2026-06-12' });
  console.log('\n=== ' + t.replace(/\n+/g, ' / ').slice(0, 300));
  console.log(' orgs:', r.organizations.map((o) => `${o.name}(${o.kind})`).join(', '));
  console.log(' people:', r.people.map((p) => `${p.name}[${p.title}@${p.affiliation}]`).join(', '));
  for (const e of r.events) console.log(' ev:', e.type, e.date, e.actor, '->', e.target);
  for (const l of r.letters) console.log(' letter:', JSON.stringify({ s: l.senders, n: l.senderCount, r: l.recipient, q: l.questionCount, d: l.deadline, sent: l.sent, pub: l.published }));
}
