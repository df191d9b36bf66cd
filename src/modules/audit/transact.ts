import { constraintViolation, type Tx } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { Actor } from '../users/actor.ts';
import type { AuditChange } from './audit-entry.ts';
import { appendAuditEntries } from './audit.repository.ts';

export type RecordChange = (change: AuditChange) => void;

/**
 * Runs a change to the record in one transaction together with its audit entries: the change and
 * its history commit together or not at all. A constraint the service did not foresee becomes a
 * domain error, never a 500.
 */
export async function transact<T>(
  ctx: ServiceContext,
  actor: Actor,
  work: (tx: Tx, recordChange: RecordChange) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const changes: AuditChange[] = [];
      const result = await work(tx, (change) => changes.push(change));
      await appendAuditEntries(tx, ctx.engine, actor, isoNow(ctx.clock), changes);
      return result;
    });
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation === 'unique') throw new AppError('CONFLICT', 'A record with the same unique value already exists');
    if (violation === 'foreign_key') throw new AppError('CONFLICT', 'This record is referenced by, or refers to, another record that does not allow it');
    throw error;
  }
}
