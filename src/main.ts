import { serve, type ServerType } from '@hono/node-server';
import type { Config } from './config.ts';
import { type Database, migrateToLatest, openDatabase } from './db/database.ts';
import { createSetupLink } from './modules/users/sessions.service.ts';
import { type Clock, systemClock } from './shared/clock.ts';
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

export async function openApplication(config: Pick<Config, 'dataDir' | 'databaseUrl'>, clock: Clock = systemClock): Promise<Application> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const services: ServiceContext = { db: database.db, engine: database.engine, clock, dataDir: config.dataDir };
  return { services, database, close: () => database.close() };
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
  return {
    url,
    setupLink: setupToken && `${url}/setup/${setupToken}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!application) await app.close();
    },
  };
}
