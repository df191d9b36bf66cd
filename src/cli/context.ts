import type { Command } from 'commander';
import { type Config, loadConfig } from '../config.ts';
import { type Application, openApplication } from '../main.ts';

/** What every command needs: the configuration from the global options, and an open application. */
export interface CliContext {
  config(extra?: Partial<Config>): Config;
  withApplication<T>(work: (application: Application) => Promise<T>): Promise<T>;
}

export function cliContext(program: Command): CliContext {
  const config = (extra: Partial<Config> = {}) => {
    const options = program.opts<{ data: string; databaseUrl?: string }>();
    return loadConfig({ dataDir: options.data, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), ...extra });
  };
  return {
    config,
    async withApplication(work) {
      const application = await openApplication(config());
      try {
        return await work(application);
      } finally {
        await application.close();
      }
    },
  };
}

/** A secret from standard input: piped in scripts; typed (and shown) at a terminal. */
export async function readStdin(prompt: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
