import { hostname } from 'node:os';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { JobDefinition } from './job.ts';
import { claimJobs, completeJob, enqueueJobs, failJob } from './job-queue.ts';

export interface RunOptions {
  workerId?: string;
  /** Jobs claimed at a time. */
  batchSize?: number;
  /** How long a claimed job is this worker's; after that another worker may take it. */
  leaseMs?: number;
  /** Stop after this many jobs (tests, `answerable jobs run --max`). */
  maxJobs?: number;
}

export interface RunResult {
  succeeded: number;
  failed: number;
}

/** Runs the jobs that are due now, until none is left (or maxJobs have run). */
export async function runDueJobs(ctx: ServiceContext, definitions: JobDefinition<never>[], options: RunOptions = {}): Promise<RunResult> {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const result: RunResult = { succeeded: 0, failed: 0 };
  const maxJobs = options.maxJobs ?? Number.POSITIVE_INFINITY;
  while (result.succeeded + result.failed < maxJobs) {
    const jobs = await claimJobs(ctx, { workerId, limit: Math.min(options.batchSize ?? 20, maxJobs - result.succeeded - result.failed), leaseMs: options.leaseMs ?? 5 * 60_000 });
    if (jobs.length === 0) break;
    for (const job of jobs) {
      try {
        const definition = byName.get(job.name);
        if (!definition || definition.version !== job.version) throw new Error(`No handler for ${job.name} version ${job.version}`);
        const payload = definition.payload.parse(JSON.parse(job.payload));
        await definition.handle(ctx, payload as never);
        await completeJob(ctx.db, job.id, isoNow(ctx.clock));
        result.succeeded += 1;
      } catch (error) {
        await failJob(ctx.db, job, error, ctx.clock.now());
        result.failed += 1;
      }
    }
  }
  return result;
}

/** Enqueues the recurring sweep for the current period; every server may call it, the key makes it once. */
export async function scheduleSweep(ctx: ServiceContext, everyMs: number): Promise<void> {
  const period = new Date(Math.floor(ctx.clock.now().getTime() / everyMs) * everyMs).toISOString();
  await enqueueJobs(ctx.db, [{ name: 'sweep-reminders', version: 1, payload: {}, uniqueKey: `sweep-reminders:${period}`, runAt: period, maxAttempts: 3 }], isoNow(ctx.clock));
}

export interface Worker {
  stop(): Promise<void>;
}

/** The background worker `serve` starts: every poll it schedules the sweep of the period and runs what is due. */
export function startWorker(ctx: ServiceContext, definitions: JobDefinition<never>[], options: { pollMs?: number; sweepEveryMs?: number; onError?: (error: unknown) => void } = {}): Worker {
  const pollMs = options.pollMs ?? 5000;
  const sweepEveryMs = options.sweepEveryMs ?? 15 * 60_000;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await scheduleSweep(ctx, sweepEveryMs);
      await runDueJobs(ctx, definitions);
    } catch (error) {
      (options.onError ?? ((e) => console.error('Job worker:', e)))(error);
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    // A tick that outlasts the interval is not queued behind itself.
    if (stopped || busy) return;
    busy = true;
    running = running.then(tick).finally(() => {
      busy = false;
    });
  }, pollMs);
  running = running.then(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
