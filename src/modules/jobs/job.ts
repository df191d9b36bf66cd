import type { z } from 'zod';
import type { ServiceContext } from '../../shared/service-context.ts';

/**
 * A kind of background work: a name, a version (a payload whose shape changes gets a new version,
 * so an old queued job is never read with the new schema), the payload's schema, and a handler.
 * Jobs run at least once: a handler must be idempotent, because a crash after its work and before
 * the job is marked done runs it again.
 */
export interface JobDefinition<Payload = unknown> {
  name: string;
  version: number;
  payload: z.ZodType<Payload>;
  /** Attempts before the job is given up (failed_at set, last_error kept). */
  maxAttempts: number;
  handle(ctx: ServiceContext, payload: Payload): Promise<void>;
}

export function defineJob<Schema extends z.ZodType>(definition: {
  name: string;
  version: number;
  payload: Schema;
  maxAttempts?: number;
  handle(ctx: ServiceContext, payload: z.infer<Schema>): Promise<void>;
}): JobDefinition<z.infer<Schema>> {
  return { maxAttempts: 8, ...definition, payload: definition.payload as z.ZodType<z.infer<Schema>> };
}

/** A job to put on the queue. */
export interface NewJob {
  name: string;
  version: number;
  payload: unknown;
  /** Enqueuing a second job with the same key does nothing. */
  uniqueKey?: string | null;
  /** ISO-8601 UTC; now when left out. */
  runAt?: string;
  maxAttempts?: number;
}
