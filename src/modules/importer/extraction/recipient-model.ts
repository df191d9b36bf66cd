/**
 * A learned reading of whom a letter goes to. The rules in letters.ts read "wrote to X" and its many
 * variants; a letter to sixteen brands listed over two sentences, or to "the four operators" named a
 * paragraph later, escapes them. This model weighs every organisation named where the letter is told:
 * its kind, the words around each of its mentions (in the letter's own sentences apart from the others),
 * how often it is named, and whether the rules chose it (a logistic regression, logistic.ts). The
 * addressees it is sure of are added to those the rules read.
 *
 * (A second label for senders was tried and left out: a sender list is right only when every name in it
 * is, and the model's lists were no more often right than the rules'.)
 *
 * Trained with the other models by `npm run train:extract` (bench/train-extraction-models.ts), on the gold
 * articles as read with the organisation model.
 */
import type { DateMention } from './dates.ts';
import { tokenize } from './event-model.ts';
import { covers, type LetterGroup, type LetterParties } from './letters.ts';
import { probabilities, type LogisticModel } from './logistic.ts';
import type { EntityMention } from './mentions.ts';
import type { TextRange } from './text.ts';

export type RecipientModel = LogisticModel<'recipient'>;

export interface RecipientCandidate {
  name: string;
  features: string[];
}

/** Every organisation named in the letter's stretch of text, with what the model reads of it. */
export function recipientCandidates(group: LetterGroup, sentences: TextRange[], mentions: EntityMention[], dates: DateMention[]): RecipientCandidate[] {
  const letterSentences = new Set(group.mentions.map((m) => m.sentence.start));
  const first = group.mentions[0]?.sentence;
  const named = mentions.filter((m) => m.kind !== 'person' && covers(group, m.start));
  return [...new Set(named.map((m) => m.name))].map((name) => {
    const own = named.filter((m) => m.name === name);
    const features = new Set<string>([`count:${own.length >= 4 ? '4+' : own.length}`, `kind:${own[0]!.kind}`]);
    if (group.parties.recipients.includes(name)) features.add('chosen by the rules');
    if (first && own.some((m) => m.start >= first.start && m.end <= first.end)) features.add('in first letter sentence');
    for (const mention of own) {
      const sentence = sentences.find((s) => s.start <= mention.start && mention.end <= s.end);
      if (!sentence) continue;
      const where = letterSentences.has(sentence.start) ? 'letter' : 'other';
      features.add(`in:${where}`);
      const tokens = tokenize(sentence, mentions, dates);
      const at = tokens.findIndex((t) => t.start === mention.start);
      for (let k = 1; k <= 3; k++) {
        if (tokens[at - k]) features.add(`${where}:before:${tokens[at - k]!.word}`);
        if (tokens[at + k]) features.add(`${where}:after:${tokens[at + k]!.word}`);
      }
      if (at >= 2) features.add(`${where}:just before:${tokens[at - 2]!.word} ${tokens[at - 1]!.word}`);
    }
    return { name, features: [...features] };
  });
}

/**
 * The rules' addressees, then those the model is sure of, in the order the text names them. Where the
 * rules read whom the letter went to and none is a company (an official), or read that a company was
 * not written to ("to X's shareholders"), the model adds nothing against them.
 */
export function addRecipients(model: RecipientModel, candidates: RecipientCandidate[], parties: LetterParties): string[] {
  if (parties.otherAddressee && parties.recipients.length === 0) return parties.recipients;
  const sure = candidates.filter((c) => !parties.notAddressed.includes(c.name) && probabilities(model, c.features)[0]! >= model.threshold).map((c) => c.name);
  return [...new Set([...parties.recipients, ...sure])];
}
