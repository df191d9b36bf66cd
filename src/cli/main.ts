import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { type Application, openApplication, startServer } from '../main.ts';
import { verifyAudit } from '../modules/audit/audit.service.ts';
import { getCaseByReference } from '../modules/cases/cases.service.ts';
import { loadDemo } from '../modules/demo/load-demo.ts';
import { archiveSource } from '../modules/evidence/archive-source.service.ts';
import { bundleCase, readInstancePublicKey, verifyBundle } from '../modules/evidence/case-bundle.service.ts';
import { exportRecord } from '../modules/export/export-record.ts';
import { jobDefinitions } from '../modules/jobs/definitions.ts';
import { countJobs } from '../modules/jobs/job-queue.ts';
import { runDueJobs, startWorker } from '../modules/jobs/worker.ts';
import { sendLetterInput } from '../modules/letters/letter-lifecycle.ts';
import { getLetterStatus, sendLetter } from '../modules/letters/letter-lifecycle.service.ts';
import { sweepReminders } from '../modules/reminders/reminders.service.ts';
import { findCompanyId, getCompanyScorecard } from '../modules/scorecards/scorecards.service.ts';
import { registerExtractCommand } from '../modules/importer/extract.command.ts';
import { formatImportSummary, importTarget } from '../modules/importer/import.command.ts';
import { importArticle } from '../modules/importer/import-article.service.ts';
import { publicActor, systemActor, staffRoles } from '../modules/users/actor.ts';
import { createApiToken, createUser } from '../modules/users/users.service.ts';
import { userInput } from '../modules/users/user.ts';
import { AppError, errorCodes } from '../shared/errors.ts';
import { validationError } from '../shared/http.ts';
import { progressBar } from './progress.ts';

/**
 * The `answerable` command. Each command is a thin adapter: it parses its options, calls one
 * service function as the system (or the named user), and prints the result.
 */
const program = new Command('answerable')
  .description('Answerable: the record of what technology companies were asked, what they answered, and what they did.')
  .option('--data <dir>', 'the data folder (SQLite database, blobs, keys)', './data')
  .option('--database-url <url>', 'use PostgreSQL at this URL instead of SQLite (or set DATABASE_URL)')
  .showHelpAfterError();

function config(extra: Partial<Config> = {}): Config {
  const options = program.opts<{ data: string; databaseUrl?: string }>();
  return loadConfig({ dataDir: options.data, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), ...extra });
}

