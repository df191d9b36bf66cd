import { serve, type ServerType } from '@hono/node-server';
import { type Config, type CorrespondenceSettings, defaultCorrespondenceSettings, defaultEvidenceSettings, defaultMailSettings, type EvidenceSettings, type MailSettings } from './config.ts';
import { type Database, migrateToLatest, openDatabase } from './db/database.ts';
import { createEvidenceContext } from './modules/evidence/evidence-context.ts';
import { jobDefinitions } from './modules/jobs/definitions.ts';
import { startWorker } from './modules/jobs/worker.ts';
import { createMailer } from './modules/mail/mailer.ts';
import { createSetupLink } from './modules/users/sessions.service.ts';
import { type Clock, OffsetClock, systemClock } from './shared/clock.ts';
import type { ServiceContext } from './shared/service-context.ts';
import { createApp } from './web/app.tsx';

/**
 * The composition root: configuration → database (migrated) → services → web. The CLI, the
 * server and the tests all start here, so there is one way to put the application together.
 */
export interface Application {
  services: ServiceContext;
  database: Database;
  close(): Promise<void>;
}

export async function openApplication(
  config: Pick<Config, 'dataDir' | 'databaseUrl'> & {
    evidence?: Partial<EvidenceSettings>;
    mail?: MailSettings;
    publicUrl?: string;
    correspondence?: CorrespondenceSettings;
    /** ANSWERABLE_NOW: with the system clock, start the clock at this instant. */
    startAt?: string | undefined;
  },
  clock: Clock = systemClock,
): Promise<Application> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const evidence = createEvidenceContext(config.dataDir, { ...defaultEvidenceSettings, ...config.evidence });
  const mail = { mailer: createMailer(config.mail ?? defaultMailSettings, config.dataDir), publicUrl: config.publicUrl ?? 'http://127.0.0.1:3000' };
  const correspondence = config.correspondence ?? defaultCorrespondenceSettings;
  const effectiveClock = clock === systemClock && config.startAt ? new OffsetClock(config.startAt) : clock;
  const services: ServiceContext = { db: database.db, engine: database.engine, clock: effectiveClock, dataDir: config.dataDir, evidence, mail, correspondence };
  return {
    services,
    database,
    close: async () => {
      mail.mailer.close();
      await database.close();
    },
  };
}

export interface RunningServer {
  url: string;
  setupLink: string | undefined;
  close(): Promise<void>;
}

export async function startServer(config: Config, application?: Application): Promise<RunningServer> {
  const app = application ?? (await openApplication(config));
  const web = createApp(app.services, { secureCookies: config.secureCookies });
  const server: ServerType = await new Promise((resolve, reject) => {
    const started = serve({ fetch: web.fetch, port: config.port, hostname: config.host }, () => resolve(started));
    started.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  const setupToken = await createSetupLink(app.services);
  // Reminders, deliveries and sweeps: every server may run a worker; the queue's leases share the work.
  const worker = config.runJobs ? startWorker(app.services, jobDefinitions) : undefined;
  return {
    url,
    setupLink: setupToken && `${url}/setup/${setupToken}`,
    close: async () => {
      await worker?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!application) await app.close();
    },
  };
}
