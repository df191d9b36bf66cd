import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newSecret } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { systemActor } from './actor.ts';
import { hashPassword, hashToken, openTotpSecret, verifyPassword, verifyTotp } from './secrets.ts';
import type { SignInInput, User, UserInput } from './user.ts';
import { countUsers, findUser, findUserByEmail, toUser } from './users.service.ts';
import { newId } from '../../shared/ids.ts';

const sessionLifetimeMs = 14 * 24 * 3600 * 1000;
const setupLinkLifetimeMs = 24 * 3600 * 1000;
const failureWindowMs = 15 * 60 * 1000;
/** Failed sign-ins allowed per account, and per client address, in the window. */
const maxFailuresPerAccount = 5;
const maxFailuresPerClient = 20;

// Verifying against a real hash when the account does not exist keeps the time of a failed
// sign-in the same whether or not the email is known.
let decoyHash: Promise<string> | undefined;

export interface SignedIn {
  sessionToken: string;
  user: User;
}

export async function signIn(ctx: ServiceContext, input: SignInInput, clientAddress: string): Promise<SignedIn> {
  const keys = [`account:${input.email}`, `client:${clientAddress}`];
  await refuseWhenRateLimited(ctx, keys);
  const user = await findUserByEmail(ctx.db, input.email);
  decoyHash ??= hashPassword(newSecret());
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  // An account with a second factor needs its current code too; a wrong code counts as a failure.
  const secondFactorOk =
    !user?.totpSecret || (input.totp !== undefined && verifyTotp(openTotpSecret(user.totpSecret, await ctx.evidence.fieldKey(), user.id), input.totp, ctx.clock.now()));
  if (!user || !valid || !secondFactorOk || user.disabled || user.passwordHash === null) {
    const now = isoNow(ctx.clock);
    await ctx.db.insertInto('sign_in_failures').values(keys.map((key) => ({ key, attempted_at: now }))).execute();
    // One message whatever was wrong: telling a wrong code from a wrong password would confirm the password.
    throw new AppError('UNAUTHENTICATED', 'The email or password is not right (or, with an authenticator app, its code)');
  }
  return { sessionToken: await startSession(ctx, user.id), user };
}

export async function authenticateSession(ctx: ServiceContext, sessionToken: string): Promise<User | undefined> {
  const session = await ctx.db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at'])
    .where('token_hash', '=', hashToken(sessionToken))
    .executeTakeFirst();
  if (!session || session.expires_at <= isoNow(ctx.clock)) return undefined;
  return findUser(ctx.db, session.user_id);
}

export async function signOut(ctx: ServiceContext, sessionToken: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('token_hash', '=', hashToken(sessionToken)).execute();
}

/**
 * The first run has no accounts: a one-time link (valid 24 hours, stored as a hash) lets whoever
 * started the server create the first admin. Each call replaces any earlier link.
 */
export async function createSetupLink(ctx: ServiceContext): Promise<string | undefined> {
  if ((await countUsers(ctx.db)) > 0) return undefined;
  const token = newSecret();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('setup_tokens').execute();
    await tx
      .insertInto('setup_tokens')
      .values({ token_hash: hashToken(token), expires_at: new Date(ctx.clock.now().getTime() + setupLinkLifetimeMs).toISOString() })
      .execute();
  });
  return token;
}

export async function isSetupLinkValid(ctx: ServiceContext, token: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('setup_tokens').select('expires_at').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row !== undefined && row.expires_at > isoNow(ctx.clock);
}

export async function completeSetup(ctx: ServiceContext, token: string, input: Omit<UserInput, 'role' | 'organizationId'>): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  const user = await transact(ctx, systemActor('first-run setup'), async (tx, recordChange) => {
    const deleted = await tx
      .deleteFrom('setup_tokens')
      .where('token_hash', '=', hashToken(token))
      .where('expires_at', '>', isoNow(ctx.clock))
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1 || (await countUsers(tx)) > 0) throw new AppError('GONE', 'This setup link has expired or was already used');
    const row = {
      id: newId(),
      email: input.email,
      name: input.name,
      role: 'admin',
      password_hash: passwordHash,
      organization_id: null,
      locale: 'en',
      created_at: isoNow(ctx.clock),
      disabled_at: null,
    };
    await tx.insertInto('users').values(row).execute();
    const created = toUser(row);
    recordChange({ action: 'create', entityType: 'user', entityId: created.id, caseId: null, before: null, after: created });
    return created;
  });
  return { sessionToken: await startSession(ctx, user.id), user };
}

export async function startSession(ctx: ServiceContext, userId: string): Promise<string> {
  const sessionToken = newSecret();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(sessionToken),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + sessionLifetimeMs).toISOString(),
    })
    .execute();
  return sessionToken;
}

/** Counted in the database, so that several app servers share one limit. */
async function refuseWhenRateLimited(ctx: ServiceContext, keys: string[]): Promise<void> {
  const since = new Date(ctx.clock.now().getTime() - failureWindowMs).toISOString();
  await ctx.db.deleteFrom('sign_in_failures').where('attempted_at', '<', since).execute();
  const counts = await ctx.db
    .selectFrom('sign_in_failures')
    .select(['key', (eb) => eb.fn.countAll<number>().as('failures')])
    .where('key', 'in', keys)
    .groupBy('key')
    .execute();
  for (const { key, failures } of counts) {
    const limit = key.startsWith('account:') ? maxFailuresPerAccount : maxFailuresPerClient;
    if (Number(failures) >= limit) throw new AppError('RATE_LIMITED', 'Too many failed sign-ins; try again in 15 minutes');
  }
}
