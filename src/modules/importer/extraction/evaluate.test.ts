import { describe, expect, it } from 'vitest';
import { f1, scoreArticle, type GoldArticle } from './evaluate.ts';
import type { Extraction } from './types.ts';

const gold: GoldArticle = {
  published: '2026-05-22',
  organizations: [{ name: 'Nordic Digital Liberties', kind: 'ngo', aliases: ['NDL'] }, { name: 'Halcyon Cloud', kind: 'company', aliases: ['Halcyon'] }],
  people: [{ name: 'Sofia Lindqvist', title: 'head of policy', affiliation: 'Nordic Digital Liberties' }],
  quotes: [{ speaker: 'Sofia Lindqvist', text: 'This is a partial answer' }],
  events: [{ type: 'letter_sent', date: '2026-04-29' }, { type: 'response_deadline', date: '2026-05-15' }],
  letters: [{ senders: ['Nordic Digital Liberties'], sender_count: 2, recipient: 'Halcyon Cloud', question_count: 6, deadline: '2026-05-15', sent: '2026-04-29', published: null }],
};

const predicted: Extraction = {
  organizations: [{ name: 'NDL', kind: 'ngo', aliases: [], spans: [] }, { name: 'Halcyon', kind: 'ngo', aliases: [], spans: [] }, { name: 'Gaza', kind: 'other', aliases: [], spans: [] }],
  people: [{ name: 'Sofia Lindqvist', title: 'head of policy', affiliation: 'NDL', spans: [] }],
  quotes: [{ speaker: 'Sofia Lindqvist', text: '“This is a partial  answer to a serious problem.”', span: [0, 1] }],
  events: [
    { type: 'letter_sent', date: '2026-04', actor: null, target: null, evidence: '', span: [0, 0] },
    { type: 'response_deadline', date: '2026-05-15', actor: null, target: null, evidence: '', span: [0, 0] },
  ],
  letters: [{ senders: ['NDL'], senderCount: 2, recipient: 'Halcyon', questionCount: 6, deadline: '2026-05-15', sent: '2026-04', published: null, span: [0, 0] }],
};

describe('scoreArticle', () => {
  const score = scoreArticle(predicted, gold);

  it('matches organisations by alias and reports kinds on the matched ones', () => {
    expect(score.organizations).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(score.orgKind).toEqual({ correct: 1, total: 2 });
  });

  it('matches quotes when the gold text is inside the predicted text, quote marks and spaces aside', () => {
    expect(score.quotes).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.personAffiliation).toEqual({ correct: 1, total: 1 });
  });

  it('counts a speaker\'s turn found whole as finding each of its sentences the gold lists apart, and a wrong quote as false', () => {
    const turn = { ...gold, quotes: [{ speaker: 'Sofia Lindqvist', text: 'This is a partial answer' }, { speaker: 'Sofia Lindqvist', text: 'a serious problem' }] };
    const said = { ...predicted, quotes: [...predicted.quotes, { speaker: 'Halcyon', text: 'We are proud', span: [0, 1] as [number, number] }] };
    expect(scoreArticle(said, turn).quotes).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('pairs a gold letter with the predicted letter to the same company that agrees on most fields', () => {
    const letterTo = (senders: string[], sent: string) => ({ senders, senderCount: senders.length, recipient: 'Halcyon', questionCount: null, deadline: null, sent, published: null, span: [0, 0] as [number, number] });
    const two = { ...predicted, letters: [letterTo(['Other Group'], '2026-01-02'), letterTo(['NDL'], '2026-04-29')] };
    const oneGold = { ...gold, letters: [{ senders: ['Nordic Digital Liberties'], sender_count: 1, recipient: 'Halcyon Cloud', question_count: null, deadline: null, sent: '2026-04-29', published: null }] };
    expect(scoreArticle(two, oneGold).letterFields.senders).toEqual({ correct: 1, total: 1 });
  });

  it('scores events by type and by type and date', () => {
    expect(score.eventsByType.tp).toBe(2);
    expect(score.eventsByTypeAndDate).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('reads snake_case letter fields from gold and compares each field', () => {
    expect(score.letterFields.senderCount).toEqual({ correct: 1, total: 1 });
    expect(score.letterFields.questionCount).toEqual({ correct: 1, total: 1 });
    expect(score.letterFields.recipient).toEqual({ correct: 1, total: 1 });
    expect(score.letterFields.sent).toEqual({ correct: 0, total: 1 });
  });

  it('computes F1', () => {
    expect(f1({ tp: 2, fp: 1, fn: 0 }).f1).toBeCloseTo(0.8);
  });
});
