import type { Queryable } from '../../db/database.ts';
import type { CasesTable } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../users/actor.ts';
import type { CaseMemberRole } from './case.ts';

/**
 * What an actor may do with one case. Checked in the services, for every adapter alike.
 * A case the actor may not read does not exist for them: NOT_FOUND, never FORBIDDEN, so that a
 * private case's existence does not leak.
 */
export interface CaseAccess {
  caseRow: CasesTable;
  /** A member or an admin: sees the case's private parts (embargoed letters, members). */
  isInsider: boolean;
  canEdit: boolean;
}

export async function findCaseAccess(db: Queryable, actor: Actor, caseId: string): Promise<CaseAccess | undefined> {
  const caseRow = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!caseRow) return undefined;
  if (actor.role === 'admin' || actor.role === 'system') return { caseRow, isInsider: true, canEdit: true };
  // A company's respondent sees the letters sent to the company (letters.service.ts), and no case at all, published or not.
  if (actor.role === 'respondent') return undefined;
  const membership = await memberRole(db, caseId, actor);
  if (membership) {
    const staffEditor = actor.role === 'editor';
    return { caseRow, isInsider: true, canEdit: staffEditor && membership === 'editor' };
  }
  if (caseRow.visibility === 'published') return { caseRow, isInsider: false, canEdit: false };
  return undefined;
}

export async function requireCaseReader(db: Queryable, actor: Actor, caseId: string): Promise<CaseAccess> {
  const access = await findCaseAccess(db, actor, caseId);
  if (!access) throw AppError.notFound('Case');
  return access;
}

export async function requireCaseEditor(db: Queryable, actor: Actor, caseId: string): Promise<CaseAccess> {
  const access = await requireCaseReader(db, actor, caseId);
  if (!access.canEdit) {
    throw actor.role === 'public' ? new AppError('UNAUTHENTICATED') : new AppError('FORBIDDEN', 'Only the case’s editors and admins may change it');
  }
  return access;
}

async function memberRole(db: Queryable, caseId: string, actor: Actor): Promise<CaseMemberRole | undefined> {
  if (!actor.userId || actor.role === 'respondent') return undefined;
  const row = await db
    .selectFrom('case_members')
    .select('role')
    .where('case_id', '=', caseId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return row?.role as CaseMemberRole | undefined;
}
