import type { Queryable, Tx } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import type { Actor } from '../users/actor.ts';
import { type CaseAccess, requireCaseEditor, requireCaseReader } from './case-access.ts';

/**
 * The records a case holds (sources, allegations, statements, actions, commitments, events) share
 * one life: read by whoever may read the case, changed by its editors, every change audited. A
 * module describes its table once; this turns the description into its use cases.
 */
export interface CaseRecordType<Item extends { id: string; caseId: string }, Input> {
  entityType: string;
  label: string;
  read(db: Queryable, filter: CaseRecordFilter): Promise<Item[]>;
  /** References in the input (sources, organisations, people) must exist, and sources must belong to the case. */
  checkReferences(db: Queryable, caseId: string, input: Input): Promise<void>;
  insert(tx: Tx, keys: { id: string; caseId: string; now: string }, input: Input, ctx: ServiceContext): Promise<void>;
  update(tx: Tx, id: string, input: Input, now: string, ctx: ServiceContext): Promise<void>;
  toInput(item: Item): Input;
  /**
   * How records leave the service, given the actor's access (confidential fields: clear text for
   * insiders, absent for others). Audit entries are written from the records before this step.
   */
  present?(ctx: ServiceContext, db: Queryable, items: Item[], access: CaseAccess): Promise<Item[]>;
}

export type CaseRecordFilter = { caseId: string } | { id: string };
type CaseRecordTable = 'sources' | 'allegations' | 'commitments' | 'company_actions' | 'statements' | 'events';

/** The rows of one case-record table, by record or by case, in creation order. */
export function selectCaseRows<T extends CaseRecordTable>(db: Queryable, table: T, filter: CaseRecordFilter): Promise<Schema[T][]> {
  // Every such table has id and case_id; typing the query by one of them keeps Kysely simple.
  const query = db.selectFrom(table as 'events').selectAll().orderBy('id');
  const rows = 'id' in filter ? query.where('id', '=', filter.id) : query.where('case_id', '=', filter.caseId);
  return rows.execute() as unknown as Promise<Schema[T][]>;
}

export function caseRecordUseCases<Item extends { id: string; caseId: string }, Input extends object>(type: CaseRecordType<Item, Input>) {
  const notFound = () => AppError.notFound(type.label);

  async function readOne(db: Queryable, id: string): Promise<Item> {
    const [item] = await type.read(db, { id });
    if (!item) throw notFound();
    return item;
  }

  /** The case of a record the actor cannot read does not exist for them, and neither does the record. */
  async function asRecordNotFound<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound();
      throw error;
    }
  }

  const present = async (ctx: ServiceContext, db: Queryable, items: Item[], access: CaseAccess): Promise<Item[]> =>
    type.present ? type.present(ctx, db, items, access) : items;

  return {
    async list(ctx: ServiceContext, actor: Actor, caseId: string): Promise<Item[]> {
      const access = await requireCaseReader(ctx.db, actor, caseId);
      return present(ctx, ctx.db, await type.read(ctx.db, { caseId }), access);
    },

    async get(ctx: ServiceContext, actor: Actor, id: string): Promise<Item> {
      const item = await readOne(ctx.db, id);
      const access = await asRecordNotFound(requireCaseReader(ctx.db, actor, item.caseId));
      return (await present(ctx, ctx.db, [item], access))[0]!;
    },

    async create(ctx: ServiceContext, actor: Actor, caseId: string, input: Input): Promise<Item> {
      return transact(ctx, actor, async (tx, recordChange) => {
        const access = await requireCaseEditor(tx, actor, caseId);
        await type.checkReferences(tx, caseId, input);
        const id = newId();
        await type.insert(tx, { id, caseId, now: isoNow(ctx.clock) }, input, ctx);
        const created = await readOne(tx, id);
        recordChange({ action: 'create', entityType: type.entityType, entityId: id, caseId, before: null, after: created });
        return (await present(ctx, tx, [created], access))[0]!;
      });
    },

    async update(ctx: ServiceContext, actor: Actor, id: string, patch: Partial<Input>): Promise<Item> {
      return transact(ctx, actor, async (tx, recordChange) => {
        const before = await readOne(tx, id);
        const access = await asRecordNotFound(requireCaseEditor(tx, actor, before.caseId));
        const input = { ...type.toInput(before), ...definedOnly(patch) };
        await type.checkReferences(tx, before.caseId, input);
        await type.update(tx, id, input, isoNow(ctx.clock), ctx);
        const after = await readOne(tx, id);
        recordChange({ action: 'update', entityType: type.entityType, entityId: id, caseId: before.caseId, before, after });
        return (await present(ctx, tx, [after], access))[0]!;
      });
    },

    async remove(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
      await transact(ctx, actor, async (tx, recordChange) => {
        const before = await readOne(tx, id);
        await asRecordNotFound(requireCaseEditor(tx, actor, before.caseId));
        await tx.deleteFrom(tableOf(type.entityType)).where('id', '=', id).execute();
        recordChange({ action: 'delete', entityType: type.entityType, entityId: id, caseId: before.caseId, before, after: null });
      });
    },
  };
}

const tables = {
  source: 'sources',
  allegation: 'allegations',
  commitment: 'commitments',
  company_action: 'company_actions',
  statement: 'statements',
  event: 'events',
} as const;

function tableOf(entityType: string): (typeof tables)[keyof typeof tables] {
  const table = tables[entityType as keyof typeof tables];
  if (!table) throw new Error(`No table for ${entityType}`);
  return table;
}

function definedOnly<T extends object>(patch: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Sources cited by a record must be sources of the same case. */
export async function assertSourcesInCase(db: Queryable, caseId: string, sourceIds: (string | null | undefined)[], field: string): Promise<void> {
  for (const [index, sourceId] of sourceIds.entries()) {
    if (!sourceId) continue;
    const source = await db.selectFrom('sources').select('case_id').where('id', '=', sourceId).executeTakeFirst();
    if (source?.case_id !== caseId) {
      throw AppError.invalid(sourceIds.length > 1 ? `${field}.${index}` : field, 'no source of this case has this id');
    }
  }
}
