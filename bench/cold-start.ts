/**
 * Cold start: from launching `answerable serve` (what `npm start` runs) to its first HTTP response,
 * against a bare Node HTTP server launched the same way in the same run.
 *   node bin/run-ts.js bench/cold-start.ts [--runs 5]
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { median, round, temporaryDataDir } from './support.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const bin = join(import.meta.dirname, '..', 'bin', 'answerable.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function timeToFirstResponse(args: string[], port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore', env: { ...process.env, PORT: String(port) } });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        if (response.ok) return performance.now() - started;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      if (performance.now() - started > 60_000) throw new Error('no response within 60 s');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const baselineScript = "require('node:http').createServer((_, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";
const baseline: number[] = [];
const firstRun: number[] = [];
const laterRun: number[] = [];
for (let run = 0; run < runs; run += 1) {
  baseline.push(await timeToFirstResponse(['-e', baselineScript], await freePort()));
  const data = temporaryDataDir();
  // The first start creates and migrates the database; later starts find it ready.
  firstRun.push(await timeToFirstResponse([bin, '--data', data.dir, 'serve'], await freePort()));
  laterRun.push(await timeToFirstResponse([bin, '--data', data.dir, 'serve'], await freePort()));
  data.remove();
}
const figures = {
  runs,
  baselineMs: round(median(baseline)),
  firstStartMs: round(median(firstRun)),
  laterStartMs: round(median(laterRun)),
  firstStartRatio: round(median(firstRun) / median(baseline)),
  laterStartRatio: round(median(laterRun) / median(baseline)),
};
console.log('cold start to first HTTP response (median of runs; ratio = answerable / bare node http server)');
console.table(figures);
