import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The environment is read and validated here, once. Nothing else reads process.env: the rest of the
 * code receives a Config, so tests and the CLI can build one without touching the environment.
 */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ANSWERABLE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  ANSWERABLE_PUBLIC_URL: z.url().optional(),
  /** Set to "false" only when serving plain HTTP to a host other than localhost, behind nothing. */
  ANSWERABLE_SECURE_COOKIES: z.enum(['true', 'false']).default('true'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  secureCookies: boolean;
}

export type ConfigOverrides = Partial<Pick<Config, 'port' | 'host' | 'dataDir' | 'databaseUrl' | 'publicUrl'>>;

export function loadConfig(overrides: ConfigOverrides = {}, environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const port = overrides.port ?? env.PORT;
  const host = overrides.host ?? env.HOST;
  return {
    port,
    host,
    dataDir: resolve(overrides.dataDir ?? env.ANSWERABLE_DATA_DIR),
    databaseUrl: overrides.databaseUrl ?? env.DATABASE_URL,
    publicUrl: (overrides.publicUrl ?? env.ANSWERABLE_PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    secureCookies: env.ANSWERABLE_SECURE_COOKIES === 'true',
  };
}
