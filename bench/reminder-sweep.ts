/**
 * The reminder sweep over 100,000 sent letters with random deadlines (uniformly from 60 days ago to
 * 60 days ahead; one company contact each), on SQLite and on PostgreSQL: how long a sweep takes,
 * and emails queued per second (each with its delivery job). Baseline, in the same run and on the
 * same database: inserting the same number of rows into outbound_emails with plain batched INSERTs
 * (no reading, no keys checked, no jobs). A second sweep, which must queue nothing, is timed too.
 *
 *   node bin/run-ts.js bench/reminder-sweep.ts [--letters 100000]
 */
import { performance } from 'node:perf_hooks';
import { openApplication } from '../src/main.ts';
import { sweepReminders } from '../src/modules/reminders/reminders.service.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { newId } from '../src/shared/ids.ts';
import type { ServiceContext } from '../src/shared/service-context.ts';
import { onEachEngine, round, temporaryDataDir } from './support.ts';

const option = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const letterCount = option('--letters', 100_000);
const now = new Date('2026-01-15T12:00:00Z');
const dayMs = 24 * 3600 * 1000;

async function seed(services: ServiceContext): Promise<void> {
  const stamp = now.toISOString();
  const organizationIds = { company: newId(), ngo: newId() };
  const caseId = newId();
  const editorId = newId();
  await services.db.transaction().execute(async (tx) => {
    for (const [key, id] of Object.entries(organizationIds)) {
      await tx.insertInto('organizations').values({ id, name: `Bench ${key}`, kind: key === 'company' ? 'company' : 'ngo', parent_id: null, description: null, website: null, created_at: stamp, updated_at: stamp }).execute();
    }
    await tx.insertInto('users').values({ id: editorId, email: 'editor@bench.example', name: 'Editor', role: 'editor', password_hash: null, organization_id: null, locale: 'en', created_at: stamp, disabled_at: null }).execute();
    await tx.insertInto('cases').values({ id: caseId, slug: 'bench', title: 'Bench', summary: '', visibility: 'private', created_by: editorId, created_at: stamp, updated_at: stamp }).execute();
    await tx.insertInto('case_members').values({ case_id: caseId, user_id: editorId, role: 'editor' }).execute();
  });
  let seedState = 42;
  const random = () => {
    // A fixed-seed generator, so that every run sweeps the same deadlines.
    seedState = (seedState * 1_103_515_245 + 12_345) % 2 ** 31;
    return seedState / 2 ** 31;
  };
  const chunk = 250;
  for (let start = 0; start < letterCount; start += 5000) {
    await services.db.transaction().execute(async (tx) => {
      for (let offset = start; offset < Math.min(letterCount, start + 5000); offset += chunk) {
        const rows = Array.from({ length: Math.min(chunk, letterCount - offset) }, (_, index) => {
          const deadline = new Date(now.getTime() + (random() * 120 - 60) * dayMs).toISOString();
          return {
            id: newId(now.getTime() - 90 * dayMs + offset + index),
            case_id: caseId,
            recipient_id: organizationIds.company,
            follows_letter_id: null,
            subject: `Letter ${offset + index}`,
            body: '',
            signatory_count: null,
            sent_on: '2025-10-01',
            response_deadline_at: deadline,
            response_deadline_time_zone: 'UTC',
            published_on: null,
            created_at: stamp,
            updated_at: stamp,
          };
        });
        await tx.insertInto('letters').values(rows).execute();
        await tx.insertInto('letter_contacts').values(rows.map((row) => ({ letter_id: row.id, email: `contact-${row.subject.slice(7)}@company.example`, name: null, added_at: stamp }))).execute();
      }
    });
  }
}

async function baselineInserts(services: ServiceContext, count: number): Promise<number> {
  const started = performance.now();
  const stamp = now.toISOString();
  await services.db.transaction().execute(async (tx) => {
    for (let offset = 0; offset < count; offset += 500) {
      const rows = Array.from({ length: Math.min(500, count - offset) }, (_, index) => ({
        id: newId(),
        idempotency_key: `baseline:${offset + index}`,
        kind: 'baseline',
        recipients: '["contact@company.example"]',
        payload: '{}',
        created_at: stamp,
        sent_at: stamp,
        transport: 'none',
      }));
      await tx.insertInto('outbound_emails').values(rows).execute();
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await services.db.deleteFrom('outbound_emails').where('kind', '=', 'baseline').execute();
  return seconds;
}

async function measure(engine: 'sqlite' | 'postgres', databaseUrl: string | undefined) {
  const data = temporaryDataDir();
  const application = await openApplication({ dataDir: data.dir, databaseUrl }, new FixedClock(now));
  try {
    await seed(application.services);
    const started = performance.now();
    const sweep = await sweepReminders(application.services);
    const sweepSeconds = (performance.now() - started) / 1000;
    const againStarted = performance.now();
    const again = await sweepReminders(application.services);
    const againSeconds = (performance.now() - againStarted) / 1000;
    const baselineSeconds = await baselineInserts(application.services, sweep.emailsQueued);
    return {
      engine,
      letters: letterCount,
      lettersExamined: sweep.lettersExamined,
      emailsQueued: sweep.emailsQueued,
      sweepSeconds: round(sweepSeconds, 2),
      emailsQueuedPerSecond: round(sweep.emailsQueued / sweepSeconds, 0),
      baselineInsertSeconds: round(baselineSeconds, 2),
      ratioToBaseline: round(sweepSeconds / baselineSeconds, 2),
      secondSweepSeconds: round(againSeconds, 2),
      secondSweepQueued: again.emailsQueued,
    };
  } finally {
    await application.close();
    data.remove();
  }
}

const results = await onEachEngine(measure);
console.log(`Reminder sweep over ${letterCount} letters (ratio = sweep time ÷ plain INSERT of the same number of email rows)`);
console.table(results);
