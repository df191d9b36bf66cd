import type { Queryable } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { ListQuery } from '../../shared/fields.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { assertOrganization } from '../organizations/organizations.service.ts';
import { type Actor, requireEditor, requireStaff } from '../users/actor.ts';
import type { Person, PersonInput, PersonPatch } from './person.ts';

export async function listPeople(ctx: ServiceContext, actor: Actor, query: ListQuery): Promise<Person[]> {
  requireStaff(actor);
  let select = ctx.db.selectFrom('people').selectAll().orderBy('id').limit(query.limit);
  if (query.after) select = select.where('id', '>', query.after);
  return (await select.execute()).map(toPerson);
}

export async function getPerson(ctx: ServiceContext, actor: Actor, id: string): Promise<Person> {
  requireStaff(actor);
  return (await findPerson(ctx.db, id)) ?? notFound();
}

export async function createPerson(ctx: ServiceContext, actor: Actor, input: PersonInput): Promise<Person> {
  requireEditor(actor);
  return transact(ctx, actor, async (tx, recordChange) => {
    if (input.affiliationId) await assertOrganization(tx, input.affiliationId, 'affiliationId');
    const now = isoNow(ctx.clock);
    const row: PeopleTable = { id: newId(), name: input.name, title: input.title, affiliation_id: input.affiliationId, created_at: now, updated_at: now };
    await tx.insertInto('people').values(row).execute();
    const person = toPerson(row);
    recordChange({ action: 'create', entityType: 'person', entityId: person.id, caseId: null, before: null, after: person });
    return person;
  });
}

export async function updatePerson(ctx: ServiceContext, actor: Actor, id: string, patch: PersonPatch): Promise<Person> {
  requireEditor(actor);
  return transact(ctx, actor, async (tx, recordChange) => {
    const before = (await findPerson(tx, id)) ?? notFound();
    if (patch.affiliationId) await assertOrganization(tx, patch.affiliationId, 'affiliationId');
    await tx
      .updateTable('people')
      .set({
        name: patch.name ?? before.name,
        title: patch.title === undefined ? before.title : patch.title,
        affiliation_id: patch.affiliationId === undefined ? before.affiliationId : patch.affiliationId,
        updated_at: isoNow(ctx.clock),
      })
      .where('id', '=', id)
      .execute();
    const after = (await findPerson(tx, id))!;
    recordChange({ action: 'update', entityType: 'person', entityId: id, caseId: null, before, after });
    return after;
  });
}

export async function deletePerson(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireEditor(actor);
  await transact(ctx, actor, async (tx, recordChange) => {
    const before = (await findPerson(tx, id)) ?? notFound();
    await tx.deleteFrom('people').where('id', '=', id).execute();
    recordChange({ action: 'delete', entityType: 'person', entityId: id, caseId: null, before, after: null });
  });
}

export async function findPerson(db: Queryable, id: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPerson(row);
}

export async function findPersonByName(db: Queryable, name: string): Promise<Person | undefined> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  return row && toPerson(row);
}

function toPerson(row: PeopleTable): Person {
  return { id: row.id, name: row.name, title: row.title, affiliationId: row.affiliation_id, createdAt: row.created_at, updatedAt: row.updated_at };
}

function notFound(): never {
  throw AppError.notFound('Person');
}
