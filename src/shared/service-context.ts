import type { Db, Engine } from '../db/database.ts';
import type { EvidenceContext } from '../modules/evidence/evidence-context.ts';
import type { Clock } from './clock.ts';
import type { CorrespondenceSettings } from '../config.ts';
import type { MailContext } from '../modules/mail/mailer.ts';

/** What every service function receives besides its input and actor: storage and time. */
export interface ServiceContext {
  db: Db;
  engine: Engine;
  clock: Clock;
  dataDir: string;
  /** Blob store, archiver settings, and the keys of confidential fields and bundles. */
  evidence: EvidenceContext;
  /** Outgoing mail and the public address its links point to; absent: .eml files in <dataDir>/outbox. */
  mail?: MailContext;
  /** Reminder days; absent: 7 and 1 days before a deadline. */
  correspondence?: CorrespondenceSettings;
}
