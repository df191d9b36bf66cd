/**
 * `audit verify` over 100,000 entries: entries per second, against raw SHA-256 of the same bytes
 * (each entry's canonical text) in the same run, on SQLite and PostgreSQL.
 *   node bin/run-ts.js bench/audit-verify.ts [--entries 100000]
 */
import { createHash } from 'node:crypto';
import { openApplication } from '../src/main.ts';
import { canonicalEntry } from '../src/modules/audit/audit-entry.ts';
import { appendAuditEntries, readAuditEntries, toContent } from '../src/modules/audit/audit.repository.ts';
import { verifyAuditChain } from '../src/modules/audit/verify-audit.ts';
import { systemActor } from '../src/modules/users/actor.ts';
import { newId } from '../src/shared/ids.ts';
import { onEachEngine, round, temporaryDataDir } from './support.ts';

const entries = Number(process.argv[process.argv.indexOf('--entries') + 1]) || 100_000;
const batch = 1000;

async function measure(engine: 'sqlite' | 'postgres', databaseUrl: string | undefined) {
  const data = temporaryDataDir();
  const { services, close } = await openApplication({ dataDir: data.dir, databaseUrl });
  try {
    // A realistic chain: organisation-sized snapshots, appended through the real code path.
    const actor = systemActor('bench');
    for (let written = 0; written < entries; written += batch) {
      const changes = Array.from({ length: Math.min(batch, entries - written) }, (_, index) => ({
        action: 'update' as const,
        entityType: 'organization',
        entityId: newId(),
        caseId: null,
        before: { name: `Organisation ${written + index}`, kind: 'ngo', aliases: ['ORG'], description: 'x'.repeat(200) },
        after: { name: `Organisation ${written + index}`, kind: 'ngo', aliases: ['ORG', 'O'], description: 'y'.repeat(200) },
      }));
      await services.db.transaction().execute((tx) => appendAuditEntries(tx, engine, actor, new Date().toISOString(), changes));
    }

    // Baseline: the same bytes, already in memory, through SHA-256 alone.
    const texts: string[] = [];
    for await (const page of readAuditEntries(services.db)) for (const row of page) texts.push(canonicalEntry(toContent(row)));
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const hashStart = performance.now();
    for (const text of texts) createHash('sha256').update(text).digest('hex');
    const hashSeconds = (performance.now() - hashStart) / 1000;

    const verifyStart = performance.now();
    const verdict = await verifyAuditChain(services.db);
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    if (!verdict.ok) throw new Error(`chain not intact: ${verdict.reason}`);
    return {
      engine,
      entries: verdict.entries,
      megabytes: round(bytes / 1e6, 1),
      verifyEntriesPerSecond: round(entries / verifySeconds, 0),
      rawSha256EntriesPerSecond: round(entries / hashSeconds, 0),
      ratio: round(hashSeconds / verifySeconds, 3),
      verifySeconds: round(verifySeconds),
    };
  } finally {
    await close();
    data.remove();
  }
}

const results = await onEachEngine(measure);
console.log('audit verify (ratio = verify speed ÷ raw SHA-256 of the same canonical bytes in memory)');
console.table(results);
