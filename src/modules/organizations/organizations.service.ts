import type { Queryable, Tx } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import type { ListQuery } from '../../shared/fields.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { type Actor, requireEditor, requireStaff } from '../users/actor.ts';
import type { Organization, OrganizationInput, OrganizationKind, OrganizationPatch, Product, ProductInput } from './organization.ts';
import { findOrganization, listOrganizationRows, listProductsOf } from './organizations.repository.ts';

export async function listOrganizations(ctx: ServiceContext, actor: Actor, query: ListQuery & { kind?: OrganizationKind }): Promise<Organization[]> {
  requireStaff(actor);
  return listOrganizationRows(ctx.db, query);
}

export async function getOrganization(ctx: ServiceContext, actor: Actor, id: string): Promise<Organization> {
  requireStaff(actor);
  return (await findOrganization(ctx.db, id)) ?? notFound();
}

export async function createOrganization(ctx: ServiceContext, actor: Actor, input: OrganizationInput): Promise<Organization> {
  requireEditor(actor);
  return transact(ctx, actor, async (tx, recordChange) => {
    const id = newId();
    if (input.parentId) await assertOrganization(tx, input.parentId, 'parentId');
    const now = isoNow(ctx.clock);
    await tx
      .insertInto('organizations')
      .values({ id, name: input.name, kind: input.kind, parent_id: input.parentId, description: input.description, website: input.website, created_at: now, updated_at: now })
      .execute();
    await writeAliases(tx, id, input.aliases);
    const created = (await findOrganization(tx, id))!;
    recordChange({ action: 'create', entityType: 'organization', entityId: id, caseId: null, before: null, after: created });
    return created;
  });
}

export async function updateOrganization(ctx: ServiceContext, actor: Actor, id: string, patch: OrganizationPatch): Promise<Organization> {
  requireEditor(actor);
  return transact(ctx, actor, async (tx, recordChange) => {
    const before = (await findOrganization(tx, id)) ?? notFound();
    const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
    if (parentId) await assertParentWithoutCycle(tx, id, parentId);
    await tx
      .updateTable('organizations')
      .set({
        name: patch.name ?? before.name,
        kind: patch.kind ?? before.kind,
        parent_id: parentId,
        description: patch.description === undefined ? before.description : patch.description,
        website: patch.website === undefined ? before.website : patch.website,
        updated_at: isoNow(ctx.clock),
      })
      .where('id', '=', id)
      .execute();
    if (patch.aliases) {
      await tx.deleteFrom('organization_aliases').where('organization_id', '=', id).execute();
      await writeAliases(tx, id, patch.aliases);
    }
    const after = (await findOrganization(tx, id))!;
    recordChange({ action: 'update', entityType: 'organization', entityId: id, caseId: null, before, after });
    return after;
  });
}

export async function deleteOrganization(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireEditor(actor);
  await transact(ctx, actor, async (tx, recordChange) => {
    const before = (await findOrganization(tx, id)) ?? notFound();
    // Anything that still refers to the organisation (a letter, a case, a person) keeps it: the
    // foreign keys refuse, and transact() turns that into a conflict for the caller.
    await tx.deleteFrom('organizations').where('id', '=', id).execute();
    recordChange({ action: 'delete', entityType: 'organization', entityId: id, caseId: null, before, after: null });
  });
}

export async function listProducts(ctx: ServiceContext, actor: Actor, companyId: string): Promise<Product[]> {
  requireStaff(actor);
  await assertOrganization(ctx.db, companyId, 'companyId', 'company');
  return listProductsOf(ctx.db, companyId);
}

export async function createProduct(ctx: ServiceContext, actor: Actor, companyId: string, input: ProductInput): Promise<Product> {
  requireEditor(actor);
  return transact(ctx, actor, async (tx, recordChange) => {
    await assertOrganization(tx, companyId, 'companyId', 'company');
    if (input.parentId) {
      const parent = await tx.selectFrom('products').select('company_id').where('id', '=', input.parentId).executeTakeFirst();
      if (parent?.company_id !== companyId) throw AppError.invalid('parentId', 'must be a product of the same company');
    }
    const now = isoNow(ctx.clock);
    const product: Product = { id: newId(), companyId, parentId: input.parentId, name: input.name, description: input.description };
    await tx
      .insertInto('products')
      .values({ id: product.id, company_id: companyId, parent_id: product.parentId, name: product.name, description: product.description, created_at: now, updated_at: now })
      .execute();
    recordChange({ action: 'create', entityType: 'product', entityId: product.id, caseId: null, before: null, after: product });
    return product;
  });
}

/** A reference to an organisation in some input: it must exist, and be of the expected kind. */
export async function assertOrganization(db: Queryable, id: string, field: string, kind?: OrganizationKind): Promise<void> {
  const row = await db.selectFrom('organizations').select('kind').where('id', '=', id).executeTakeFirst();
  if (!row) throw AppError.invalid(field, 'no organisation has this id');
  if (kind && row.kind !== kind) throw AppError.invalid(field, `must be an organisation of kind ${kind}`);
}

async function assertParentWithoutCycle(tx: Tx, id: string, parentId: string): Promise<void> {
  await assertOrganization(tx, parentId, 'parentId');
  let ancestor: string | null = parentId;
  for (let depth = 0; ancestor; depth += 1) {
    if (ancestor === id || depth > 100) throw AppError.invalid('parentId', 'would make the organisation its own ancestor');
    const row: { parent_id: string | null } | undefined = await tx.selectFrom('organizations').select('parent_id').where('id', '=', ancestor).executeTakeFirst();
    ancestor = row?.parent_id ?? null;
  }
}

async function writeAliases(tx: Tx, organizationId: string, aliases: string[]): Promise<void> {
  const unique = [...new Set(aliases)];
  if (unique.length > 0) await tx.insertInto('organization_aliases').values(unique.map((alias) => ({ organization_id: organizationId, alias }))).execute();
}

function notFound(): never {
  throw AppError.notFound('Organisation');
}
