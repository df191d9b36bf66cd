import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type Transaction } from 'kysely';
import pg from 'pg';
import * as migration0001 from './migrations/0001_record.ts';
import * as migration0002 from './migrations/0002_evidence.ts';
import * as migration0003 from './migrations/0003_correspondence.ts';
import * as migration0004 from './migrations/0004_import.ts';
import type { Schema } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;
/** A query runner: the database itself or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseLocation {
  dataDir: string;
  databaseUrl?: string | undefined;
}

/** Numbered migrations, in order. Tests run these same files against both engines. */
const migrations: Record<string, Migration> = {
  '0001_record': migration0001,
  '0002_evidence': migration0002,
  '0003_correspondence': migration0003,
  '0004_import': migration0004,
};

// PostgreSQL returns bigint (count(*)) as text by default; counts here are small enough for numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function openDatabase(location: DatabaseLocation): Database {
  if (location.databaseUrl) {
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 10 });
    let closing = false;
    // An idle connection that the server drops (a restart, a failover) must not crash the process:
    // the pool replaces it on the next query.
    pool.on('error', (error) => {
      if (!closing) console.error(`PostgreSQL connection lost (it will be replaced): ${error.message}`);
    });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'postgres',
      close: () => {
        closing = true;
        return db.destroy();
      },
    };
  }
  mkdirSync(location.dataDir, { recursive: true });
  const file = new SQLite(join(location.dataDir, 'answerable.sqlite'));
  file.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives a power cut, not only a process crash.
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: file }) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Engine-neutral recognition of constraint violations, so services can turn them into domain errors. */
export function constraintViolation(error: unknown): 'unique' | 'foreign_key' | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
  // SQLite reports ON DELETE RESTRICT through its trigger mechanism.
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === 'SQLITE_CONSTRAINT_TRIGGER') return 'foreign_key';
  return undefined;
}
