import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/database.ts';
import { canonicalJson } from '../../shared/canonical-json.ts';

/**
 * The SHA-256 of a submitted response as stored: the company's words, the questions they answer,
 * the attachments' own SHA-256, who submitted it and when. Both sides receive it in their receipt,
 * so either can later show that the stored response is the one that was submitted. An editor's
 * classification is a judgement about the response, not part of it, and is not covered.
 */
export interface ResponseContent {
  responseId: string;
  letterId: string;
  supersedesId: string | null;
  receivedOn: string;
  submittedAt: string;
  submittedBy: { id: string | null; name: string };
  coverNote: string;
  answers: { questionNumber: number; question: string; text: string }[];
  attachments: { filename: string; contentType: string; size: number; sha256: string }[];
}

export function hashResponse(content: ResponseContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The content of a stored response, read back from its rows (for verification). */
export async function readResponseContent(db: Queryable, responseId: string): Promise<{ content: ResponseContent; storedSha256: string | null } | undefined> {
  const response = await db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirst();
  if (!response || !response.submitted_at) return undefined;
  const [answers, attachments] = await Promise.all([
    db
      .selectFrom('response_answers')
      .innerJoin('letter_questions', 'letter_questions.id', 'response_answers.question_id')
      .select(['letter_questions.number', 'letter_questions.text as question', 'response_answers.text'])
      .where('response_answers.response_id', '=', responseId)
      .orderBy('letter_questions.number')
      .execute(),
    db.selectFrom('response_attachments').select(['filename', 'content_type', 'size', 'sha256']).where('response_id', '=', responseId).orderBy('sha256').orderBy('filename').execute(),
  ]);
  return {
    storedSha256: response.sha256 ?? null,
    content: {
      responseId,
      letterId: response.letter_id,
      supersedesId: response.supersedes_id,
      receivedOn: response.received_on,
      submittedAt: response.submitted_at,
      submittedBy: { id: response.submitted_by_id ?? null, name: response.submitted_by_name ?? '' },
      coverNote: response.text,
      answers: answers.map((answer) => ({ questionNumber: Number(answer.number), question: answer.question, text: answer.text })),
      attachments: attachments
        .map((attachment) => ({ filename: attachment.filename, contentType: attachment.content_type, size: Number(attachment.size), sha256: attachment.sha256 }))
        // Sorted here, not by the database, whose text collation differs between engines.
        .sort((a, b) => a.sha256.localeCompare(b.sha256) || a.filename.localeCompare(b.filename)),
    },
  };
}

/** Recomputes the hash from the stored rows: true when nothing has changed since submission. */
export async function verifyResponse(db: Queryable, responseId: string): Promise<{ sha256: string; matches: boolean } | undefined> {
  const read = await readResponseContent(db, responseId);
  if (!read) return undefined;
  const sha256 = hashResponse(read.content);
  return { sha256, matches: sha256 === read.storedSha256 };
}
