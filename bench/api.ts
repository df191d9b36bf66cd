/**
 * API throughput: create a case then read it back, as pairs per second, on SQLite and on
 * PostgreSQL, against the server's trivial /health route measured in the same run.
 *   node bin/run-ts.js bench/api.ts [--seconds 10] [--connections 10]
 */
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { openApplication, startServer } from '../src/main.ts';
import { systemActor } from '../src/modules/users/actor.ts';
import { createApiToken, createUser } from '../src/modules/users/users.service.ts';
import { onEachEngine, round, temporaryDataDir } from './support.ts';

const option = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const seconds = option('--seconds', 10);
const connections = option('--connections', 10);

async function measure(engine: 'sqlite' | 'postgres', databaseUrl: string | undefined) {
  const data = temporaryDataDir();
  const application = await openApplication({ dataDir: data.dir, databaseUrl });
  const admin = systemActor('bench');
  await createUser(application.services, admin, { email: 'bench@example.org', name: 'Bench', role: 'editor', password: 'a long enough passphrase', organizationId: null });
  const { token } = await createApiToken(application.services, admin, { email: 'bench@example.org' });
  const server = await startServer(loadConfig({ dataDir: data.dir, port: 0 }), application);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  try {
    const health = await autocannon({ url: `${server.url}/health`, connections, duration: seconds });
    const pairs = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/cases',
          headers,
          body: JSON.stringify({ title: 'Benchmark case', summary: 'Created by bench/api.ts' }),
          onResponse: (status: number, body: string, context: Record<string, unknown>) => {
            if (status === 201) context.caseId = (JSON.parse(body) as { id: string }).id;
            else console.error(`case create failed: ${status} ${body.slice(0, 200)}`);
          },
        },
        {
          method: 'GET',
          headers,
          setupRequest: (request: { path: string }, context: Record<string, unknown>) => ({ ...request, path: `/api/v1/cases/${String(context.caseId)}` }),
        },
      ],
    });
    const pairsPerSecond = pairs.requests.average / 2;
    return {
      engine,
      healthRequestsPerSecond: round(health.requests.average, 0),
      createReadPairsPerSecond: round(pairsPerSecond, 0),
      ratioToHealth: round(pairsPerSecond / health.requests.average, 3),
      errors: pairs.errors + pairs.non2xx,
      p99LatencyMs: pairs.latency.p99,
    };
  } finally {
    await server.close();
    await application.close();
    data.remove();
  }
}

const results = await onEachEngine(measure);
console.log(`API create + read of a case (${connections} connections, ${seconds} s each; ratio = pairs/s ÷ /health requests/s)`);
console.table(results);
