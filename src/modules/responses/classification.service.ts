import { isoNow } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { requireLetterEditor } from '../letters/letters.service.ts';
import type { Actor } from '../users/actor.ts';
import type { AnswerClassification, LetterResponse } from './response.ts';
import { loadResponses } from './responses.service.ts';

/**
 * An editor's judgement of one answer (answered, partial, declined, not addressed), recorded with
 * who made it and when. The company's words stay as submitted; only the judgement changes, and
 * every change of it is in the history.
 */
export async function classifyAnswer(
  ctx: ServiceContext,
  actor: Actor,
  responseId: string,
  questionNumber: number,
  classification: AnswerClassification,
): Promise<LetterResponse> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const response = await tx.selectFrom('responses').select(['letter_id']).where('id', '=', responseId).executeTakeFirst();
    if (!response) throw AppError.notFound('Response');
    const { letter } = await requireLetterEditor(ctx, tx, actor, response.letter_id).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? AppError.notFound('Response') : error;
    });
    const question = letter.questions.find((candidate) => candidate.number === questionNumber);
    const answer = question && (await tx.selectFrom('response_answers').selectAll().where('response_id', '=', responseId).where('question_id', '=', question.id).executeTakeFirst());
    if (!question || !answer) throw AppError.notFound('Answer');
    const now = isoNow(ctx.clock);
    await tx
      .updateTable('response_answers')
      .set({ classification, classified_by_id: actor.userId, classified_by_name: actor.name, classified_at: now })
      .where('response_id', '=', responseId)
      .where('question_id', '=', question.id)
      .execute();
    recordChange({
      action: 'update',
      entityType: 'answer_classification',
      entityId: `${responseId}/${questionNumber}`,
      caseId: letter.caseId,
      before: { classification: answer.classification, classifiedBy: answer.classified_by_name ?? null },
      after: { classification, classifiedBy: actor.name },
    });
    const [updated] = await loadResponses(tx, { ids: [responseId] });
    return updated!;
  });
}
