import type { Queryable, Tx } from '../../db/database.ts';
import { calendarDateIn } from '../../shared/partial-date.ts';
import type { Letter, LetterInput } from './letter.ts';
import { newId } from '../../shared/ids.ts';
import { zonedTimeToInstant } from '../../shared/zoned-time.ts';

export async function loadLetters(db: Queryable, filter: { ids: string[] } | { caseIds: string[] }): Promise<Letter[]> {
  const keys = 'ids' in filter ? filter.ids : filter.caseIds;
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('letters')
    .innerJoin('organizations as recipient', 'recipient.id', 'letters.recipient_id')
    .selectAll('letters')
    .select('recipient.name as recipient_name')
    .where('ids' in filter ? 'letters.id' : 'letters.case_id', 'in', keys)
    .orderBy('letters.id')
    .execute();
  if (rows.length === 0) return [];
  const letterIds = rows.map((row) => row.id);
  const [signatories, demands, questions] = await Promise.all([
    db
      .selectFrom('letter_signatories')
      .innerJoin('organizations', 'organizations.id', 'letter_signatories.organization_id')
      .select(['letter_signatories.letter_id', 'organizations.id', 'organizations.name'])
      .where('letter_signatories.letter_id', 'in', letterIds)
      .orderBy('letter_signatories.position')
      .execute(),
    db.selectFrom('letter_demands').selectAll().where('letter_id', 'in', letterIds).orderBy('position').execute(),
    db.selectFrom('letter_questions').selectAll().where('letter_id', 'in', letterIds).orderBy('number').execute(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    recipient: { id: row.recipient_id, name: row.recipient_name },
    signatories: signatories.filter((s) => s.letter_id === row.id).map(({ id, name }) => ({ id, name })),
    signatoryCount: row.signatory_count === null ? null : Number(row.signatory_count),
    subject: row.subject,
    body: row.body,
    demands: demands.filter((d) => d.letter_id === row.id).map((d) => d.text),
    questions: questions.filter((q) => q.letter_id === row.id).map((q) => ({ id: q.id, number: Number(q.number), text: q.text })),
    sentOn: row.sent_on,
    responseDeadline:
      row.response_deadline_at && row.response_deadline_time_zone
        ? {
            at: row.response_deadline_at,
            timeZone: row.response_deadline_time_zone,
            date: calendarDateIn(new Date(row.response_deadline_at), row.response_deadline_time_zone),
          }
        : null,
    publishedOn: row.published_on,
    sentAt: row.sent_at ?? null,
    publishAt: row.publish_at ?? null,
    followsLetterId: row.follows_letter_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** The deadline is kept as the instant it falls at; its local date is derived from that and the zone. */
export function letterColumns(input: Omit<LetterInput, 'caseId'>) {
  const deadline = input.responseDeadline;
  return {
    recipient_id: input.recipientId,
    follows_letter_id: input.followsLetterId,
    subject: input.subject,
    body: input.body,
    signatory_count: input.signatoryCount,
    sent_on: input.sentOn,
    response_deadline_at: deadline ? zonedTimeToInstant(deadline.date, deadline.time, deadline.timeZone).toISOString() : null,
    response_deadline_time_zone: deadline?.timeZone ?? null,
    published_on: input.publishedOn,
  };
}

export async function writeSignatories(tx: Tx, letterId: string, organizationIds: string[]): Promise<void> {
  await tx.deleteFrom('letter_signatories').where('letter_id', '=', letterId).execute();
  await tx
    .insertInto('letter_signatories')
    .values(organizationIds.map((organization_id, position) => ({ letter_id: letterId, organization_id, position })))
    .execute();
}

export async function writeDemands(tx: Tx, letterId: string, demands: string[]): Promise<void> {
  await tx.deleteFrom('letter_demands').where('letter_id', '=', letterId).execute();
  if (demands.length > 0) await tx.insertInto('letter_demands').values(demands.map((text, position) => ({ letter_id: letterId, position, text }))).execute();
}

export async function writeQuestions(tx: Tx, letterId: string, questions: string[]): Promise<void> {
  await tx.deleteFrom('letter_questions').where('letter_id', '=', letterId).execute();
  if (questions.length > 0) {
    await tx
      .insertInto('letter_questions')
      .values(questions.map((text, index) => ({ id: newId(), letter_id: letterId, number: index + 1, text })))
      .execute();
  }
}
