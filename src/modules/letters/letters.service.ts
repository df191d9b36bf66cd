import type { Queryable, Tx } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { type CaseAccess, findCaseAccess, requireCaseEditor, requireCaseReader } from '../cases/case-access.ts';
import { assertOrganization } from '../organizations/organizations.service.ts';
import type { Actor } from '../users/actor.ts';
import { isLetterPublic, type Letter, type LetterInput, type LetterPatch } from './letter.ts';
import { letterColumns, loadLetters, writeDemands, writeQuestions, writeSignatories } from './letters.repository.ts';

/** Letters of the cases the actor may read; an embargoed letter only for the case's members and admins. */
export async function listLetters(ctx: ServiceContext, actor: Actor, filter: { caseId: string }): Promise<Letter[]> {
  const access = await requireCaseReader(ctx.db, actor, filter.caseId);
  const now = isoNow(ctx.clock);
  return (await loadLetters(ctx.db, { caseIds: [filter.caseId] })).filter((letter) => access.isInsider || isLetterPublic(letter, now));
}

export async function getLetter(ctx: ServiceContext, actor: Actor, letterId: string): Promise<Letter> {
  return (await requireLetterReader(ctx, ctx.db, actor, letterId)).letter;
}

export async function createLetter(ctx: ServiceContext, actor: Actor, input: LetterInput): Promise<Letter> {
  return transact(ctx, actor, async (tx, recordChange) => {
    await requireCaseEditor(tx, actor, input.caseId);
    await checkLetterReferences(tx, input.caseId, input, null);
    const id = newId();
    const now = isoNow(ctx.clock);
    await tx.insertInto('letters').values({ id, case_id: input.caseId, ...letterColumns(input), created_at: now, updated_at: now }).execute();
    await writeSignatories(tx, id, input.signatoryIds);
    await writeDemands(tx, id, input.demands);
    await writeQuestions(tx, id, input.questions);
    const [created] = await loadLetters(tx, { ids: [id] });
    recordChange({ action: 'create', entityType: 'letter', entityId: id, caseId: input.caseId, before: null, after: created });
    return created!;
  });
}

export async function updateLetter(ctx: ServiceContext, actor: Actor, letterId: string, patch: LetterPatch): Promise<Letter> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const { letter: before } = await requireLetterEditor(ctx, tx, actor, letterId);
    const input = { ...letterToInput(before), ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
    await checkLetterReferences(tx, before.caseId, input, letterId);
    const wordingChanged = changesWording(before, patch);
    if (wordingChanged && before.sentAt) {
      throw new AppError('CONFLICT', 'The letter has been sent: its wording can no longer change (write a follow-up letter instead)');
    }
    // Approvals are of the wording: a change to it asks every signatory again.
    if (wordingChanged) await tx.deleteFrom('letter_approvals').where('letter_id', '=', letterId).execute();
    if (patch.questions && !sameQuestions(before, patch.questions)) {
      const responses = await tx.selectFrom('responses').select('id').where('letter_id', '=', letterId).executeTakeFirst();
      if (responses) throw new AppError('CONFLICT', 'questions: the company has responded to these questions; they can no longer be changed', [{ field: 'questions', message: 'cannot change after a response' }]);
      await writeQuestions(tx, letterId, patch.questions);
    }
    await tx.updateTable('letters').set({ ...letterColumns(input), updated_at: isoNow(ctx.clock) }).where('id', '=', letterId).execute();
    if (patch.signatoryIds) await writeSignatories(tx, letterId, patch.signatoryIds);
    if (patch.demands) await writeDemands(tx, letterId, patch.demands);
    const [after] = await loadLetters(tx, { ids: [letterId] });
    recordChange({ action: 'update', entityType: 'letter', entityId: letterId, caseId: before.caseId, before, after });
    return after!;
  });
}

export async function deleteLetter(ctx: ServiceContext, actor: Actor, letterId: string): Promise<void> {
  await transact(ctx, actor, async (tx, recordChange) => {
    const { letter } = await requireLetterEditor(ctx, tx, actor, letterId);
    const responses = await tx.selectFrom('responses').selectAll().where('letter_id', '=', letterId).execute();
    await tx.deleteFrom('letters').where('id', '=', letterId).execute();
    recordChange({ action: 'delete', entityType: 'letter', entityId: letterId, caseId: letter.caseId, before: { ...letter, responses }, after: null });
  });
}

