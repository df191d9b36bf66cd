import type { Queryable } from '../../db/database.ts';
import type { OrganizationsTable } from '../../db/schema.ts';
import type { ListQuery } from '../../shared/fields.ts';
import type { Organization, OrganizationKind, Product } from './organization.ts';

export async function findOrganizations(db: Queryable, ids: string[]): Promise<Organization[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('organizations').selectAll().where('id', 'in', ids).execute();
  return withAliases(db, rows);
}

export async function findOrganization(db: Queryable, id: string): Promise<Organization | undefined> {
  return (await findOrganizations(db, [id]))[0];
}

export async function listOrganizationRows(db: Queryable, query: ListQuery & { kind?: OrganizationKind | undefined }): Promise<Organization[]> {
  let select = db.selectFrom('organizations').selectAll().orderBy('id').limit(query.limit);
  if (query.after) select = select.where('id', '>', query.after);
  if (query.kind) select = select.where('kind', '=', query.kind);
  return withAliases(db, await select.execute());
}

/** An organisation by name or alias, case-insensitively: how the demo and the importer avoid duplicates. */
export async function findOrganizationByName(db: Queryable, name: string): Promise<Organization | undefined> {
  const lower = name.toLowerCase();
  const byName = await db
    .selectFrom('organizations')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', lower))
    .executeTakeFirst();
  const byAlias = byName
    ? undefined
    : await db
        .selectFrom('organization_aliases')
        .select('organization_id as id')
        .where((eb) => eb(eb.fn('lower', ['alias']), '=', lower))
        .executeTakeFirst();
  const found = byName ?? byAlias;
  return found ? findOrganization(db, found.id) : undefined;
}

export async function listProductsOf(db: Queryable, companyId: string): Promise<Product[]> {
  const rows = await db.selectFrom('products').selectAll().where('company_id', '=', companyId).orderBy('name').execute();
  return rows.map((row) => ({ id: row.id, companyId: row.company_id, parentId: row.parent_id, name: row.name, description: row.description }));
}

async function withAliases(db: Queryable, rows: OrganizationsTable[]): Promise<Organization[]> {
  if (rows.length === 0) return [];
  const aliases = await db
    .selectFrom('organization_aliases')
    .selectAll()
    .where(
      'organization_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('alias')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as OrganizationKind,
    parentId: row.parent_id,
    aliases: aliases.filter((alias) => alias.organization_id === row.id).map((alias) => alias.alias),
    description: row.description,
    website: row.website,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
