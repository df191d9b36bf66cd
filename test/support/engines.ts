import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Application, openApplication } from '../../src/main.ts';
import type { EvidenceSettings } from '../../src/config.ts';
import type { Engine } from '../../src/db/database.ts';
import { type Clock, FixedClock } from '../../src/shared/clock.ts';
import { createApp } from '../../src/web/app.tsx';

/**
 * Database tests run against both engines with the real migrations: SQLite in a fresh folder, and
 * PostgreSQL in a fresh database per test file (TEST_DATABASE_URL names the server; by default the
 * local one). Without a reachable PostgreSQL the PostgreSQL half is skipped on a laptop, and fails
 * in CI, where it must run.
 */
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${adminUrl}: ${String(error)}`);
    console.warn(`PostgreSQL tests skipped: not reachable at ${adminUrl}`);
    return false;
  }
}

export const hasPostgres = await postgresReachable();
export const engines: Engine[] = hasPostgres ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestApplication extends Application {
  clock: FixedClock;
  web: ReturnType<typeof createApp>;
  engine: Engine;
  databaseUrl: string | undefined;
  dataDir: string;
  destroy(): Promise<void>;
}

export async function openTestApplication(engine: Engine, options: { clock?: Clock; at?: string; evidence?: Partial<EvidenceSettings> } = {}): Promise<TestApplication> {
  const clock = options.clock instanceof FixedClock ? options.clock : new FixedClock(options.at ?? '2026-01-15T12:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'answerable-test-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const name = `answerable_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const application = await openApplication({ dataDir, databaseUrl, ...(options.evidence ? { evidence: options.evidence } : {}) }, clock);
  return {
    ...application,
    clock,
    engine,
    databaseUrl,
    dataDir,
    web: createApp(application.services, { secureCookies: true }),
    async destroy() {
      await application.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
