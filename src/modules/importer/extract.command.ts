/**
 * `answerable extract FILE --published YYYY-MM-DD [--json]`: turns a news article (.txt or .html)
 * into draft records. With --json it prints one JSON object; otherwise a short summary.
 */
import type { Command } from 'commander';
import { errorCodes, isAppError, AppError } from '../../shared/errors.ts';
import type { Extraction } from './extraction/types.ts';

interface ExtractCommandOptions {
  published: string;
  json?: boolean;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('Extract draft records (organisations, people, quotes, events, letters) from a news article')
    .argument('<file>', 'the article, as .txt or .html')
    .requiredOption('--published <date>', "the article's publication date, YYYY-MM-DD (relative dates resolve against it)")
    .option('--json', 'print the records as one JSON object')
    .action(async (file: string, options: ExtractCommandOptions) => {
      process.exitCode = await runExtract(file, options);
    });
}

/** The command's work, returning the exit code; output goes to stdout, errors to stderr. */
export async function runExtract(file: string, options: ExtractCommandOptions): Promise<number> {
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.published)) throw AppError.invalid('published', 'must be a date YYYY-MM-DD');
    // Loaded on use: the NLP libraries take a third of a second that other commands need not pay.
    const [{ readArticleFile }, { extractArticle }] = await Promise.all([import('./extraction/read-article-file.ts'), import('./extraction/extract-article.ts')]);
    const article = await readArticleFile(file);
    const extraction = extractArticle(article.text, { published: options.published });
    process.stdout.write(options.json ? `${JSON.stringify(extraction, null, 2)}\n` : formatSummary(extraction));
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    process.stderr.write(`answerable extract: ${error.message}\n`);
    return errorCodes[error.code].exitCode;
  }
}

export function formatSummary(extraction: Extraction): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    lines.push(`${title} (${items.length})`);
    for (const item of items) lines.push(`  - ${item}`);
  };
  section('Organisations', extraction.organizations.map((o) => `${o.name} [${o.kind}]${o.aliases.length ? ` aka ${o.aliases.join(', ')}` : ''}`));
  section('People', extraction.people.map((p) => [p.name, p.title, p.affiliation].filter(Boolean).join(', ')));
  section('Quotes', extraction.quotes.map((q) => `${q.speaker}: "${q.text.length > 80 ? `${q.text.slice(0, 77)}...` : q.text}"`));
  section('Events', extraction.events.map((e) => `${e.date ?? 'undated'} ${e.type}: ${e.actor ?? '?'}${e.target ? ` -> ${e.target}` : ''}`));
  section('Letters', extraction.letters.map((l) =>
    `${l.senders.join(', ') || '?'} (${l.senderCount} signatories) -> ${l.recipient}: ${l.questionCount ?? '?'} questions, sent ${l.sent ?? '?'}, deadline ${l.deadline ?? '?'}, published ${l.published ?? '?'}`));
  return `${lines.join('\n')}\n`;
}
