import { AppError } from "../../shared/errors.ts";

/** Who is acting. Every service function takes one, and checks its rights itself. */
export const staffRoles = ['admin', 'editor', 'viewer'] as const;
export const userRoles = [...staffRoles, 'respondent'] as const;
export type StaffRole = (typeof staffRoles)[number];
export type UserRole = (typeof userRoles)[number];

export interface Actor {
  /** null for the public (not signed in) and for the system itself (migrations, demo, jobs). */
  userId: string | null;
  /** Copied into audit entries, so the history outlives the account. */
  name: string;
  role: UserRole | 'public' | 'system';
  /** Respondents only: the one company whose letters they may read and answer. */
  companyId?: string | null;
}

export const publicActor: Actor = { userId: null, name: 'public', role: 'public' };

export function systemActor(name = 'system'): Actor {
  return { userId: null, name, role: 'system' };
}

export function isStaff(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor' || actor.role === 'viewer' || actor.role === 'system';
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'system';
}

/** May create and change shared records (organisations, people) and create cases. */
export function canEdit(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor' || actor.role === 'system';
}

/** The shared directory (organisations, people) is for staff; the public sees it through published cases. */
export function requireStaff(actor: Actor): void {
  if (actor.role === 'public') throw new AppError('UNAUTHENTICATED');
  // For a company's respondent the rest of the record does not exist: NOT_FOUND, so nothing leaks.
  if (actor.role === 'respondent') throw AppError.notFound('Page');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN');
}

export function requireEditor(actor: Actor): void {
  requireStaff(actor);
  if (!canEdit(actor)) throw new AppError('FORBIDDEN', 'Only editors and admins may change the record');
}

export function requireAdmin(actor: Actor): void {
  requireStaff(actor);
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only admins may do this');
}
