import type { Tx } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import type { ListQuery } from '../../shared/fields.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { assertOrganization } from '../organizations/organizations.service.ts';
import { type Actor, requireEditor } from '../users/actor.ts';
import { type CaseDetail, type CaseInput, type CaseMemberInput, type CasePatch, type CaseSummary, slugify } from './case.ts';
import { requireCaseEditor, requireCaseReader } from './case-access.ts';
import { findCaseIdBySlug, listReadableCaseRows, toCaseDetail, toCaseSummaries } from './cases.repository.ts';
import { snapshotCaseRecords } from './case-snapshot.ts';

export async function listCases(ctx: ServiceContext, actor: Actor, query: ListQuery): Promise<CaseSummary[]> {
  // A company's respondent has the portal, not the record: the list does not exist for them.
  if (actor.role === 'respondent') throw AppError.notFound('Page');
  return toCaseSummaries(ctx.db, await listReadableCaseRows(ctx.db, actor, query));
}

export async function getCase(ctx: ServiceContext, actor: Actor, caseId: string): Promise<CaseDetail> {
  const access = await requireCaseReader(ctx.db, actor, caseId);
  return toCaseDetail(ctx.db, access.caseRow, access.isInsider);
}

/** A case by its slug or id, as pages address it. */
export async function getCaseByReference(ctx: ServiceContext, actor: Actor, reference: string): Promise<CaseDetail> {
  const caseId = (await findCaseIdBySlug(ctx.db, reference)) ?? reference;
  return getCase(ctx, actor, caseId);
}

export async function createCase(ctx: ServiceContext, actor: Actor, input: CaseInput): Promise<CaseDetail> {
  requireEditor(actor);
  const id = newId();
  const titleSlug = slugify(input.title) || `case-${id.slice(-12)}`;
  try {
    return await insertCase(ctx, actor, id, input, input.slug ?? titleSlug);
  } catch (error) {
    // Two cases with the same title: the second gets the title's slug with part of its id.
    if (input.slug || !(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
    return insertCase(ctx, actor, id, input, `${titleSlug}-${id.slice(-6)}`);
  }
}

function insertCase(ctx: ServiceContext, actor: Actor, id: string, input: CaseInput, slug: string): Promise<CaseDetail> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const now = isoNow(ctx.clock);
    if (await findCaseIdBySlug(tx, slug)) {
      if (input.slug) throw AppError.invalid('slug', 'is already used by another case');
      throw new AppError('CONFLICT', 'slug: is already used by another case');
    }
    await tx
      .insertInto('cases')
      .values({ id, slug, title: input.title, summary: input.summary, visibility: input.visibility, created_by: actor.userId, created_at: now, updated_at: now })
      .execute();
    await writeCompanies(tx, id, input.companyIds);
    const members = new Map<string, CaseMemberInput>(input.members.map((member) => [member.userId, member]));
    if (actor.userId) members.set(actor.userId, { userId: actor.userId, role: 'editor' });
    for (const [index, member] of [...members.values()].entries()) await insertMember(tx, id, member, `members.${index}.userId`);
    const created = await toCaseDetail(tx, await tx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), true);
    recordChange({ action: 'create', entityType: 'case', entityId: id, caseId: id, before: null, after: created });
    return created;
  });
}

export async function updateCase(ctx: ServiceContext, actor: Actor, caseId: string, patch: CasePatch): Promise<CaseDetail> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const access = await requireCaseEditor(tx, actor, caseId);
    const before = await toCaseDetail(tx, access.caseRow, true);
    if (patch.slug && patch.slug !== before.slug && (await findCaseIdBySlug(tx, patch.slug))) {
      throw AppError.invalid('slug', 'is already used by another case');
    }
    await tx
      .updateTable('cases')
      .set({
        title: patch.title ?? before.title,
        slug: patch.slug ?? before.slug,
        summary: patch.summary ?? before.summary,
        visibility: patch.visibility ?? before.visibility,
        updated_at: isoNow(ctx.clock),
      })
      .where('id', '=', caseId)
      .execute();
    if (patch.companyIds) {
      await tx.deleteFrom('case_companies').where('case_id', '=', caseId).execute();
      await writeCompanies(tx, caseId, patch.companyIds);
    }
    const after = await toCaseDetail(tx, await tx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(), true);
    recordChange({ action: 'update', entityType: 'case', entityId: caseId, caseId, before, after });
    return after;
  });
}

/** Deleting a case removes everything in it; the audit entry keeps all of it, so nothing is lost from the history. */
export async function deleteCase(ctx: ServiceContext, actor: Actor, caseId: string): Promise<void> {
  await transact(ctx, actor, async (tx, recordChange) => {
    const access = await requireCaseEditor(tx, actor, caseId);
    const before = { case: await toCaseDetail(tx, access.caseRow, true), records: await snapshotCaseRecords(tx, caseId) };
    await tx.deleteFrom('cases').where('id', '=', caseId).execute();
    recordChange({ action: 'delete', entityType: 'case', entityId: caseId, caseId, before, after: null });
  });
}

export async function addCaseMember(ctx: ServiceContext, actor: Actor, caseId: string, member: CaseMemberInput): Promise<CaseDetail> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const access = await requireCaseEditor(tx, actor, caseId);
    await tx.deleteFrom('case_members').where('case_id', '=', caseId).where('user_id', '=', member.userId).execute();
    await insertMember(tx, caseId, member, 'userId');
    recordChange({ action: 'create', entityType: 'case_member', entityId: `${caseId}/${member.userId}`, caseId, before: null, after: member });
    return toCaseDetail(tx, access.caseRow, true);
  });
}

export async function removeCaseMember(ctx: ServiceContext, actor: Actor, caseId: string, userId: string): Promise<void> {
  await transact(ctx, actor, async (tx, recordChange) => {
    await requireCaseEditor(tx, actor, caseId);
    const existing = await tx.selectFrom('case_members').selectAll().where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
    if (!existing) throw AppError.notFound('Case member');
    await tx.deleteFrom('case_members').where('case_id', '=', caseId).where('user_id', '=', userId).execute();
    recordChange({ action: 'delete', entityType: 'case_member', entityId: `${caseId}/${userId}`, caseId, before: { userId, role: existing.role }, after: null });
  });
}

async function writeCompanies(tx: Tx, caseId: string, companyIds: string[]): Promise<void> {
  const unique = [...new Set(companyIds)];
  for (const [index, companyId] of unique.entries()) await assertOrganization(tx, companyId, `companyIds.${index}`, 'company');
  if (unique.length > 0) await tx.insertInto('case_companies').values(unique.map((organization_id) => ({ case_id: caseId, organization_id }))).execute();
}

async function insertMember(tx: Tx, caseId: string, member: CaseMemberInput, field: string): Promise<void> {
  const user = await tx.selectFrom('users').select('role').where('id', '=', member.userId).executeTakeFirst();
  if (!user) throw AppError.invalid(field, 'no user has this id');
  if (user.role === 'respondent') throw AppError.invalid(field, 'a company’s respondent cannot be a member of a case');
  await tx.insertInto('case_members').values({ case_id: caseId, user_id: member.userId, role: member.role }).execute();
}
