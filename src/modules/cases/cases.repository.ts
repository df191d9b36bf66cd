import type { Queryable } from '../../db/database.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { ListQuery } from '../../shared/fields.ts';
import type { Actor } from '../users/actor.ts';
import type { CaseDetail, CaseMemberRole, CaseSummary, CaseVisibility } from './case.ts';

/** The cases an actor may read: all for admins; published ones and their own for everyone else. */
export async function listReadableCaseRows(db: Queryable, actor: Actor, query: ListQuery): Promise<CasesTable[]> {
  if (actor.role === 'respondent') return [];
  let select = db.selectFrom('cases').selectAll().orderBy('id', 'desc').limit(query.limit);
  if (query.after) select = select.where('id', '<', query.after);
  if (actor.role !== 'admin' && actor.role !== 'system') {
    const userId = actor.userId;
    select = select.where((eb) =>
      eb.or([
        eb('visibility', '=', 'published'),
        ...(userId ? [eb('id', 'in', eb.selectFrom('case_members').select('case_id').where('user_id', '=', userId))] : []),
      ]),
    );
  }
  return select.execute();
}

export async function toCaseSummaries(db: Queryable, rows: CasesTable[]): Promise<CaseSummary[]> {
  if (rows.length === 0) return [];
  const companies = await db
    .selectFrom('case_companies')
    .innerJoin('organizations', 'organizations.id', 'case_companies.organization_id')
    .select(['case_companies.case_id', 'organizations.id', 'organizations.name'])
    .where(
      'case_companies.case_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('organizations.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    visibility: row.visibility as CaseVisibility,
    companies: companies.filter((company) => company.case_id === row.id).map(({ id, name }) => ({ id, name })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function toCaseDetail(db: Queryable, row: CasesTable, isInsider: boolean): Promise<CaseDetail> {
  const [summary] = await toCaseSummaries(db, [row]);
  const members = isInsider
    ? (
        await db
          .selectFrom('case_members')
          .innerJoin('users', 'users.id', 'case_members.user_id')
          .select(['users.id as userId', 'users.name', 'case_members.role'])
          .where('case_members.case_id', '=', row.id)
          .orderBy('users.name')
          .execute()
      ).map((member) => ({ ...member, role: member.role as CaseMemberRole }))
    : null;
  return { ...summary!, members };
}

export async function findCaseIdBySlug(db: Queryable, slug: string): Promise<string | undefined> {
  return (await db.selectFrom('cases').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}
