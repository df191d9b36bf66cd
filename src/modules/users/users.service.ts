import type { Queryable } from '../../db/database.ts';
import type { UsersTable } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId, newSecret } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { assertOrganization } from '../organizations/organizations.service.ts';
import { type Actor, requireAdmin, type UserRole } from './actor.ts';
import { hashPassword, hashToken } from './secrets.ts';
import type { Locale, User, UserInput } from './user.ts';

export async function createUser(ctx: ServiceContext, actor: Actor, input: UserInput): Promise<User> {
  requireAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  return transact(ctx, actor, async (tx, recordChange) => {
    if (input.organizationId) await assertOrganization(tx, input.organizationId, 'organizationId');
    if (await findUserByEmail(tx, input.email)) throw AppError.invalid('email', 'another account uses this email');
    const row: UsersTable = {
      id: newId(),
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: passwordHash,
      organization_id: input.organizationId,
      locale: 'en',
      created_at: isoNow(ctx.clock),
      disabled_at: null,
    };
    await tx.insertInto('users').values(row).execute();
    const user = toUser(row);
    recordChange({ action: 'create', entityType: 'user', entityId: user.id, caseId: null, before: null, after: user });
    return user;
  });
}

/** A token for scripts, shown once and stored only as its hash. */
export async function createApiToken(ctx: ServiceContext, actor: Actor, input: { email: string; label?: string | undefined }): Promise<{ token: string; user: User }> {
  const user = await findUserByEmail(ctx.db, input.email.toLowerCase());
  if (!user) throw AppError.invalid('email', 'no account has this email');
  if (actor.userId !== user.id) requireAdmin(actor);
  const token = newSecret('ans_');
  const id = newId();
  await transact(ctx, actor, async (tx, recordChange) => {
    await tx
      .insertInto('api_tokens')
      .values({ id, token_hash: hashToken(token), user_id: user.id, label: input.label ?? null, created_at: isoNow(ctx.clock), revoked_at: null })
      .execute();
    recordChange({ action: 'create', entityType: 'api_token', entityId: id, caseId: null, before: null, after: { id, userId: user.id, label: input.label ?? null } });
  });
  return { token, user };
}

export async function authenticateToken(ctx: ServiceContext, token: string): Promise<Actor | undefined> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? actorOf(toUser(row)) : undefined;
}

export async function setUserLocale(ctx: ServiceContext, actor: Actor, locale: Locale): Promise<void> {
  if (!actor.userId) return;
  await ctx.db.updateTable('users').set({ locale }).where('id', '=', actor.userId).execute();
}

export async function findUserByEmail(db: Queryable, email: string): Promise<(User & { passwordHash: string | null; disabled: boolean; totpSecret: string | null }) | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row && { ...toUser(row), passwordHash: row.password_hash, disabled: row.disabled_at !== null, totpSecret: row.totp_secret ?? null };
}

export async function findUser(db: Queryable, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
  return row && toUser(row);
}

export async function countUsers(db: Queryable): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export function actorOf(user: User): Actor {
  return { userId: user.id, name: user.name, role: user.role, ...(user.role === 'respondent' ? { companyId: user.companyId } : {}) };
}

export function toUser(row: UsersTable): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as UserRole,
    organizationId: row.organization_id,
    companyId: row.company_id ?? null,
    locale: row.locale as Locale,
    createdAt: row.created_at,
  };
}
