/**
 * The learned readers: training (logistic.ts), what the event and recipient models read of a text, how
 * extraction uses what they say, and the committed models' shape. Their worth on articles they were not
 * trained on is measured, not tested: `node bin/run-ts.js bench/train-extraction-models.ts --folds 5`.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from './event-model.ts';
import { extractArticle, readArticle } from './extract-article.ts';
import learnedModels from './learned-models.json' with { type: 'json' };
import { probabilities, trainLogistic, type Example } from './logistic.ts';
import { eventTypes, type LearnedModels } from './types.ts';

const published = '2026-06-12';
const noModels: LearnedModels = { events: null, recipients: null };

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
    };
    expect(extractArticle(letter, { published, models: noModels }).letters.map((l) => l.recipient)).toEqual(['Orbex Inc.']);
    const letters = extractArticle(letter, { published, models: companies }).letters;
    expect(letters.map((l) => [l.recipient, l.senders])).toEqual([['Orbex Inc.', ['Open Rights Forum']], ['Lumio Inc.', ['Open Rights Forum']]]);
  });
});

describe('the committed models', () => {
  it('have one weight per label for every feature, for labels extraction knows', () => {
    const { events, recipients } = learnedModels as unknown as LearnedModels;
    expect(events!.labels.every((label) => eventTypes.includes(label))).toBe(true);
    expect(recipients!.labels).toEqual(['recipient']);
    for (const model of [events!, recipients!]) {
      expect(model.bias).toHaveLength(model.labels.length);
      expect(Object.values(model.weights).every((row) => row.length === model.labels.length)).toBe(true);
    }
  });
});
