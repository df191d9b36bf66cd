/**
 * A learned second reader for events. The cue phrases in events.ts read the ways of telling an event
 * that someone wrote down; news is told in more ways than that. This model reads a sentence as words,
 * with the organisations and people in it replaced by their kind and its dates and numbers by their
 * class ("@ngo wrote to @company on @date"), and gives each event type a probability (one logistic
 * regression per type, logistic.ts). In a sentence the cue phrases have no opinion on, each type it is
 * sure of becomes a cue at its most telling word, and the rules read actor, target and date from there
 * as for any cue.
 *
 * It is trained on the gold articles by `npm run train:extract` (bench/train-extraction-models.ts), which
 * writes learned-models.json; nothing is downloaded. What it adds, cross-validated, is in the fixtures README.
 */
import type { DateMention } from './dates.ts';
import type { EntityMention } from './mentions.ts';
import type { TextRange } from './text.ts';
import { probabilities, type LogisticModel } from './logistic.ts';
import type { EventType } from './types.ts';

export type EventModel = LogisticModel<EventType>;

/** A word of the sentence as the model reads it, and where it is (for placing a cue). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

export interface SentenceFeatures {
  tokens: Token[];
  features: string[];
}

const wordPattern = /\p{L}[\p{L}\p{M}'’-]*|\d[\d,.]*/gu;

/** The sentence as tokens: names and dates by their class, other words in lower case, numbers as "#". */
export function tokenize(sentence: TextRange, mentions: EntityMention[], dates: DateMention[]): Token[] {
  const spans = [
    ...mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((m) => ({ start: m.start, end: m.end, word: `@${m.kind}` })),
    ...dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end).map((d) => ({ start: d.start, end: d.end, word: '@date' })),
  ];
  const words = [...sentence.text.matchAll(wordPattern)]
    .map((match) => ({ start: sentence.start + match.index, end: sentence.start + match.index + match[0].length, text: match[0] }))
    .filter((word) => !spans.some((span) => span.start < word.end && word.start < span.end))
    .map(({ start, end, text }) => ({ start, end, word: /^\d/.test(text) ? '#' : text.toLowerCase().replace(/’/g, "'") }));
  return [...spans, ...words].sort((a, b) => a.start - b.start);
}

export function sentenceFeatures(sentence: TextRange, mentions: EntityMention[], dates: DateMention[]): SentenceFeatures {
  const tokens = tokenize(sentence, mentions, dates);
  const words = tokens.map((t) => t.word);
  const features = new Set<string>(words.map((w) => `w:${w}`));
  for (let i = 1; i < words.length; i++) features.add(`b:${words[i - 1]} ${words[i]}`);
  if (/["“”]/.test(sentence.text)) features.add('quoted');
  return { tokens, features: [...features] };
}

/** The types the model is sure of, each with the word that tells it most (where its cue goes). */
export function predictTypes(model: EventModel, sentence: SentenceFeatures): { type: EventType; token: Token }[] {
  const scores = probabilities(model, sentence.features);
  const predicted: { type: EventType; token: Token }[] = [];
  model.labels.forEach((type, t) => {
    if (scores[t]! < model.threshold) return;
    const best = sentence.tokens.filter((token) => !token.word.startsWith('@') && token.word !== '#')
      .map((token) => ({ token, weight: model.weights[`w:${token.word}`]?.[t] ?? 0 }))
      .sort((a, b) => b.weight - a.weight)[0];
    if (best) predicted.push({ type, token: best.token });
  });
  return predicted;
}
