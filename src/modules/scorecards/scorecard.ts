import type { CommitmentState } from '../commitments/commitment-status.ts';
import type { LetterStatus } from '../letters/letter-status.ts';

/**
 * A company's scorecard, computed from the letters and promises the reader may see. The
 * definitions below are the ones printed on the page and in the API: a number means exactly this.
 */
export const scorecardDefinitions = {
  lettersReceived: 'Letters received: letters addressed to the company that were sent to it.',
  lettersPastDeadline: 'Letters past deadline: letters received whose response deadline has passed, answered or not.',
  responseRate: 'Response rate: letters past deadline to which the company responded, fully or partially, divided by letters past deadline.',
  daysToRespond: 'Days to respond (median and mean): calendar days from the day a letter was sent to the day of its first response, over the letters that received a response and whose sending day is known.',
  shareOfQuestionsAnswered: 'Share of questions answered: questions classified as answered, divided by all questions of the letters past deadline or responded to.',
  openCommitments: 'Open commitments: promises by the company still open (of which past due: their due date has passed without an editor recording them kept or broken).',
  brokenCommitments: 'Broken commitments: promises an editor has recorded as broken, with evidence.',
  extensionsRequested: 'Extensions requested: requests for more time on the letters received, whatever the decision.',
} as const;

export interface ScorecardLetter {
  id: string;
  subject: string;
  sentOn: string | null;
  deadline: string | null;
  status: LetterStatus;
}

export interface Scorecard {
  company: { id: string; name: string };
  asOf: string;
  lettersReceived: number;
  lettersPastDeadline: number;
  respondedPastDeadline: number;
  /** null when no letter is past its deadline yet. */
  responseRate: number | null;
  medianDaysToRespond: number | null;
  meanDaysToRespond: number | null;
  questionsCounted: number;
  questionsAnswered: number;
  shareOfQuestionsAnswered: number | null;
  openCommitments: number;
  pastDueCommitments: number;
  brokenCommitments: number;
  keptCommitments: number;
  extensionsRequested: number;
  letters: ScorecardLetter[];
  definitions: typeof scorecardDefinitions;
}

export interface ScorecardInput {
  company: { id: string; name: string };
  now: Date;
  letters: { id: string; subject: string; sentOn: string | null; sentAt: string | null; deadlineAt: string | null; deadlineDate: string | null; status: LetterStatus }[];
  commitmentStates: CommitmentState[];
  extensionsRequested: number;
}

export function computeScorecard(input: ScorecardInput): Scorecard {
  const nowIso = input.now.toISOString();
  const received = input.letters.filter((letter) => letter.status.state !== 'not_sent');
  const pastDeadline = received.filter((letter) => letter.deadlineAt !== null && letter.deadlineAt < nowIso);
  const responded = (letter: (typeof received)[number]) => letter.status.state === 'answered' || letter.status.state === 'partially_answered';
  const respondedPastDeadline = pastDeadline.filter(responded).length;
  const days = received.flatMap((letter) => {
    const sentDay = letter.sentAt?.slice(0, 10) ?? (letter.sentOn?.length === 10 ? letter.sentOn : null);
    if (!sentDay || !letter.status.respondedOn) return [];
    return [Math.max(0, Math.round((Date.parse(letter.status.respondedOn) - Date.parse(sentDay)) / 86_400_000))];
  });
  const counted = received.filter((letter) => pastDeadline.includes(letter) || letter.status.respondedOn !== null);
  const questionsCounted = counted.reduce((sum, letter) => sum + letter.status.questions.length, 0);
  const questionsAnswered = counted.reduce((sum, letter) => sum + letter.status.questions.filter((question) => question.state === 'answered').length, 0);
  const count = (state: CommitmentState) => input.commitmentStates.filter((candidate) => candidate === state).length;
  return {
    company: input.company,
    asOf: nowIso,
    lettersReceived: received.length,
    lettersPastDeadline: pastDeadline.length,
    respondedPastDeadline,
    responseRate: pastDeadline.length > 0 ? respondedPastDeadline / pastDeadline.length : null,
    medianDaysToRespond: median(days),
    meanDaysToRespond: days.length > 0 ? days.reduce((a, b) => a + b, 0) / days.length : null,
    questionsCounted,
    questionsAnswered,
    shareOfQuestionsAnswered: questionsCounted > 0 ? questionsAnswered / questionsCounted : null,
    openCommitments: count('open') + count('past_due'),
    pastDueCommitments: count('past_due'),
    brokenCommitments: count('broken'),
    keptCommitments: count('kept'),
    extensionsRequested: input.extensionsRequested,
    letters: received.map((letter) => ({ id: letter.id, subject: letter.subject, sentOn: letter.sentOn, deadline: letter.deadlineDate, status: letter.status })),
    definitions: scorecardDefinitions,
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
