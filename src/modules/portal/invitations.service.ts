import type { Tx } from '../../db/database.ts';
import { isoNow } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { newId, newSecret } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import type { Letter } from '../letters/letter.ts';
import type { ContactInput } from '../letters/letter-lifecycle.ts';
import { requireLetterEditor } from '../letters/letters.service.ts';
import { mailOf } from '../mail/mailer.ts';
import { queueEmails, type QueuedEmail } from '../mail/outbound-mail.ts';
import { type Actor, systemActor } from '../users/actor.ts';
import { hashPassword, hashToken, sealTotpSecret, verifyTotp } from '../users/secrets.ts';
import { startSession } from '../users/sessions.service.ts';
import type { User } from '../users/user.ts';
import { findUserByEmail, toUser } from '../users/users.service.ts';
import type { AcceptInvitationInput, Invitation } from './portal.ts';

/**
 * Invitations to the portal. The link is single-use, expires (7 days), and only its SHA-256 is
 * stored. The secret is minted when the email is delivered (not when it is queued), so it never
 * rests in the database or the job queue; a delivery that is retried mints a new one, and the
 * earlier link stops working.
 */
export const invitationLifetimeMs = 7 * 24 * 3600 * 1000;

/** Within the sending transaction: contacts recorded, and an invitation (or, for a respondent already, a notice) queued for each. */
export async function inviteContacts(ctx: ServiceContext, tx: Tx, input: { letter: Letter; contacts: ContactInput[]; now: string }): Promise<string[]> {
  const { letter, now } = input;
  const emails: QueuedEmail[] = [];
  const invitationIds: string[] = [];
  for (const contact of input.contacts) {
    await tx.insertInto('letter_contacts').values({ letter_id: letter.id, email: contact.email, name: contact.name, added_at: now }).onConflict((c) => c.columns(['letter_id', 'email']).doNothing()).execute();
    const existing = await findUserByEmail(tx, contact.email);
    if (existing?.role === 'respondent' && existing.companyId === letter.recipient.id) {
      emails.push({ idempotencyKey: `letter:${letter.id}:${contact.email}`, kind: 'letter-sent', recipients: [contact.email], payload: { letterId: letter.id } });
      continue;
    }
    const id = newId();
    await tx
      .insertInto('invitations')
      .values({
        id,
        token_hash: null,
        company_id: letter.recipient.id,
        letter_id: letter.id,
        email: contact.email,
        name: contact.name,
        created_at: now,
        expires_at: new Date(Date.parse(now) + invitationLifetimeMs).toISOString(),
        used_at: null,
        user_id: null,
      })
      .execute();
    invitationIds.push(id);
    emails.push({ idempotencyKey: `invitation:${id}`, kind: 'invitation', recipients: [contact.email], payload: { invitationId: id, letterId: letter.id } });
  }
  await queueEmails(tx, emails, now);
  return invitationIds;
}

/** Another contact at the company, for a letter already sent. */
export async function inviteRespondent(ctx: ServiceContext, actor: Actor, letterId: string, contact: ContactInput): Promise<{ invitations: number }> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const { letter } = await requireLetterEditor(ctx, tx, actor, letterId);
    if (!letter.sentAt && !letter.sentOn) throw new AppError('CONFLICT', 'Send the letter first; its contacts are invited then');
    const ids = await inviteContacts(ctx, tx, { letter, contacts: [contact], now: isoNow(ctx.clock) });
    recordChange({ action: 'create', entityType: 'invitation', entityId: ids[0] ?? letterId, caseId: letter.caseId, before: null, after: { letterId, contact: contact.email } });
    return { invitations: ids.length };
  });
}

/** At delivery: a fresh secret for the link; null when the invitation was used or has expired. */
export async function mintInvitationLink(ctx: ServiceContext, invitationId: string): Promise<{ url: string; expiresAt: string } | null> {
  const token = newSecret();
  const updated = await ctx.db
    .updateTable('invitations')
    .set({ token_hash: hashToken(token) })
    .where('id', '=', invitationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', isoNow(ctx.clock))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return null;
  const row = await ctx.db.selectFrom('invitations').select('expires_at').where('id', '=', invitationId).executeTakeFirstOrThrow();
  return { url: `${mailOf(ctx).publicUrl}/invitations/${token}`, expiresAt: row.expires_at };
}

/** The invitation a link stands for, while it can still be used; GONE otherwise. */
export async function findInvitation(ctx: ServiceContext, token: string): Promise<Invitation> {
  const row = await ctx.db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.company_id')
    .select(['invitations.id', 'invitations.email', 'invitations.company_id', 'invitations.letter_id', 'invitations.expires_at', 'invitations.used_at', 'organizations.name'])
    .where('invitations.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= isoNow(ctx.clock)) throw new AppError('GONE', 'This invitation has expired or was already used; ask the sender for a new one');
  return { id: row.id, email: row.email, companyId: row.company_id, companyName: row.name, letterId: row.letter_id, expiresAt: row.expires_at };
}

/** Creates the respondent's account, bound to the invitation's company, and signs them in. The link then stops working. */
export async function acceptInvitation(ctx: ServiceContext, token: string, input: AcceptInvitationInput): Promise<{ user: User; sessionToken: string }> {
  if (input.totpSecret && !(input.totpCode && verifyTotp(input.totpSecret, input.totpCode, ctx.clock.now()))) {
    throw AppError.invalid('totpCode', 'does not match the code of the authenticator app; check its time and try again');
  }
  const passwordHash = await hashPassword(input.password);
  const fieldKey = input.totpSecret ? await ctx.evidence.fieldKey() : null;
  const user = await transact(ctx, systemActor('invitation'), async (tx, recordChange) => {
    const invitation = await findInvitationIn(ctx, tx, token);
    const used = await tx
      .updateTable('invitations')
      .set({ used_at: isoNow(ctx.clock) })
      .where('id', '=', invitation.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('GONE', 'This invitation has expired or was already used; ask the sender for a new one');
    if (await findUserByEmail(tx, invitation.email)) throw new AppError('CONFLICT', 'An account with this email exists already: sign in instead');
    const id = newId();
    const row = {
      id,
      email: invitation.email,
      name: input.name,
      role: 'respondent',
      password_hash: passwordHash,
      organization_id: null,
      company_id: invitation.companyId,
      totp_secret: input.totpSecret && fieldKey ? sealTotpSecret(input.totpSecret, fieldKey, id) : null,
      locale: 'en',
      created_at: isoNow(ctx.clock),
      disabled_at: null,
    };
    await tx.insertInto('users').values(row).execute();
    await tx.updateTable('invitations').set({ user_id: row.id }).where('id', '=', invitation.id).execute();
    const created = toUser(row);
    recordChange({ action: 'create', entityType: 'user', entityId: created.id, caseId: null, before: null, after: { ...created, secondFactor: row.totp_secret !== null } });
    return created;
  });
  return { user, sessionToken: await startSession(ctx, user.id) };
}

async function findInvitationIn(ctx: ServiceContext, tx: Tx, token: string): Promise<Invitation> {
  return findInvitation({ ...ctx, db: tx }, token);
}
