/**
 * The learned readers: training (logistic.ts), what the organisation, event and recipient models read of a text, how
 * extraction uses what they say, and the committed models' shape. Their worth on articles they were not
 * trained on is measured, not tested: `node bin/run-ts.js bench/train-extraction-models.ts --folds 5`.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from './event-model.ts';
import { extractArticle, readArticle } from './extract-article.ts';
import learnedModels from './learned-models.json' with { type: 'json' };
import { probabilities, trainLogistic, type Example } from './logistic.ts';
import { organizationLabels } from './organization-model.ts';
import type { LetterParties } from './letters.ts';
import { addRecipients, type RecipientModel } from './recipient-model.ts';
import { eventTypes, type LearnedModels } from './types.ts';

const published = '2026-06-12';
const noModels: LearnedModels = { events: null, recipients: null, organizations: null };

describe('trainLogistic', () => {
  const examples: Example[] = Array.from({ length: 40 }, (_, i) => i % 2 === 0
    ? { features: ['w:wrote', 'w:to', `w:filler${i % 6}`], labels: new Set(['letter_sent']) }
    : { features: ['w:sells', 'w:phones', `w:filler${i % 6}`], labels: new Set<string>() });

  it('learns which features tell a label', () => {
    const model = trainLogistic(examples, ['letter_sent', 'no_response']);
    expect(model.labels).toEqual(['letter_sent']); // a label no example has is not learned
    expect(probabilities(model, ['w:wrote', 'w:to'])[0]).toBeGreaterThan(0.9);
    expect(probabilities(model, ['w:sells', 'w:phones'])[0]).toBeLessThan(0.1);
  });

  it('gives the same model for the same examples, and leaves out features seen too rarely', () => {
    const once = trainLogistic([...examples, { features: ['w:rare'], labels: new Set(['letter_sent']) }], ['letter_sent']);
    expect(trainLogistic([...examples, { features: ['w:rare'], labels: new Set(['letter_sent']) }], ['letter_sent'])).toEqual(once);
    expect(once.weights['w:rare']).toBeUndefined();
    expect(once.weights['w:wrote']).toBeDefined();
  });
});

describe('what the event model reads', () => {
  it('reads organisations and people by kind, dates and numbers by class, and other words in lower case', () => {
    const text = 'Access Now wrote to Orvane Inc. on 3 May with 12 questions.';
    const article = readArticle(text, { published })!;
    const words = tokenize(article.sentences[0]!, article.mentions, article.dates).map((t) => t.word);
    expect(words).toEqual(['@ngo', 'wrote', 'to', '@company', '@date', 'with', '#', 'questions']);
  });
});

describe('extraction with learned readers', () => {
  const text = 'On 3 May, Fair Tech Watch began arbitration against Orvane Inc.';
  const arbitration: LearnedModels = {
    events: { labels: ['other'], threshold: 0.5, bias: [-4], weights: { 'w:arbitration': [8] } },
    recipients: null,
    organizations: null,
  };

  it('turns a type the event model is sure of into an event whose actor and date the rules read', () => {
    expect(extractArticle(text, { published, models: noModels }).events).toEqual([]);
    const [event] = extractArticle(text, { published, models: arbitration }).events;
    expect(event).toMatchObject({ type: 'other', date: '2026-05-03', actor: 'Fair Tech Watch', target: 'Orvane Inc.' });
    expect(text.slice(...event!.span)).toContain('arbitration');
  });

  it('leaves a sentence to the phrases where one matched, even if they turned its cue down', () => {
    const negated = 'Orvane Inc. stopped short of saying it had suspended the arbitration.';
    expect(extractArticle(negated, { published, models: arbitration }).events).toEqual([]);
  });

  it('adds the addressees the recipient model is sure of to those the rules read', () => {
    const letter = 'The Open Rights Forum wrote to Orbex Inc. on 3 May. The letter was copied to Lumio Inc., which makes its cameras.';
    const companies: LearnedModels = {
      events: null,
      recipients: { labels: ['recipient'], threshold: 0.5, bias: [-4], weights: { 'kind:company': [8] } },
      organizations: null,
    };
    expect(extractArticle(letter, { published, models: noModels }).letters.map((l) => l.recipient)).toEqual(['Orbex Inc.']);
    const letters = extractArticle(letter, { published, models: companies }).letters;
    expect(letters.map((l) => [l.recipient, l.senders])).toEqual([['Orbex Inc.', ['Open Rights Forum']], ['Lumio Inc.', ['Open Rights Forum']]]);
  });

  it('adds no company against what the rules read: one they read was not written to, or to a letter to an official alone', () => {
    const model: RecipientModel = { labels: ['recipient'], threshold: 0.5, bias: [-4], weights: { 'kind:company': [8] } };
    const candidates = ['Orbex', 'Lumio'].map((name) => ({ name, features: ['kind:company'] }));
    const parties = (read: Partial<LetterParties>): LetterParties => ({
      senders: [], recipients: [], senderCount: null, questionCount: null, span: null, otherAddressee: false, notAddressed: [], ...read,
    });
    expect(addRecipients(model, candidates, parties({ recipients: ['Vanguard'] }))).toEqual(['Vanguard', 'Orbex', 'Lumio']);
    expect(addRecipients(model, candidates, parties({ recipients: ['Vanguard'], notAddressed: ['Orbex'] }))).toEqual(['Vanguard', 'Lumio']);
    expect(addRecipients(model, candidates, parties({ otherAddressee: true }))).toEqual([]);
    expect(addRecipients(model, candidates, parties({ otherAddressee: true, recipients: ['Kestrel'] }))).toEqual(['Kestrel', 'Orbex', 'Lumio']);
  });
});

describe('what the organisation model reads', () => {
  it('reads each name once, with its words, the words around each mention and what the rules made of it', () => {
    const text = 'Kestrel Mobile shut down its network. Shares in Kestrel Mobile fell after Amnesty International said so.';
    const { organizationCandidates } = readArticle(text, { published, models: noModels })!;
    const kestrel = organizationCandidates.find((c) => c.name === 'Kestrel Mobile')!;
    expect(kestrel.candidates).toHaveLength(2);
    expect(kestrel.features).toEqual(expect.arrayContaining(['count:2', 'word:kestrel', 'last:mobile', 'after:shut', 'before:in', 'rules:rejected']));
    const amnesty = organizationCandidates.find((c) => c.name === 'Amnesty International')!;
    expect(amnesty.features).toEqual(expect.arrayContaining(['count:1', 'after:said', expect.stringMatching(/^rules:accepted:/)]));
  });
});

describe('extraction with the organisation model', () => {
  const organizations = (weights: Record<string, number[]>): LearnedModels => ({
    ...noModels,
    organizations: { labels: ['organization', 'company', 'ngo'], threshold: 0.5, bias: [0, 0, 0], weights },
  });

  it('adds a name the rules missed, of the kind it finds likeliest, and drops one it doubts that only a cue put in', () => {
    const text = 'Kestrel Mobile shut down its network in June. In a statement, Kovari Lanterns said the shutdown was unlawful.';
    const names = (models: LearnedModels) => extractArticle(text, { published, models }).organizations.map((o) => [o.name, o.kind]);
    expect(names(noModels)).toEqual([['Kovari Lanterns', 'company']]);
    const model = organizations({ 'word:mobile': [5, 5, -5], 'word:lanterns': [-5, 0, 0] });
    expect(names(model)).toEqual([['Kestrel Mobile', 'company']]);
  });

  it('gives the kind it finds likeliest to a name whose kind the rules only guessed', () => {
    const text = 'In a statement, Kovari Lanterns said the shutdown was unlawful.';
    const model = organizations({ 'word:lanterns': [5, -5, 5] });
    expect(extractArticle(text, { published, models: model }).organizations).toMatchObject([{ name: 'Kovari Lanterns', kind: 'ngo' }]);
  });

  it('leaves alone the names the record or the well-known list gives, and never adds a place', () => {
    const text = 'Amnesty International and Ridgeway Labs met in Kenya. Ridgeway Labs said Kenya must act.';
    const doubtsEverything = organizations({ 'rules:rejected': [5, 5, 0], 'after:said': [-20, 0, 0], 'word:amnesty': [-20, 0, 0] });
    const known = [{ name: 'Ridgeway Labs', kind: 'company' as const, aliases: [] }];
    const found = extractArticle(text, { published, models: doubtsEverything, knownOrganizations: known }).organizations.map((o) => o.name);
    expect(found).toEqual(['Amnesty International', 'Ridgeway Labs']);
  });
});

describe('the committed models', () => {
  it('have one weight per label for every feature, for labels extraction knows', () => {
    const { events, recipients, organizations } = learnedModels as unknown as LearnedModels;
    expect(events!.labels.every((label) => eventTypes.includes(label))).toBe(true);
    expect(recipients!.labels).toEqual(['recipient']);
    expect(organizations!.labels).toEqual(organizationLabels);
    for (const model of [events!, recipients!, organizations!]) {
      expect(model.bias).toHaveLength(model.labels.length);
      expect(Object.values(model.weights).every((row) => row.length === model.labels.length)).toBe(true);
    }
  });
});
