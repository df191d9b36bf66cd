import type { Db, Engine } from '../db/database.ts';
import type { Clock } from './clock.ts';

/** What every service function receives besides its input and actor: storage and time. */
export interface ServiceContext {
  db: Db;
  engine: Engine;
  clock: Clock;
  dataDir: string;
}
