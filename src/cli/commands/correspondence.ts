import type { Command } from 'commander';
import { openApplication } from '../../main.ts';
import { jobDefinitions } from '../../modules/jobs/definitions.ts';
import { countJobs } from '../../modules/jobs/job-queue.ts';
import { runDueJobs, startWorker } from '../../modules/jobs/worker.ts';
import { sendLetterInput } from '../../modules/letters/letter-lifecycle.ts';
import { getLetterStatus, sendLetter } from '../../modules/letters/letter-lifecycle.service.ts';
import { sweepReminders } from '../../modules/reminders/reminders.service.ts';
import { findCompanyId, getCompanyScorecard } from '../../modules/scorecards/scorecards.service.ts';
import { publicActor, systemActor } from '../../modules/users/actor.ts';
import { validationError } from '../../shared/http.ts';
import type { CliContext } from '../context.ts';

export function registerCorrespondenceCommands(program: Command, cli: CliContext): void {
  const jobs = program.command('jobs').description('the background job queue (reminders, deliveries)');
  jobs
    .command('run')
    .description('run the jobs that are due now, then stop (schedule this, or let `serve` run them)')
    .option('--sweep', 'run the reminder sweep first')
    .action(async (options: { sweep?: boolean }) => {
      const result = await cli.withApplication(async ({ services }) => {
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
      const application = await openApplication(cli.config());
      const worker = startWorker(application.services, jobDefinitions);
      console.log('Working; stop with Ctrl-C.');
      const stop = () => void worker.stop().then(() => application.close()).then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  const letter = program.command('letter').description('letters to companies');
  letter
    .command('status')
    .description("a letter's status, computed now")
    .argument('<id>')
    .action(async (letterId: string) => {
      const status = await cli.withApplication(({ services }) => getLetterStatus(services, systemActor('cli'), letterId));
      console.log(status.summary);
      for (const question of status.questions) console.log(`  ${question.number}. ${question.state.replaceAll('_', ' ')}`);
    });
  letter
    .command('send')
    .description('send an approved letter to the company contacts (each gets a single-use link to the portal)')
    .argument('<id>')
    .requiredOption('--to <emails...>', 'contact email addresses')
    .action(async (letterId: string, options: { to: string[] }) => {
      const parsed = sendLetterInput.safeParse({ contacts: options.to.map((email) => ({ email })) });
      if (!parsed.success) throw validationError(parsed.error.issues);
      const sent = await cli.withApplication(async ({ services }) => {
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
      const scorecard = await cli.withApplication(async ({ services }) => getCompanyScorecard(services, publicActor, await findCompanyId(services, reference)));
      console.log(JSON.stringify(scorecard, null, 2));
    });
}
