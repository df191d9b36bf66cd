import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApplication } from '../src/main.ts';
import { defineJob } from '../src/modules/jobs/job.ts';
import { claimJobs, countJobs, enqueueJobs } from '../src/modules/jobs/job-queue.ts';
import { deliverEmailJob, jobDefinitions } from '../src/modules/jobs/definitions.ts';
import { runDueJobs, scheduleSweep } from '../src/modules/jobs/worker.ts';
import { createLetter } from '../src/modules/letters/letters.service.ts';
import { sweepReminders } from '../src/modules/reminders/reminders.service.ts';
import { recordResponse } from '../src/modules/responses/responses.service.ts';
import type { ServiceContext } from '../src/shared/service-context.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { readOutbox } from './support/correspondence.ts';
import { buildCase, buildCompany, buildOrganization, buildUser } from './support/factories.ts';

const hour = 3600 * 1000;

/** The durable queue and the reminder sweep: at least once, never twice, across crashes and restarts. */
describe.each(engines)('jobs and reminders on %s', (engine) => {
  let app: TestApplication;
  const expectedKeys: string[] = [];

  beforeAll(async () => {
    app = await openTestApplication(engine, { at: '2026-01-15T12:00:00Z' });
    const services = app.services;
    const editor = await buildUser(services, 'editor');
    const company = await buildCompany(services);
    const signatory = await buildOrganization(services);
    const caseId = (await buildCase(services, editor.actor)).id;
    const now = app.clock.now().getTime();
    // 40 letters: deadlines 3 days ahead (the 7-day reminder is due), 12 hours ahead (the 1-day one),
    // 2 days ago (overdue: the editors are told), 20 days ahead (nothing yet), and answered ones (nothing).
    const offsets = [3 * 24 * hour, 12 * hour, -2 * 24 * hour, 20 * 24 * hour, 3 * 24 * hour];
    for (let index = 0; index < 40; index += 1) {
      const offset = offsets[index % offsets.length]!;
      const deadline = new Date(now + offset);
      const letter = await createLetter(services, editor.actor, {
        caseId,
        recipientId: company.id,
        signatoryIds: [signatory.id],
        signatoryCount: null,
        subject: `Letter ${index}`,
        body: '',
        demands: [],
        questions: ['Why?'],
        sentOn: '2026-01-01',
        responseDeadline: { date: deadline.toISOString().slice(0, 10), time: deadline.toISOString().slice(11, 16), timeZone: 'UTC' },
        publishedOn: null,
        followsLetterId: null,
      });
      await services.db.insertInto('letter_contacts').values({ letter_id: letter.id, email: `contact-${index}@company.example`, name: null, added_at: '2026-01-01T00:00:00.000Z' }).execute();
      const answered = index % offsets.length === 4;
      if (answered) {
        await recordResponse(services, editor.actor, letter.id, { receivedOn: '2026-01-10', text: 'An answer.', answers: [], supersedesId: null });
        continue;
      }
      const deadlineAt = (await services.db.selectFrom('letters').select('response_deadline_at').where('id', '=', letter.id).executeTakeFirstOrThrow()).response_deadline_at!;
      if (offset === 3 * 24 * hour) expectedKeys.push(`reminder:${letter.id}:7d:${deadlineAt}`);
      if (offset === 12 * hour) expectedKeys.push(`reminder:${letter.id}:1d:${deadlineAt}`);
      if (offset < 0) expectedKeys.push(`overdue:${letter.id}:${deadlineAt}`);
    }
  });
  let closeReopened: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await closeReopened?.();
    await app.destroy();
  });

  async function reminderRows(services: ServiceContext) {
    return services.db.selectFrom('outbound_emails').select(['idempotency_key', 'sent_at']).where('kind', 'in', ['reminder', 'overdue']).execute();
  }

  it('survives a crash in the middle of a sweep and a restart: every reminder once, none twice', async () => {
    // The sweep crashes (an exception, as a dying process would leave it) after its second batch.
    let crashes = 0;
    const crashingSweep = defineJob({
      name: 'sweep-reminders',
      version: 1,
      payload: jobDefinitions.find((definition) => definition.name === 'sweep-reminders')!.payload,
      maxAttempts: 3,
      handle: async (ctx) => {
        await sweepReminders(ctx, {
          batchSize: 5,
          afterBatch: (batch) => {
            if (batch === 2) {
              crashes += 1;
              throw new Error('simulated crash in the middle of the sweep');
            }
          },
        });
      },
    });
    await scheduleSweep(app.services, 15 * 60_000);
    const first = await runDueJobs(app.services, [crashingSweep, deliverEmailJob] as never);
    expect(crashes).toBe(1);
    expect(first.failed).toBe(1);
    const partial = await reminderRows(app.services);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(expectedKeys.length);

    // A restart: a new application on the same database, running the real jobs after the back-off.
    await app.close();
    const restarted = await openApplication({ dataDir: app.dataDir, databaseUrl: app.databaseUrl }, app.clock);
    try {
      app.clock.advance(60_000);
      await runDueJobs(restarted.services, jobDefinitions);
      // A second sweep (the next period, or another server) adds nothing.
      await sweepReminders(restarted.services, { batchSize: 7 });
      await runDueJobs(restarted.services, jobDefinitions);
      const rows = await reminderRows(restarted.services);
      expect(rows.map((row) => row.idempotency_key).sort()).toEqual([...expectedKeys].sort());
      expect(rows.every((row) => row.sent_at !== null)).toBe(true);
      const delivered = readOutbox(app.dataDir).filter((mail) => /^(Reminder|Overdue)/.test(mail.subject));
      expect(delivered).toHaveLength(expectedKeys.length);
      expect(new Set(delivered.map((mail) => mail.messageId)).size).toBe(expectedKeys.length);
      expect(await countJobs(restarted.services.db)).toMatchObject({ pending: 0 });
    } finally {
      await restarted.close();
      // The rest of the file uses the application again.
      const reopened = await openApplication({ dataDir: app.dataDir, databaseUrl: app.databaseUrl }, app.clock);
      Object.assign(app, { services: reopened.services, database: reopened.database });
      closeReopened = reopened.close;
    }
  });

  it('hands the jobs of a worker that died to another once its lease runs out, delivering each message once', async () => {
    const services = app.services;
    app.clock.advance(24 * hour); // The 12-hour letters are now overdue: new messages to deliver.
    await sweepReminders(services);
    const pending = (await countJobs(services.db)).pending;
    expect(pending).toBeGreaterThan(0);
    // Worker A claims everything and dies without finishing.
    const claimed = await claimJobs(services, { workerId: 'worker-a', limit: 1000, leaseMs: 60_000 });
    expect(claimed).toHaveLength(pending);
    // Within the lease, nobody else may take them.
    expect(await runDueJobs(services, jobDefinitions, { workerId: 'worker-b' })).toEqual({ succeeded: 0, failed: 0 });
    app.clock.advance(61_000);
    expect(await runDueJobs(services, jobDefinitions, { workerId: 'worker-b' })).toEqual({ succeeded: pending, failed: 0 });
    const overdue = readOutbox(app.dataDir).filter((mail) => mail.subject.startsWith('Overdue'));
    expect(new Set(overdue.map((mail) => mail.messageId)).size).toBe(overdue.length);
    const rows = await services.db.selectFrom('outbound_emails').select('idempotency_key').where('kind', '=', 'overdue').execute();
    expect(overdue).toHaveLength(rows.length);
  });

  it('retries a handler that fails after sending, without a second copy in the outbox', async () => {
    const services = app.services;
    await services.db.insertInto('outbound_emails').values({ id: '01900000-0000-7000-8000-00000000abcd', idempotency_key: 'test:retry', kind: 'overdue', recipients: '[]', payload: '{}', created_at: '2026-01-01T00:00:00.000Z', sent_at: null, transport: null }).execute();
    let attempts = 0;
    const flaky = defineJob({
      name: 'flaky',
      version: 1,
      payload: deliverEmailJob.payload,
      handle: async () => {
        attempts += 1;
        await services.mail!.mailer.send({ idempotencyKey: 'test:retry', to: ['x@example.org'], subject: 'Once', text: 'Only once.' });
        if (attempts === 1) throw new Error('crashed after sending, before marking');
      },
    });
    await enqueueJobs(services.db, [{ name: 'flaky', version: 1, payload: { emailId: 'x' }, uniqueKey: 'flaky:1' }], services.clock.now().toISOString());
    expect(await enqueueJobs(services.db, [{ name: 'flaky', version: 1, payload: { emailId: 'x' }, uniqueKey: 'flaky:1' }], services.clock.now().toISOString())).toBe(0);
    expect(await runDueJobs(services, [flaky] as never)).toEqual({ succeeded: 0, failed: 1 });
    app.clock.advance(11_000);
    expect(await runDueJobs(services, [flaky] as never)).toEqual({ succeeded: 1, failed: 0 });
    expect(readOutbox(app.dataDir).filter((mail) => mail.subject === 'Once')).toHaveLength(1);
  });
});
