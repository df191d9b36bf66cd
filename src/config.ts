import { resolve } from 'node:path';
import { z } from 'zod';
import { type AllowedHost, parseAllowList } from './modules/evidence/address-policy.ts';
import { parseFieldKey } from './modules/evidence/field-crypto.ts';
import { defaultFetchOptions } from './modules/evidence/safe-fetch.ts';

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
  /** Hosts the archiver may fetch even at private or loopback addresses: `host` or `host:port`, comma-separated. */
  ANSWERABLE_FETCH_ALLOW_HOSTS: z.string().optional(),
  /** 32 bytes in base64 for confidential fields; when absent, one is created in the data folder (keys/field.key). */
  ANSWERABLE_FIELD_KEY: z.string().optional(),
  ANSWERABLE_FETCH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(defaultFetchOptions.timeoutMs),
  ANSWERABLE_FETCH_MAX_BYTES: z.coerce.number().int().min(1024).default(defaultFetchOptions.maxBytes),
  /** Media types an archived page may have, comma-separated; `image/*` style wildcards allowed. */
  ANSWERABLE_FETCH_CONTENT_TYPES: z.string().optional(),
  ANSWERABLE_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(200 * 1024 * 1024),
  /** Outgoing mail. Without SMTP_HOST, messages are written as .eml files under <data>/outbox/. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  /** "true": TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  ANSWERABLE_MAIL_FROM: z.string().min(3).default('Answerable <answerable@localhost>'),
  /** Run at a chosen moment (a demo at 2025-11-03T12:00:00Z): the clock starts there and moves on in real time. */
  ANSWERABLE_NOW: z.iso.datetime({ offset: true }).optional(),
  /** Days before a response deadline on which the company is reminded, comma-separated. */
  ANSWERABLE_REMINDER_DAYS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be whole numbers of days, comma-separated, such as 7,1')
    .default('7,1'),
  /** "false" to serve without running background jobs in this process (run `answerable jobs work` elsewhere). */
  ANSWERABLE_RUN_JOBS: z.enum(['true', 'false']).default('true'),
});

/** What the evidence services need from the environment: archiving limits, upload limit, the field key. */
export interface EvidenceSettings {
  fetchAllowHosts: AllowedHost[];
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  fetchContentTypes: string[];
  uploadMaxBytes: number;
  /** Absent: the key kept in the data folder (created on first use) is used. */
  fieldKey: Buffer | undefined;
}

export const defaultEvidenceSettings: EvidenceSettings = {
  fetchAllowHosts: [],
  fetchTimeoutMs: defaultFetchOptions.timeoutMs,
  fetchMaxBytes: defaultFetchOptions.maxBytes,
  fetchContentTypes: [...defaultFetchOptions.allowedContentTypes],
  uploadMaxBytes: 200 * 1024 * 1024,
  fieldKey: undefined,
};

/** Outgoing mail: SMTP when a host is set, else .eml files in the outbox folder. */
export interface MailSettings {
  smtp: { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined } | undefined;
  from: string;
}

export const defaultMailSettings: MailSettings = { smtp: undefined, from: 'Answerable <answerable@localhost>' };

/** Letters: when the company is reminded before a deadline. */
export interface CorrespondenceSettings {
  reminderDays: number[];
}

export const defaultCorrespondenceSettings: CorrespondenceSettings = { reminderDays: [7, 1] };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  secureCookies: boolean;
  evidence: EvidenceSettings;
  mail: MailSettings;
  correspondence: CorrespondenceSettings;
  /** ANSWERABLE_NOW: the instant the clock starts at, for demonstrations; undefined for the real time. */
  startAt: string | undefined;
  runJobs: boolean;
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
    evidence: evidenceSettings(env),
    mail: {
      smtp: env.SMTP_HOST
        ? { host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE === 'true', user: env.SMTP_USER, password: env.SMTP_PASSWORD }
        : undefined,
      from: env.ANSWERABLE_MAIL_FROM,
    },
    correspondence: { reminderDays: [...new Set(env.ANSWERABLE_REMINDER_DAYS.split(',').map(Number))].sort((a, b) => b - a) },
    startAt: env.ANSWERABLE_NOW,
    runJobs: env.ANSWERABLE_RUN_JOBS === 'true',
  };
}

function evidenceSettings(env: z.infer<typeof environmentSchema>): EvidenceSettings {
  try {
    return {
      fetchAllowHosts: parseAllowList(env.ANSWERABLE_FETCH_ALLOW_HOSTS),
      fetchTimeoutMs: env.ANSWERABLE_FETCH_TIMEOUT_MS,
      fetchMaxBytes: env.ANSWERABLE_FETCH_MAX_BYTES,
      fetchContentTypes: env.ANSWERABLE_FETCH_CONTENT_TYPES
        ? env.ANSWERABLE_FETCH_CONTENT_TYPES.split(',').map((type) => type.trim().toLowerCase()).filter(Boolean)
        : [...defaultFetchOptions.allowedContentTypes],
      uploadMaxBytes: env.ANSWERABLE_UPLOAD_MAX_BYTES,
      fieldKey: env.ANSWERABLE_FIELD_KEY ? parseFieldKey(env.ANSWERABLE_FIELD_KEY) : undefined,
    };
  } catch (error) {
    throw new Error(`Invalid environment: ${(error as Error).message}`);
  }
}
