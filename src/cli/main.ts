import { Command } from 'commander';
import { AppError, errorCodes } from '../shared/errors.ts';
import { registerAccountCommands } from './commands/accounts.ts';
import { registerCorrespondenceCommands } from './commands/correspondence.ts';
import { registerEvidenceCommands } from './commands/evidence.ts';
import { registerImporterCommands } from './commands/importer.ts';
import { registerRecordCommands } from './commands/record.ts';
import { registerServerCommands } from './commands/server.ts';
import { cliContext } from './context.ts';

/**
 * The `answerable` command. Each command is a thin adapter: it parses its options, calls one
 * service function as the system, and prints the result; errors leave with the error table's
 * exit code.
 */
const program = new Command('answerable')
  .description('Answerable: the record of what technology companies were asked, what they answered, and what they did.')
  .option('--data <dir>', 'the data folder (SQLite database, blobs, keys)', './data')
  .option('--database-url <url>', 'use PostgreSQL at this URL instead of SQLite (or set DATABASE_URL)')
  .showHelpAfterError();

const cli = cliContext(program);
for (const register of [registerServerCommands, registerAccountCommands, registerRecordCommands, registerEvidenceCommands, registerImporterCommands, registerCorrespondenceCommands]) {
  register(program, cli);
}

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
