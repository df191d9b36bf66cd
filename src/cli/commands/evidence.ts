import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { getCaseByReference } from '../../modules/cases/cases.service.ts';
import { archiveSource } from '../../modules/evidence/archive-source.service.ts';
import { bundleCase, readInstancePublicKey, verifyBundle } from '../../modules/evidence/case-bundle.service.ts';
import { systemActor } from '../../modules/users/actor.ts';
import { errorCodes } from '../../shared/errors.ts';
import type { CliContext } from '../context.ts';

export function registerEvidenceCommands(program: Command, cli: CliContext): void {
  const actor = systemActor('cli');

  program
    .command('archive')
    .description('archive a web page into a case: a new capture (WARC, body, text) every time')
    .argument('<url>', 'the address to archive')
    .requiredOption('--case <id>', 'the case (id or slug)')
    .option('--source <id>', 'add the capture to this source instead of creating one')
    .option('--json', 'print {"sourceId","captureId","sha256"} (sha256: of the response body)')
    .action(async (url: string, options: { case: string; source?: string; json?: boolean }) => {
      const { source, capture } = await cli.withApplication(async ({ services }) => {
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
      const written = await cli.withApplication(async ({ services }) => {
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
      const publicKeyPem = options.key ? await readFile(options.key, 'utf8') : await readInstancePublicKey(cli.config().dataDir);
      const verdict = await verifyBundle(file, publicKeyPem);
      if (verdict.ok) {
        console.log(`The bundle is intact and signed by this key: ${verdict.payloadFiles} files, ${verdict.payloadBytes} bytes.`);
      } else {
        console.error(`The bundle fails verification at ${verdict.firstFailure.path}: ${verdict.firstFailure.reason}`);
        process.exitCode = errorCodes.INTEGRITY_FAILED.exitCode;
      }
    });
}
