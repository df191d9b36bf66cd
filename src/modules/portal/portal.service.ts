import type { Readable } from 'node:stream';
import type { Queryable } from '../../db/database.ts';
import type { ResponseAttachmentsTable } from '../../db/schema.ts';
import { isoNow } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { storeUpload } from '../evidence/upload.ts';
import type { Letter } from '../letters/letter.ts';
import type { DeadlineExtension } from '../letters/letter-lifecycle.ts';
import { computeLetterStatusFor, loadApprovals, withoutApprovers } from '../letters/letter-lifecycle.service.ts';
import { caseEditorEmails, companyEmails } from '../letters/letter-recipients.ts';
import { computeLetterStatus, type LetterStatus } from '../letters/letter-status.ts';
import { loadLetters } from '../letters/letters.repository.ts';
import { requireLetterReader } from '../letters/letters.service.ts';
import { deadlineHistory, loadExtensions } from '../letters/extensions.service.ts';
import { queueEmails } from '../mail/outbound-mail.ts';
import { hashResponse, type ResponseContent } from '../responses/response-receipt.ts';
import type { LetterResponse } from '../responses/response.ts';
import { loadResponses } from '../responses/responses.service.ts';
import type { Actor } from '../users/actor.ts';
import { type AnswerDraft, attachmentLimits, type AnswerDraftInput, type ResponseAttachment, type SubmitResponseInput } from './portal.ts';

/**
 * The company portal: a respondent reads the letters sent to their company, drafts an answer per
 * question, attaches files, and submits. A submitted response is never changed: a correction is a
 * new response that supersedes it. Anything that is not such a letter is NOT_FOUND for them.
 */
export interface PortalLetterSummary {
  letter: Pick<Letter, 'id' | 'subject' | 'sentOn' | 'responseDeadline'> & { signatories: string[] };
  status: LetterStatus;
}

export interface PortalLetter {
  letter: Letter;
  status: LetterStatus;
  drafts: AnswerDraft[];
  /** Attached to the draft, not yet submitted. */
  draftAttachments: ResponseAttachment[];
  responses: (LetterResponse & { attachments: ResponseAttachment[] })[];
  extensions: DeadlineExtension[];
  deadlines: { at: string; setBy: 'letter' | 'extension' }[];
}

export async function listPortalLetters(ctx: ServiceContext, actor: Actor): Promise<PortalLetterSummary[]> {
  const companyId = requireRespondent(actor);
  const rows = await ctx.db
    .selectFrom('letters')
    .select('id')
    .where('recipient_id', '=', companyId)
    .where((eb) => eb.or([eb('sent_on', 'is not', null), eb('sent_at', 'is not', null)]))
    .orderBy('id', 'desc')
    .execute();
  const letters = await loadLetters(ctx.db, { ids: rows.map((row) => row.id) });
  const now = ctx.clock.now();
  const summaries = await Promise.all(
    letters.map(async (letter) => ({
      letter: { id: letter.id, subject: letter.subject, sentOn: letter.sentOn, responseDeadline: letter.responseDeadline, signatories: letter.signatories.map((s) => s.name) },
      status: withoutApprovers(await computeLetterStatusFor(ctx.db, letter, now)),
    })),
  );
  return summaries.sort((a, b) => (b.letter.sentOn ?? '').localeCompare(a.letter.sentOn ?? ''));
}

export async function getPortalLetter(ctx: ServiceContext, actor: Actor, letterId: string): Promise<PortalLetter> {
  requireRespondent(actor);
  const { letter } = await requireLetterReader(ctx, ctx.db, actor, letterId);
  const [approvals, drafts, attachments, responses, extensions] = await Promise.all([
    loadApprovals(ctx.db, letterId),
    loadDrafts(ctx.db, letter),
    loadAttachments(ctx.db, letterId),
    loadResponses(ctx.db, { letterIds: [letterId] }),
    loadExtensions(ctx.db, [letterId]),
  ]);
  const status = withoutApprovers(computeLetterStatus({ letter, responses, approvals, now: ctx.clock.now() }));
  return {
    letter,
    status,
    drafts,
    draftAttachments: attachments.filter((attachment) => attachment.responseId === null),
    responses: responses.map((response) => ({
      ...response,
      answers: response.answers.map((answer) => ({ ...answer, classifiedBy: null, classifiedAt: null })),
      attachments: attachments.filter((attachment) => attachment.responseId === response.id),
    })),
    extensions,
    deadlines: deadlineHistory(letter, extensions),
  };
}