/** The letter, if the actor may read it; NOT_FOUND otherwise, so an embargoed letter's existence does not leak. */
export async function requireLetterReader(
  ctx: ServiceContext,
  db: Queryable,
  actor: Actor,
  letterId: string,
): Promise<{ letter: Letter; access: CaseAccess }> {
  const [letter] = await loadLetters(db, { ids: [letterId] });
  if (letter && actor.role === 'respondent') {
    // A company's respondent reads the letters sent to that company, and nothing else.
    if (!isSentTo(letter, actor.companyId)) throw AppError.notFound('Letter');
    const caseRow = await db.selectFrom('cases').selectAll().where('id', '=', letter.caseId).executeTakeFirstOrThrow();
    return { letter, access: { caseRow, isInsider: false, canEdit: false } };
  }
  const access = letter && (await findCaseAccess(db, actor, letter.caseId));
  if (!letter || !access || (!access.isInsider && !isLetterPublic(letter, isoNow(ctx.clock)))) throw AppError.notFound('Letter');
  return { letter, access };
}

export async function requireLetterEditor(ctx: ServiceContext, tx: Tx, actor: Actor, letterId: string): Promise<{ letter: Letter; access: CaseAccess }> {
  const found = await requireLetterReader(ctx, tx, actor, letterId);
  await requireCaseEditor(tx, actor, found.letter.caseId);
  return found;
}

async function checkLetterReferences(db: Queryable, caseId: string, input: Omit<LetterInput, 'caseId'>, letterId: string | null): Promise<void> {
  await assertOrganization(db, input.recipientId, 'recipientId', 'company');
  for (const [index, signatoryId] of input.signatoryIds.entries()) await assertOrganization(db, signatoryId, `signatoryIds.${index}`);
  if (new Set(input.signatoryIds).size !== input.signatoryIds.length) throw AppError.invalid('signatoryIds', 'names an organisation twice');
  if (input.signatoryCount !== null && input.signatoryCount < input.signatoryIds.length) {
    throw AppError.invalid('signatoryCount', 'cannot be smaller than the number of named signatories');
  }
  if (input.followsLetterId) {
    const followed = await db.selectFrom('letters').select('case_id').where('id', '=', input.followsLetterId).executeTakeFirst();
    if (followed?.case_id !== caseId || input.followsLetterId === letterId) throw AppError.invalid('followsLetterId', 'must be another letter of the same case');
  }
}

function letterToInput(letter: Letter): Omit<LetterInput, 'caseId'> {
  const deadline = letter.responseDeadline;
  return {
    recipientId: letter.recipient.id,
    signatoryIds: letter.signatories.map((signatory) => signatory.id),
    signatoryCount: letter.signatoryCount,
    subject: letter.subject,
    body: letter.body,
    demands: letter.demands,
    questions: letter.questions.map((question) => question.text),
    sentOn: letter.sentOn,
    responseDeadline: deadline ? { date: deadline.date, time: localTime(deadline.at, deadline.timeZone), timeZone: deadline.timeZone } : null,
    publishedOn: letter.publishedOn,
    followsLetterId: letter.followsLetterId,
  };
}

function localTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

function sameQuestions(letter: Letter, questions: string[]): boolean {
  return letter.questions.length === questions.length && letter.questions.every((question, index) => question.text === questions[index]);
}

/** Sent (or recorded as sent) to this company. */
export function isSentTo(letter: Letter, companyId: string | null | undefined): boolean {
  return !!companyId && letter.recipient.id === companyId && (letter.sentOn !== null || letter.sentAt !== null);
}

function changesWording(letter: Letter, patch: LetterPatch): boolean {
  const differs = <T>(value: T | undefined, current: T) => value !== undefined && JSON.stringify(value) !== JSON.stringify(current);
  return (
    differs(patch.subject, letter.subject) ||
    differs(patch.body, letter.body) ||
    differs(patch.demands, letter.demands) ||
    differs(patch.signatoryIds, letter.signatories.map((signatory) => signatory.id)) ||
    (patch.questions !== undefined && !sameQuestions(letter, patch.questions))
  );
}
