import type { Queryable } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { requireLetterEditor, requireLetterReader } from '../letters/letters.service.ts';
import type { Actor } from '../users/actor.ts';
import type { AnswerClassification, LetterResponse, ResponseInput } from './response.ts';

export async function listResponses(ctx: ServiceContext, actor: Actor, letterId: string): Promise<LetterResponse[]> {
  const { access } = await requireLetterReader(ctx, ctx.db, actor, letterId);
  const responses = await loadResponses(ctx.db, { letterIds: [letterId] });
  // Which editor classified an answer is the coalition's business, not the public's or the company's.
  return access.isInsider ? responses : responses.map((response) => ({ ...response, answers: response.answers.map((answer) => ({ ...answer, classifiedBy: null, classifiedAt: null })) }));
}

/** What a company sent back, recorded by an editor. Responses are never edited: a correction supersedes. */
export async function recordResponse(ctx: ServiceContext, actor: Actor, letterId: string, input: ResponseInput): Promise<LetterResponse> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const { letter } = await requireLetterEditor(ctx, tx, actor, letterId);
    const questionIds = new Map(letter.questions.map((question) => [question.number, question.id]));
    const seen = new Set<number>();
    for (const [index, answer] of input.answers.entries()) {
      if (!questionIds.has(answer.questionNumber)) throw AppError.invalid(`answers.${index}.questionNumber`, `the letter has no question ${answer.questionNumber}`);
      if (seen.has(answer.questionNumber)) throw AppError.invalid(`answers.${index}.questionNumber`, 'answers the same question twice');
      seen.add(answer.questionNumber);
    }
    if (input.supersedesId) {
      const superseded = await tx.selectFrom('responses').select('letter_id').where('id', '=', input.supersedesId).executeTakeFirst();
      if (superseded?.letter_id !== letterId) throw AppError.invalid('supersedesId', 'must be an earlier response to the same letter');
    }
    const id = newId();
    const now = isoNow(ctx.clock);
    await tx
      .insertInto('responses')
      .values({ id, letter_id: letterId, received_on: input.receivedOn, text: input.text, supersedes_id: input.supersedesId, created_at: now, updated_at: now })
      .execute();
    if (input.answers.length > 0) {
      await tx
        .insertInto('response_answers')
        .values(
          input.answers.map((answer) => ({
            response_id: id,
            question_id: questionIds.get(answer.questionNumber)!,
            text: answer.text,
            classification: answer.classification,
            classified_by_id: answer.classification ? actor.userId : null,
            classified_by_name: answer.classification ? actor.name : null,
            classified_at: answer.classification ? now : null,
          })),
        )
        .execute();
    }
    const [created] = await loadResponses(tx, { ids: [id] });
    recordChange({ action: 'create', entityType: 'response', entityId: id, caseId: letter.caseId, before: null, after: created });
    return created!;
  });
}

export async function loadResponses(db: Queryable, filter: { ids: string[] } | { letterIds: string[] }): Promise<LetterResponse[]> {
  const keys = 'ids' in filter ? filter.ids : filter.letterIds;
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('responses')
    .selectAll()
    .where('ids' in filter ? 'id' : 'letter_id', 'in', keys)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const answers = await db
    .selectFrom('response_answers')
    .innerJoin('letter_questions', 'letter_questions.id', 'response_answers.question_id')
    .select(['response_answers.response_id', 'response_answers.question_id', 'letter_questions.number', 'response_answers.text', 'response_answers.classification', 'response_answers.classified_by_name', 'response_answers.classified_at'])
    .where(
      'response_answers.response_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('letter_questions.number')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    letterId: row.letter_id,
    receivedOn: row.received_on,
    text: row.text,
    answers: answers
      .filter((answer) => answer.response_id === row.id)
      .map((answer) => ({
        questionId: answer.question_id,
        questionNumber: Number(answer.number),
        text: answer.text,
        classification: answer.classification as AnswerClassification | null,
        classifiedBy: answer.classified_by_name ?? null,
        classifiedAt: answer.classified_at ?? null,
      })),
    supersedesId: row.supersedes_id,
    createdAt: row.created_at,
    submittedAt: row.submitted_at ?? null,
    submittedBy: row.submitted_by_name ?? null,
    sha256: row.sha256 ?? null,
  }));
}