/** Saves (or, with empty text, clears) the draft answer to one question. Drafts are shared by the company's respondents. */
export async function saveAnswerDraft(ctx: ServiceContext, actor: Actor, letterId: string, questionNumber: number, input: AnswerDraftInput): Promise<AnswerDraft[]> {
  requireRespondent(actor);
  const { letter } = await requireLetterReader(ctx, ctx.db, actor, letterId);
  const question = letter.questions.find((candidate) => candidate.number === questionNumber);
  if (!question) throw AppError.notFound('Question');
  await ctx.db.deleteFrom('answer_drafts').where('letter_id', '=', letterId).where('question_id', '=', question.id).execute();
  if (input.text !== '') {
    await ctx.db.insertInto('answer_drafts').values({ letter_id: letterId, question_id: question.id, text: input.text, updated_by_name: actor.name, updated_at: isoNow(ctx.clock) }).execute();
  }
  return loadDrafts(ctx.db, letter);
}

export async function attachFile(ctx: ServiceContext, actor: Actor, letterId: string, file: { filename: string; bytes: Buffer }): Promise<ResponseAttachment> {
  requireRespondent(actor);
  await requireLetterReader(ctx, ctx.db, actor, letterId);
  const attached = await ctx.db.selectFrom('response_attachments').select('id').where('letter_id', '=', letterId).where('response_id', 'is', null).execute();
  if (attached.length >= attachmentLimits.maxFiles) throw AppError.invalid('file', `a response can have at most ${attachmentLimits.maxFiles} attachments`);
  const stored = await storeUpload(ctx.evidence.blobStore, file.bytes, { maxBytes: attachmentLimits.maxBytes, allowedTypes: attachmentLimits.types });
  const row: ResponseAttachmentsTable = {
    id: newId(),
    letter_id: letterId,
    response_id: null,
    filename: file.filename,
    content_type: stored.contentType,
    size: stored.size,
    sha256: stored.sha256,
    uploaded_by_name: actor.name,
    uploaded_at: isoNow(ctx.clock),
  };
  await ctx.db.insertInto('response_attachments').values(row).execute();
  return toAttachment(row);
}

/** Only an attachment of the draft can be removed; a submitted one belongs to its response for good. */
export async function removeDraftAttachment(ctx: ServiceContext, actor: Actor, letterId: string, attachmentId: string): Promise<void> {
  requireRespondent(actor);
  await requireLetterReader(ctx, ctx.db, actor, letterId);
  const removed = await ctx.db.deleteFrom('response_attachments').where('id', '=', attachmentId).where('letter_id', '=', letterId).where('response_id', 'is', null).executeTakeFirst();
  if (Number(removed.numDeletedRows) !== 1) throw AppError.notFound('Attachment');
}

/** An attachment's bytes, for whoever may read the letter (its company's respondents, the case's insiders; the public once published). */
export async function readAttachment(ctx: ServiceContext, actor: Actor, letterId: string, attachmentId: string): Promise<{ attachment: ResponseAttachment; content: Readable }> {
  await requireLetterReader(ctx, ctx.db, actor, letterId);
  const row = await ctx.db.selectFrom('response_attachments').selectAll().where('id', '=', attachmentId).where('letter_id', '=', letterId).executeTakeFirst();
  // A draft's attachments are the company's own until submitted.
  if (!row || (row.response_id === null && actor.role !== 'respondent')) throw AppError.notFound('Attachment');
  return { attachment: toAttachment(row), content: ctx.evidence.blobStore.get(row.sha256) };
}

export interface SubmittedResponse {
  response: LetterResponse;
  sha256: string;
  receiptSentTo: string[];
}

/**
 * Submits the drafts as the company's response: timestamped, hashed as stored, immutable. If the
 * company had responded before, the new response supersedes the last one (a correction). Both
 * sides receive a receipt carrying the SHA-256.
 */
