import { createWriteStream } from 'node:fs';
import { type Command, Option } from 'commander';
import { verifyAudit } from '../../modules/audit/audit.service.ts';
import { loadDemo } from '../../modules/demo/load-demo.ts';
import { exportRecord } from '../../modules/export/export-record.ts';
import { systemActor } from '../../modules/users/actor.ts';
import { errorCodes } from '../../shared/errors.ts';
import type { CliContext } from '../context.ts';
import { progressBar } from '../progress.ts';

export function registerRecordCommands(program: Command, cli: CliContext): void {
  program
    .command('audit')
    .description('the tamper-evident history')
    .command('verify')
    .description('check every entry of the audit chain; exits non-zero naming the first bad entry')
    .action(async () => {
      const bar = progressBar('Verifying');
      const verdict = await cli.withApplication(({ services }) => verifyAudit(services, (done, total) => bar.update(done, total)));
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
      const { caseId, created } = await cli.withApplication(({ services }) => loadDemo(services, (step) => process.stderr.write(`Loading ${step}…\n`)));
      console.log(created ? `Loaded the demo case ${caseId} (${created} records).` : `The demo case ${caseId} is already loaded; nothing changed.`);
    });

  program
    .command('export')
    .description('export the whole record')
    .addOption(new Option('--format <format>').choices(['json']).default('json'))
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: { out?: string }) => {
      const bar = progressBar('Exporting cases');
      const record = await cli.withApplication(({ services }) => exportRecord(services, systemActor('export'), (done, total) => bar.update(done, total)));
      bar.stop();
      const output = options.out ? createWriteStream(options.out) : process.stdout;
      await new Promise<void>((resolve, reject) => output.write(`${JSON.stringify(record, null, 2)}\n`, (error) => (error ? reject(error) : resolve())));
      if (options.out) await new Promise((resolve) => (output as ReturnType<typeof createWriteStream>).end(resolve));
    });
}
