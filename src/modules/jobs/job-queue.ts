import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';
import type { JobsTable } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { NewJob } from './job.ts';

/**
 * The durable queue: jobs are rows, so they survive a restart and can be shared by several app
 * servers. A worker claims due jobs with a lease (locked_until); a job whose worker died becomes due
 * again when its lease runs out. Claiming is one statement: on PostgreSQL the candidates are locked
 * with FOR UPDATE SKIP LOCKED, so concurrent workers take different jobs without waiting; SQLite
 * has one writer at a time, so a single UPDATE … WHERE id IN (SELECT …) is already exclusive.
 */
export async function enqueueJobs(db: Queryable, jobs: NewJob[], now: string): Promise<number> {
  let inserted = 0;
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let start = 0; start < jobs.length; start += 500) {
    const rows = jobs.slice(start, start + 500).map((job) => ({
      id: newId(),
      name: job.name,
      version: job.version,
      payload: JSON.stringify(job.payload),
      unique_key: job.uniqueKey ?? null,
      run_at: job.runAt ?? now,
      attempts: 0,
      max_attempts: job.maxAttempts ?? 8,
      locked_until: null,
      locked_by: null,
      done_at: null,
      failed_at: null,
      last_error: null,
      created_at: now,
    }));
    const result = await db
      .insertInto('jobs')
      .values(rows)
      .onConflict((conflict) => conflict.column('unique_key').doNothing())
      .returning('id')
      .execute();
    inserted += result.length;
  }
  return inserted;
}

export async function claimJobs(ctx: ServiceContext, options: { workerId: string; limit: number; leaseMs: number }): Promise<JobsTable[]> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const lockedUntil = new Date(now.getTime() + options.leaseMs).toISOString();
  // Jobs whose last attempt died with its worker are given up here rather than claimed again.
  await ctx.db
    .updateTable('jobs')
    .set({ failed_at: nowIso, last_error: 'the last attempt did not finish before its lease ran out' })
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .where('locked_until', '<=', nowIso)
    .execute();
  const lock = ctx.engine === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<JobsTable>`
    update jobs set locked_until = ${lockedUntil}, locked_by = ${options.workerId}, attempts = attempts + 1
    where id in (
      select id from jobs
      where done_at is null and failed_at is null and run_at <= ${nowIso}
        and (locked_until is null or locked_until <= ${nowIso}) and attempts < max_attempts
      order by run_at, id
      limit ${options.limit}
      ${lock}
    )
    returning *`.execute(ctx.db);
  return result.rows.map((row) => ({ ...row, attempts: Number(row.attempts), version: Number(row.version), max_attempts: Number(row.max_attempts) }));
}

export async function completeJob(db: Queryable, jobId: string, now: string): Promise<void> {
  await db.updateTable('jobs').set({ done_at: now, locked_until: null, last_error: null }).where('id', '=', jobId).execute();
}

/** A failed attempt: tried again later (exponential back-off from 10 seconds), or given up after the last attempt. */
export async function failJob(db: Queryable, job: JobsTable, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const givenUp = job.attempts >= job.max_attempts;
  const retryAt = new Date(now.getTime() + Math.min(3600_000, 10_000 * 2 ** (job.attempts - 1))).toISOString();
  await db
    .updateTable('jobs')
    .set({ locked_until: null, last_error: message.slice(0, 2000), ...(givenUp ? { failed_at: now.toISOString() } : { run_at: retryAt }) })
    .where('id', '=', job.id)
    .execute();
}

export interface QueueCounts {
  pending: number;
  done: number;
  failed: number;
}

export async function countJobs(db: Queryable): Promise<QueueCounts> {
  const rows = await db
    .selectFrom('jobs')
    .select([
      sql<string>`case when done_at is not null then 'done' when failed_at is not null then 'failed' else 'pending' end`.as('state'),
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .groupBy(sql`case when done_at is not null then 'done' when failed_at is not null then 'failed' else 'pending' end`)
    .execute();
  const counts: QueueCounts = { pending: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.state as keyof QueueCounts] = Number(row.count);
  return counts;
}
