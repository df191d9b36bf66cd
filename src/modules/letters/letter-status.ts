import { calendarDateIn } from '../../shared/partial-date.ts';
import type { AnswerClassification, LetterResponse } from '../responses/response.ts';
import { isLetterPublic, type Letter } from './letter.ts';

/**
 * A letter's status is computed from the record and the clock, never typed in or stored: where it
 * is in its life (stage), and where the company's answer stands (state), with the days left or
 * overdue counted in the deadline's own time zone.
 */
export const letterStages = ['draft', 'approved', 'sent', 'published'] as const;
export type LetterStage = (typeof letterStages)[number];

export const letterStates = ['not_sent', 'awaiting_response', 'answered', 'partially_answered', 'declined', 'no_response'] as const;
export type LetterState = (typeof letterStates)[number];

export const questionStates = ['answered', 'partial', 'declined', 'not_addressed', 'awaiting_classification', 'no_answer_yet'] as const;
export type QuestionState = (typeof questionStates)[number];

export interface LetterStatus {
  stage: LetterStage;
  state: LetterState;
  /** Before the deadline, with nothing received: whole days left (0 on the day itself). */
  dueInDays: number | null;
  /** After the deadline, with nothing received: whole days since it. */
  overdueByDays: number | null;
  /** The deadline's local date, when overdue. */
  overdueSince: string | null;
  /** The first response's date, and whether it came after the deadline. */
  respondedOn: string | null;
  respondedLate: boolean | null;
  approvals: { organizationId: string; organizationName: string; approvedBy: string | null; approvedAt: string | null }[];
  questions: { number: number; state: QuestionState; responseId: string | null }[];
  /** In English, for the CLI and scripts; pages translate from the fields above. */
  summary: string;
}

export interface LetterApproval {
  organizationId: string;
  userName: string;
  approvedAt: string;
}

const dayMs = 24 * 3600 * 1000;

/** Whole calendar days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** Responses no later response supersedes: corrections replace what they correct. */
export function currentResponses(responses: LetterResponse[]): LetterResponse[] {
  const superseded = new Set(responses.flatMap((response) => (response.supersedesId ? [response.supersedesId] : [])));
  return responses.filter((response) => !superseded.has(response.id));
}

export function computeLetterStatus(input: { letter: Letter; responses: LetterResponse[]; approvals: LetterApproval[]; now: Date }): LetterStatus {
  const { letter, now } = input;
  const nowIso = now.toISOString();
  const approvedBy = new Map(input.approvals.map((approval) => [approval.organizationId, approval]));
  const approvals = letter.signatories.map((signatory) => ({
    organizationId: signatory.id,
    organizationName: signatory.name,
    approvedBy: approvedBy.get(signatory.id)?.userName ?? null,
    approvedAt: approvedBy.get(signatory.id)?.approvedAt ?? null,
  }));
  const sent = letter.sentOn !== null || letter.sentAt !== null;
  const stage: LetterStage = sent
    ? isLetterPublic(letter, nowIso)
      ? 'published'
      : 'sent'
    : approvals.every((approval) => approval.approvedBy !== null)
      ? 'approved'
      : 'draft';

  // Per question: the answer in the latest current response that has one.
  const current = currentResponses(input.responses);
  const answerOf = new Map<number, { classification: AnswerClassification | null; responseId: string }>();
  for (const response of current) {
    for (const answer of response.answers) answerOf.set(answer.questionNumber, { classification: answer.classification, responseId: response.id });
  }
  const questions = letter.questions.map((question) => {
    const answer = answerOf.get(question.number);
    const state: QuestionState = answer ? (answer.classification ?? 'awaiting_classification') : current.length > 0 ? 'not_addressed' : 'no_answer_yet';
    return { number: question.number, state, responseId: answer?.responseId ?? null };
  });

  const deadline = letter.responseDeadline;
  const today = deadline ? calendarDateIn(now, deadline.timeZone) : nowIso.slice(0, 10);
  const respondedOn = current.length > 0 ? current.map((response) => response.receivedOn).sort()[0]! : null;
  let state: LetterState;
  let dueInDays: number | null = null;
  let overdueByDays: number | null = null;
  if (!sent) state = 'not_sent';
  else if (current.length > 0) {
    const states = questions.map((question) => question.state);
    const answered = (value: QuestionState) => value === 'answered' || value === 'awaiting_classification';
    if (states.every(answered)) state = 'answered';
    else if (states.some((value) => answered(value) || value === 'partial')) state = 'partially_answered';
    else state = 'declined';
  } else if (deadline && deadline.at < nowIso) {
    state = 'no_response';
    overdueByDays = Math.max(0, daysBetween(deadline.date, today));
  } else {
    state = 'awaiting_response';
    if (deadline) dueInDays = Math.max(0, daysBetween(today, deadline.date));
  }
  const status = {
    stage,
    state,
    dueInDays,
    overdueByDays,
    overdueSince: overdueByDays !== null ? deadline!.date : null,
    respondedOn,
    respondedLate: respondedOn && deadline ? respondedOn > deadline.date : null,
    approvals,
    questions,
  };
  return { ...status, summary: describeStatus(status) };
}

function describeStatus(status: Omit<LetterStatus, 'summary'>): string {
  switch (status.state) {
    case 'not_sent':
      return status.stage === 'approved' ? 'Approved by every signatory; not sent yet' : `Draft: approved by ${status.approvals.filter((a) => a.approvedBy).length} of ${status.approvals.length} signatories`;
    case 'awaiting_response':
      return status.dueInDays === null ? 'Awaiting response (no deadline)' : status.dueInDays === 0 ? 'Awaiting response: due today' : `Awaiting response: due in ${status.dueInDays} days`;
    case 'no_response':
      return `No response: overdue by ${status.overdueByDays} days, since ${status.overdueSince}`;
    case 'answered':
      return `Answered on ${status.respondedOn}${status.respondedLate ? ' (after the deadline)' : ''}`;
    case 'partially_answered':
      return `Partially answered on ${status.respondedOn}: ${status.questions.filter((q) => q.state === 'answered' || q.state === 'awaiting_classification').length} of ${status.questions.length} questions answered`;
    case 'declined':
      return `Responded on ${status.respondedOn} without answering the questions`;
  }
}