export async function submitResponse(ctx: ServiceContext, actor: Actor, letterId: string, input: SubmitResponseInput): Promise<SubmittedResponse> {
  requireRespondent(actor);
  return transact(ctx, actor, async (tx, recordChange) => {
    const { letter } = await requireLetterReader(ctx, tx, actor, letterId);
    const drafts = await loadDrafts(tx, letter);
    const attachments = await tx.selectFrom('response_attachments').selectAll().where('letter_id', '=', letterId).where('response_id', 'is', null).execute();
    if (drafts.length === 0 && attachments.length === 0 && input.coverNote === '') {
      throw AppError.invalid('answers', 'write an answer to at least one question, a note, or attach a file before submitting');
    }
    const earlier = await loadResponses(tx, { letterIds: [letterId] });
    const superseded = new Set(earlier.flatMap((response) => (response.supersedesId ? [response.supersedesId] : [])));
    const latest = earlier.filter((response) => !superseded.has(response.id)).at(-1);
    const now = isoNow(ctx.clock);
    const id = newId();
    const questionText = new Map(letter.questions.map((question) => [question.number, question]));
    const content: ResponseContent = {
      responseId: id,
      letterId,
      supersedesId: latest?.id ?? null,
      receivedOn: now.slice(0, 10),
      submittedAt: now,
      submittedBy: { id: actor.userId, name: actor.name },
      coverNote: input.coverNote,
      answers: drafts.map((draft) => ({ questionNumber: draft.questionNumber, question: questionText.get(draft.questionNumber)!.text, text: draft.text })),
      attachments: attachments
        .map((attachment) => ({ filename: attachment.filename, contentType: attachment.content_type, size: Number(attachment.size), sha256: attachment.sha256 }))
        .sort((a, b) => a.sha256.localeCompare(b.sha256) || a.filename.localeCompare(b.filename)),
    };
    const sha256 = hashResponse(content);
    await tx
      .insertInto('responses')
      .values({
        id,
        letter_id: letterId,
        received_on: content.receivedOn,
        text: input.coverNote,
        supersedes_id: content.supersedesId,
        created_at: now,
        updated_at: now,
        submitted_at: now,
        submitted_by_id: actor.userId,
        submitted_by_name: actor.name,
        sha256,
      })
      .execute();
    if (drafts.length > 0) {
      await tx
        .insertInto('response_answers')
        .values(
          drafts.map((draft) => ({
            response_id: id,
            question_id: questionText.get(draft.questionNumber)!.id,
            text: draft.text,
            classification: null,
            classified_by_id: null,
            classified_by_name: null,
            classified_at: null,
          })),
        )
        .execute();
    }
    if (attachments.length > 0) {
      await tx
        .updateTable('response_attachments')
        .set({ response_id: id })
        .where('id', 'in', attachments.map((attachment) => attachment.id))
        .execute();
    }
    await tx.deleteFrom('answer_drafts').where('letter_id', '=', letterId).execute();
    const [response] = await loadResponses(tx, { ids: [id] });
    recordChange({ action: 'create', entityType: 'response', entityId: id, caseId: letter.caseId, before: null, after: { ...response, attachments: content.attachments } });
    const companySide = await companyEmails(tx, letterId, letter.recipient.id);
    const staffSide = await caseEditorEmails(tx, letter.caseId);
    await queueEmails(
      tx,
      [
        { idempotencyKey: `receipt:${id}:company`, kind: 'receipt', recipients: companySide, payload: { responseId: id } },
        { idempotencyKey: `receipt:${id}:staff`, kind: 'receipt', recipients: staffSide, payload: { responseId: id } },
      ],
      now,
    );
    return { response: response!, sha256, receiptSentTo: [...companySide, ...staffSide] };
  });
}

function requireRespondent(actor: Actor): string {
  if (actor.role !== 'respondent' || !actor.companyId) throw AppError.notFound('Page');
  return actor.companyId;
}

async function loadDrafts(db: Queryable, letter: Letter): Promise<AnswerDraft[]> {
  const rows = await db.selectFrom('answer_drafts').selectAll().where('letter_id', '=', letter.id).execute();
  const numberOf = new Map(letter.questions.map((question) => [question.id, question.number]));
  return rows
    .filter((row) => numberOf.has(row.question_id))
    .map((row) => ({ questionNumber: numberOf.get(row.question_id)!, text: row.text, updatedBy: row.updated_by_name, updatedAt: row.updated_at }))
    .sort((a, b) => a.questionNumber - b.questionNumber);
}

export async function loadAttachments(db: Queryable, letterId: string): Promise<ResponseAttachment[]> {
  return (await db.selectFrom('response_attachments').selectAll().where('letter_id', '=', letterId).orderBy('uploaded_at').orderBy('id').execute()).map(toAttachment);
}

function toAttachment(row: ResponseAttachmentsTable): ResponseAttachment {
  return {
    id: row.id,
    letterId: row.letter_id,
    responseId: row.response_id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by_name,
    uploadedAt: row.uploaded_at,
  };
}
