import type { Command } from 'commander';
import { migrateToLatest, openDatabase } from '../../db/database.ts';
import { startServer } from '../../main.ts';
import { AppError } from '../../shared/errors.ts';
import type { CliContext } from '../context.ts';

export function registerServerCommands(program: Command, cli: CliContext): void {
  program
    .command('serve')
    .description('start the web server and API')
    .option('--port <port>', 'port to listen on (or PORT)')
    .option('--host <host>', 'address to listen on (or HOST)')
    .action(async (options: { port?: string; host?: string }) => {
      const port = options.port === undefined ? undefined : Number(options.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw AppError.invalid('port', 'must be a whole number from 0 to 65535');
      const server = await startServer(cli.config({ ...(port !== undefined ? { port } : {}), ...(options.host ? { host: options.host } : {}) }));
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
      const database = openDatabase(cli.config());
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
    });
}