async function withApplication<T>(work: (application: Application) => Promise<T>): Promise<T> {
  const application = await openApplication(config());
  try {
    return await work(application);
  } finally {
    await application.close();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; pipe it in to hide it): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

program
  .command('serve')
  .description('start the web server and API')
  .option('--port <port>', 'port to listen on (or PORT)')
  .option('--host <host>', 'address to listen on (or HOST)')
  .action(async (options: { port?: string; host?: string }) => {
    const port = options.port === undefined ? undefined : Number(options.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw AppError.invalid('port', 'must be a whole number from 0 to 65535');
    const server = await startServer(config({ ...(port !== undefined ? { port } : {}), ...(options.host ? { host: options.host } : {}) }));
    console.log(`Answerable is running at ${server.url}`);
    if (server.setupLink) console.log(`\nNo accounts yet. Create the first admin account (this link works once, for 24 hours):\n  ${server.setupLink}\n`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('create or update the database schema')
  .action(async () => {
    const database = openDatabase(config());
    try {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description('create an account; the password is read from standard input')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .addOption(new Option('--role <role>').choices(staffRoles).makeOptionMandatory())
  .option('--organization <id>', 'the organisation the user works for')
  .action(async (options: { email: string; name: string; role: string; organization?: string }) => {
    const password = await readStdin();
    const parsed = userInput.safeParse({ ...options, organizationId: options.organization ?? null, password });
    if (!parsed.success) throw validationError(parsed.error.issues);
    const created = await withApplication(({ services }) => createUser(services, systemActor('cli'), parsed.data));
    console.log(`Created ${created.role} ${created.email} (${created.id})`);
  });

program
  .command('token')
  .description('API tokens')
  .command('create')
  .description('create an API token for an account and print only the token')
  .requiredOption('--email <email>')
  .option('--label <label>', 'what the token is for')
  .action(async (options: { email: string; label?: string }) => {
    const { token } = await withApplication(({ services }) => createApiToken(services, systemActor('cli'), options));
    console.log(token);
  });

program
  .command('audit')
  .description('the tamper-evident history')
  .command('verify')
  .description('check every entry of the audit chain; exits non-zero naming the first bad entry')
  .action(async () => {
    const bar = progressBar('Verifying');
    const verdict = await withApplication(({ services }) => verifyAudit(services, (done, total) => bar.update(done, total)));
    bar.stop();
    if (verdict.ok) {
      console.log(`The history is intact: ${verdict.entries} entries, head ${verdict.headHash}`);
    } else {
      console.error(`The history has been tampered with at entry ${verdict.badSeq}: ${verdict.reason}`);
      process.exitCode = errorCodes.INTEGRITY_FAILED.exitCode;
    }
  });

program
  .command('demo')
  .description('load the worked example (Microsoft, Azure and Unit 8200); running it again changes nothing')
  .action(async () => {
    const { caseId, created } = await withApplication(({ services }) => loadDemo(services, (step) => process.stderr.write(`Loading ${step}…\n`)));
    console.log(created ? `Loaded the demo case ${caseId} (${created} records).` : `The demo case ${caseId} is already loaded; nothing changed.`);
  });

program
  .command('export')
  .description('export the whole record')
  .addOption(new Option('--format <format>').choices(['json']).default('json'))
  .option('--out <file>', 'write to this file instead of standard output')
  .action(async (options: { out?: string }) => {
    const bar = progressBar('Exporting cases');
    const record = await withApplication(({ services }) => exportRecord(services, systemActor('export'), (done, total) => bar.update(done, total)));
    bar.stop();
    const output = options.out ? createWriteStream(options.out) : process.stdout;
    await new Promise<void>((resolve, reject) => output.write(`${JSON.stringify(record, null, 2)}\n`, (error) => (error ? reject(error) : resolve())));
    if (options.out) await new Promise((resolve) => (output as ReturnType<typeof createWriteStream>).end(resolve));
  });

registerExtractCommand(program);

program
  .command('import')
  .description('import a news article (.txt or .html file, or a URL to archive) into a case’s review queue')
  .argument('<file-or-url>', 'the article: a file, or an http(s) address')
  .requiredOption('--case <id>', 'the case (id or slug)')
  .option('--published <date>', "the article's publication date, YYYY-MM-DD (default: the page's date, else today)")
  .option('--json', 'print the import, its text and its suggestions as JSON')
  .action(async (target: string, options: { case: string; published?: string; json?: boolean }) => {
    const actor = systemActor('cli');
    const from = await importTarget(target);
    const review = await withApplication(async ({ services }) => {
      const detail = await getCaseByReference(services, actor, options.case);
      return importArticle(services, actor, detail.id, from, { published: options.published });
    });
    process.stdout.write(options.json ? `${JSON.stringify(review, null, 2)}\n` : formatImportSummary(review));
  });

program
  .command('archive')
  .description('archive a web page into a case: a new capture (WARC, body, text) every time')
  .argument('<url>', 'the address to archive')
  .requiredOption('--case <id>', 'the case (id or slug)')
  .option('--source <id>', 'add the capture to this source instead of creating one')
  .option('--json', 'print {"sourceId","captureId","sha256"} (sha256: of the response body)')
  .action(async (url: string, options: { case: string; source?: string; json?: boolean }) => {
    const actor = systemActor('cli');
    const { source, capture } = await withApplication(async ({ services }) => {
      const detail = await getCaseByReference(services, actor, options.case);
      return archiveSource(services, actor, detail.id, { url, ...(options.source ? { sourceId: options.source } : {}) });
    });
    if (options.json) console.log(JSON.stringify({ sourceId: source.id, captureId: capture.id, sha256: capture.body.sha256 }));
    else console.log(`Archived ${capture.finalUrl} (HTTP ${capture.status}) as capture ${capture.id} of source ${source.id}; body SHA-256 ${capture.body.sha256}`);
  });

program
  .command('bundle')
  .description('write a signed BagIt bundle of a case (full by default; --public: only what is published)')
  .argument('<case>', 'the case (id or slug)')
  .requiredOption('--out <file>', 'the zip file to write')
  .option('--public', 'only what the public may read')
  .action(async (reference: string, options: { out: string; public?: boolean }) => {
    const actor = systemActor('cli');
    const written = await withApplication(async ({ services }) => {
      const detail = await getCaseByReference(services, actor, reference);
      return bundleCase(services, actor, detail.id, { outFile: options.out, scope: options.public ? 'public' : 'full' });
    });
    console.log(`Wrote ${written.scope} bundle ${written.file}: ${written.payloadFiles} files, ${written.payloadBytes} bytes.`);
  });

program
  .command('verify')
  .description('check a case bundle: every hash and the signature; exits non-zero naming the first file that fails')
  .argument('<file>', 'the bundle (zip)')
  .option('--key <pem>', "the signer's public key (default: this instance's key)")
  .action(async (file: string, options: { key?: string }) => {
    const publicKeyPem = options.key ? await readFile(options.key, 'utf8') : await readInstancePublicKey(config().dataDir);
    const verdict = await verifyBundle(file, publicKeyPem);
    if (verdict.ok) {
      console.log(`The bundle is intact and signed by this key: ${verdict.payloadFiles} files, ${verdict.payloadBytes} bytes.`);
    } else {
      console.error(`The bundle fails verification at ${verdict.firstFailure.path}: ${verdict.firstFailure.reason}`);
      process.exitCode = errorCodes.INTEGRITY_FAILED.exitCode;
    }
  });

const jobs = program.command('jobs').description('the background job queue (reminders, deliveries)');
jobs
  .command('run')
  .description('run the jobs that are due now, then stop (schedule this, or let `serve` run them)')
  .option('--sweep', 'run the reminder sweep first')
  .action(async (options: { sweep?: boolean }) => {
    const result = await withApplication(async ({ services }) => {
      const swept = options.sweep ? await sweepReminders(services) : undefined;
      return { swept, ran: await runDueJobs(services, jobDefinitions), counts: await countJobs(services.db) };
    });
    if (result.swept) console.log(`Sweep: ${result.swept.lettersExamined} letters examined, ${result.swept.emailsQueued} emails queued, ${result.swept.followUpsCreated} follow-ups created.`);
    console.log(`Ran ${result.ran.succeeded} jobs (${result.ran.failed} failed). Queue: ${result.counts.pending} pending, ${result.counts.done} done, ${result.counts.failed} given up.`);
  });
jobs
  .command('work')
  .description('run a worker until stopped (for servers started with ANSWERABLE_RUN_JOBS=false)')
  .action(async () => {
    const application = await openApplication(config());
    const worker = startWorker(application.services, jobDefinitions);
    console.log('Working; stop with Ctrl-C.');
    const stop = () => void worker.stop().then(() => application.close()).then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const letterCommand = program.command('letter').description('letters to companies');
letterCommand
  .command('status')
  .description("a letter's status, computed now")
  .argument('<id>')
  .action(async (letterId: string) => {
    const status = await withApplication(({ services }) => getLetterStatus(services, systemActor('cli'), letterId));
    console.log(status.summary);
    for (const question of status.questions) console.log(`  ${question.number}. ${question.state.replaceAll('_', ' ')}`);
  });
letterCommand
  .command('send')
  .description('send an approved letter to the company contacts (each gets a single-use link to the portal)')
  .argument('<id>')
  .requiredOption('--to <emails...>', 'contact email addresses')
  .action(async (letterId: string, options: { to: string[] }) => {
    const parsed = sendLetterInput.safeParse({ contacts: options.to.map((email) => ({ email })) });
    if (!parsed.success) throw validationError(parsed.error.issues);
    const sent = await withApplication(async ({ services }) => {
      const result = await sendLetter(services, systemActor('cli'), letterId, parsed.data);
      await runDueJobs(services, jobDefinitions);
      return result;
    });
    console.log(`Sent "${sent.letter.subject}" to ${sent.contacts.join(', ')}.`);
    if (sent.delivery === 'outbox') console.log(`No SMTP server is configured: the emails are .eml files in ${sent.outboxDir}`);
  });

program
  .command('scorecard')
  .description("a company's scorecard (by id or exact name), as JSON")
  .argument('<company>')
  .action(async (reference: string) => {
    const scorecard = await withApplication(async ({ services }) => getCompanyScorecard(services, publicActor, await findCompanyId(services, reference)));
    console.log(JSON.stringify(scorecard, null, 2));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    console.error(`answerable: ${error.message}`);
    process.exitCode = errorCodes[error.code].exitCode;
  } else {
    console.error(error instanceof Error ? `answerable: ${error.message}` : error);
    process.exitCode = 1;
  }
}
