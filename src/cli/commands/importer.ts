import type { Command } from 'commander';
import { getCaseByReference } from '../../modules/cases/cases.service.ts';
import { registerExtractCommand } from '../../modules/importer/extract.command.ts';
import { formatImportSummary, importTarget } from '../../modules/importer/import.command.ts';
import { importArticle } from '../../modules/importer/import-article.service.ts';
import { systemActor } from '../../modules/users/actor.ts';
import type { CliContext } from '../context.ts';

export function registerImporterCommands(program: Command, cli: CliContext): void {
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
      const review = await cli.withApplication(async ({ services }) => {
        const detail = await getCaseByReference(services, actor, options.case);
        return importArticle(services, actor, detail.id, from, { published: options.published });
      });
      process.stdout.write(options.json ? `${JSON.stringify(review, null, 2)}\n` : formatImportSummary(review));
    });
}
