/**
 * The portal's letter page (GET /portal/letters/:id, a signed-in respondent, a seven-question letter
 * with a submitted response) in requests per second with 50 connections, against the server's
 * trivial /health route in the same run, on SQLite and on PostgreSQL.
 *
 *   node bin/run-ts.js bench/portal.ts [--seconds 10] [--connections 50]
 */
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { openApplication, startServer } from '../src/main.ts';
import { createCase } from '../src/modules/cases/cases.service.ts';
import { jobDefinitions } from '../src/modules/jobs/definitions.ts';
import { runDueJobs } from '../src/modules/jobs/worker.ts';
import { createLetter } from '../src/modules/letters/letters.service.ts';
import { approveLetter, sendLetter } from '../src/modules/letters/letter-lifecycle.service.ts';
import { createOrganization } from '../src/modules/organizations/organizations.service.ts';
import { acceptInvitation } from '../src/modules/portal/invitations.service.ts';
import { mintInvitationLink } from '../src/modules/portal/invitations.service.ts';
import { saveAnswerDraft, submitResponse } from '../src/modules/portal/portal.service.ts';
import { systemActor } from '../src/modules/users/actor.ts';
import { actorOf, createUser } from '../src/modules/users/users.service.ts';
import { onEachEngine, round, temporaryDataDir } from './support.ts';

const option = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const seconds = option('--seconds', 10);
const connections = option('--connections', 50);

async function measure(engine: 'sqlite' | 'postgres', databaseUrl: string | undefined) {
  const data = temporaryDataDir();
  const application = await openApplication({ dataDir: data.dir, databaseUrl });
  const services = application.services;
  const admin = systemActor('bench');
  const company = await createOrganization(services, admin, { name: 'Bench Company', kind: 'company', parentId: null, aliases: [], description: null, website: null });
  const ngo = await createOrganization(services, admin, { name: 'Bench NGO', kind: 'ngo', parentId: null, aliases: [], description: null, website: null });
  const editor = await createUser(services, admin, { email: 'editor@bench.example', name: 'Editor', role: 'editor', password: 'a long enough passphrase', organizationId: ngo.id });
  const caseId = (await createCase(services, actorOf(editor), { title: 'Bench', summary: '', visibility: 'private', companyIds: [company.id], members: [] })).id;
  const letter = await createLetter(services, actorOf(editor), {
    caseId,
    recipientId: company.id,
    signatoryIds: [ngo.id],
    signatoryCount: null,
    subject: 'Seven questions',
    body: 'Please answer each question.',
    demands: ['Suspend the contract.'],
    questions: Array.from({ length: 7 }, (_, index) => `Question ${index + 1}: ${'Explain the due diligence you carried out. '.repeat(4)}`),
    sentOn: null,
    responseDeadline: { date: '2030-01-01', time: '23:59', timeZone: 'UTC' },
    publishedOn: null,
    followsLetterId: null,
  });
  await approveLetter(services, actorOf(editor), letter.id);
  await sendLetter(services, actorOf(editor), letter.id, { contacts: [{ email: 'counsel@company.example', name: null }] });
  const invitation = await services.db.selectFrom('invitations').select('id').executeTakeFirstOrThrow();
  const link = (await mintInvitationLink(services, invitation.id))!;
  const { user, sessionToken } = await acceptInvitation(services, link.url.split('/').at(-1)!, { name: 'Counsel', password: 'a long enough passphrase' });
  const respondent = actorOf(user);
  for (let number = 1; number <= 7; number += 1) await saveAnswerDraft(services, respondent, letter.id, number, { text: `Answer ${number}. ${'We take these concerns seriously. '.repeat(10)}` });
  await submitResponse(services, respondent, letter.id, { coverNote: '' });
  await runDueJobs(services, jobDefinitions);
  const server = await startServer({ ...loadConfig({ dataDir: data.dir, port: 0 }), runJobs: false }, application);
  try {
    const health = await autocannon({ url: `${server.url}/health`, connections, duration: seconds });
    const portal = await autocannon({ url: `${server.url}/portal/letters/${letter.id}`, connections, duration: seconds, headers: { cookie: `answerable_session=${sessionToken}` } });
    return {
      engine,
      healthRequestsPerSecond: round(health.requests.average, 0),
      portalRequestsPerSecond: round(portal.requests.average, 0),
      ratioToHealth: round(portal.requests.average / health.requests.average, 3),
      errors: portal.errors + portal.non2xx,
      p99LatencyMs: portal.latency.p99,
    };
  } finally {
    // Let the last in-flight requests finish before the database closes under them.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.close();
    await application.close();
    data.remove();
  }
}

const results = await onEachEngine(measure);
console.log(`Portal letter page (${connections} connections, ${seconds} s each; ratio = page requests/s ÷ /health requests/s)`);
console.table(results);
