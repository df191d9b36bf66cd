import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Shared by the benchmarks: temporary data folders and PostgreSQL databases, and figure formatting. */
export function temporaryDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'answerable-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function temporaryPostgres(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    console.warn(`PostgreSQL not reachable at ${adminUrl}: its figures are skipped`);
    return undefined;
  }
  const name = `answerable_bench_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Runs a measurement on SQLite, then on a fresh PostgreSQL database when one is reachable. */
export async function onEachEngine<T>(measure: (engine: 'sqlite' | 'postgres', databaseUrl: string | undefined) => Promise<T>): Promise<T[]> {
  const results = [await measure('sqlite', undefined)];
  const postgres = await temporaryPostgres();
  if (postgres) {
    try {
      results.push(await measure('postgres', postgres.url));
    } finally {
      await postgres.drop();
    }
  }
  return results;
}
