import { describe, expect, it } from 'vitest';
import type { LetterResponse } from '../responses/response.ts';
import { computeScorecard } from '../scorecards/scorecard.ts';
import { commitmentState } from '../commitments/commitment-status.ts';
import type { Letter } from './letter.ts';
import { computeLetterStatus } from './letter-status.ts';

const letter = (overrides: Partial<Letter> = {}): Letter => ({
  id: 'letter-1',
  caseId: 'case-1',
  recipient: { id: 'company', name: 'Company' },
  signatories: [
    { id: 'ngo-1', name: 'NGO One' },
    { id: 'ngo-2', name: 'NGO Two' },
  ],
  signatoryCount: null,
  subject: 'Questions',
  body: '',
  demands: [],
  questions: [1, 2, 3].map((number) => ({ id: `q${number}`, number, text: `Question ${number}?` })),
  sentOn: '2025-09',
  responseDeadline: { at: '2025-10-10T23:59:59.999Z', timeZone: 'UTC', date: '2025-10-10' },
  publishedOn: '2025-10-10',
  sentAt: null,
  publishAt: null,
  followsLetterId: null,
  createdAt: '2025-09-01T00:00:00.000Z',
  updatedAt: '2025-09-01T00:00:00.000Z',
  ...overrides,
});

const response = (id: string, answers: [number, LetterResponse['answers'][number]['classification']][], supersedesId: string | null = null): LetterResponse => ({
  id,
  letterId: 'letter-1',
  receivedOn: '2025-10-20',
  text: '',
  answers: answers.map(([number, classification]) => ({ questionId: `q${number}`, questionNumber: number, text: 'words', classification, classifiedBy: null, classifiedAt: null })),
  supersedesId,
  createdAt: '2025-10-20T00:00:00.000Z',
  submittedAt: null,
  submittedBy: null,
  sha256: null,
});

const at = (iso: string) => new Date(iso);

describe('letter status, computed from the clock', () => {
  it('moves from draft to approved as each signatory approves', () => {
    const draft = letter({ sentOn: null, publishedOn: null });
    expect(computeLetterStatus({ letter: draft, responses: [], approvals: [{ organizationId: 'ngo-1', userName: 'A', approvedAt: 'x' }], now: at('2025-09-01T00:00:00Z') })).toMatchObject({ stage: 'draft', state: 'not_sent' });
    const both = [
      { organizationId: 'ngo-1', userName: 'A', approvedAt: 'x' },
      { organizationId: 'ngo-2', userName: 'B', approvedAt: 'y' },
    ];
    expect(computeLetterStatus({ letter: draft, responses: [], approvals: both, now: at('2025-09-01T00:00:00Z') }).stage).toBe('approved');
  });

  it('counts days left and days overdue in the deadline’s own time zone', () => {
    expect(computeLetterStatus({ letter: letter(), responses: [], approvals: [], now: at('2025-10-03T12:00:00Z') })).toMatchObject({ stage: 'sent', state: 'awaiting_response', dueInDays: 7 });
    expect(computeLetterStatus({ letter: letter(), responses: [], approvals: [], now: at('2025-10-20T12:00:00Z') })).toMatchObject({ state: 'no_response', overdueByDays: 10, overdueSince: '2025-10-10' });
    const tokyo = letter({ responseDeadline: { at: '2025-10-10T14:59:59.999Z', timeZone: 'Asia/Tokyo', date: '2025-10-10' } });
    // 20:00 UTC on the 10th is already the 11th in Tokyo: one day overdue there.
    expect(computeLetterStatus({ letter: tokyo, responses: [], approvals: [], now: at('2025-10-10T20:00:00Z') })).toMatchObject({ state: 'no_response', overdueByDays: 1 });
  });

  it('judges each question from the latest response that answers it; corrections replace what they correct', () => {
    const partial = computeLetterStatus({ letter: letter(), responses: [response('r1', [[1, 'answered'], [2, 'declined']])], approvals: [], now: at('2025-10-21T00:00:00Z') });
    expect(partial.state).toBe('partially_answered');
    expect(partial.questions.map((q) => q.state)).toEqual(['answered', 'declined', 'not_addressed']);
    expect(partial.respondedLate).toBe(true);
    const corrected = computeLetterStatus({
      letter: letter(),
      responses: [response('r1', [[1, 'answered'], [2, 'declined']]), response('r2', [[1, 'answered'], [2, 'answered'], [3, 'answered']], 'r1')],
      approvals: [],
      now: at('2025-10-21T00:00:00Z'),
    });
    expect(corrected.state).toBe('answered');
    const declined = computeLetterStatus({ letter: letter(), responses: [response('r1', [[1, 'declined']])], approvals: [], now: at('2025-10-21T00:00:00Z') });
    expect(declined.state).toBe('declined');
    const unclassified = computeLetterStatus({ letter: letter(), responses: [response('r1', [[1, null]])], approvals: [], now: at('2025-10-21T00:00:00Z') });
    expect(unclassified.questions[0]!.state).toBe('awaiting_classification');
  });
});

describe('promises and scorecards', () => {
  it('holds a promise "by the end of October" open until October is over', () => {
    expect(commitmentState({ status: 'open', dueOn: '2025-10' }, '2025-10-31')).toBe('open');
    expect(commitmentState({ status: 'open', dueOn: '2025-10' }, '2025-11-01')).toBe('past_due');
    expect(commitmentState({ status: 'open', dueOn: '2025-10-31' }, '2025-11-01')).toBe('past_due');
    expect(commitmentState({ status: 'kept', dueOn: '2025-10-31' }, '2026-01-01')).toBe('kept');
  });

  it('computes the response rate over letters past deadline, and the days to respond from known sending days', () => {
    const now = at('2025-12-01T00:00:00Z');
    const status = (l: Letter, responses: LetterResponse[]) => computeLetterStatus({ letter: l, responses, approvals: [], now });
    const answered = letter({ id: 'a', sentOn: '2025-10-01' });
    const silent = letter({ id: 'b' });
    const pending = letter({ id: 'c', responseDeadline: { at: '2026-01-10T23:59:59.999Z', timeZone: 'UTC', date: '2026-01-10' } });
    const input = (l: Letter, responses: LetterResponse[]) => ({ id: l.id, subject: l.subject, sentOn: l.sentOn, sentAt: l.sentAt, deadlineAt: l.responseDeadline?.at ?? null, deadlineDate: l.responseDeadline?.date ?? null, status: status(l, responses) });
    const scorecard = computeScorecard({
      company: { id: 'company', name: 'Company' },
      now,
      letters: [input(answered, [response('r', [[1, 'answered'], [2, 'partial'], [3, 'declined']])]), input(silent, []), input(pending, [])],
      commitmentStates: ['open', 'past_due', 'broken'],
      extensionsRequested: 2,
    });
    expect(scorecard).toMatchObject({
      lettersReceived: 3,
      lettersPastDeadline: 2,
      respondedPastDeadline: 1,
      responseRate: 0.5,
      medianDaysToRespond: 19,
      meanDaysToRespond: 19,
      questionsCounted: 6,
      questionsAnswered: 1,
      openCommitments: 2,
      pastDueCommitments: 1,
      brokenCommitments: 1,
      extensionsRequested: 2,
    });
  });
});
