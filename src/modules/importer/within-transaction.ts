import type { Db, Tx } from '../../db/database.ts';
import type { ServiceContext } from '../../shared/service-context.ts';

/**
 * A service context whose database is an open transaction, so that the existing use cases
 * (createOrganization, createStatement, createLetter…) run inside the caller's transaction: their
 * own transact() joins it instead of opening another. Accepting a suggestion creates its records
 * and marks the suggestion accepted in one transaction — all of it, audit entries included, or
 * none of it — without a second, transaction-taking copy of every use case.
 */
export function withinTransaction(ctx: ServiceContext, tx: Tx): ServiceContext {
  const joined = { execute: <T>(work: (tx: Tx) => Promise<T>): Promise<T> => work(tx) };
  const db = new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction') return () => joined;
      // Kysely keeps its state in private fields: methods must run on the transaction itself.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...ctx, db: db as unknown as Db };
}
