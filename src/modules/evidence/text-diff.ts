/**
 * What changed between two captures of the same page: the record of a quietly edited statement.
 * Returned as data (parts marked added, removed or kept) so that pages, feeds and the API can
 * each render it in their own way.
 */
import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';

export type DiffPartKind = 'added' | 'removed' | 'kept';

export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

export interface TextDiff {
  identical: boolean;
  parts: DiffPart[];
  /** Characters added and removed: a quick measure of how much changed. */
  addedChars: number;
  removedChars: number;
}

export type DiffGranularity = 'line' | 'word';

/**
 * Line granularity suits long articles (a paragraph per line after extraction); word granularity
 * shows a changed figure or name inside a sentence.
 */
export function diffCaptureTexts(before: string, after: string, granularity: DiffGranularity = 'line'): TextDiff {
  // Bounded effort: a pathological pair of texts must not hang a request.
  const options = { timeout: 5_000 };
  const changes = granularity === 'word' ? diffWordsWithSpace(before, after, options) : diffLines(before, after, options);
  const parts = (changes ?? [{ value: before, added: false, removed: true, count: 1 }, { value: after, added: true, removed: false, count: 1 }]).map(toPart);
  return {
    identical: before === after,
    parts: mergeAdjacent(parts),
    addedChars: sumLength(parts, 'added'),
    removedChars: sumLength(parts, 'removed'),
  };
}

function toPart(change: ChangeObject<string>): DiffPart {
  return { kind: change.added ? 'added' : change.removed ? 'removed' : 'kept', text: change.value };
}

function mergeAdjacent(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else if (part.text !== '') merged.push({ ...part });
  }
  return merged;
}

function sumLength(parts: DiffPart[], kind: DiffPartKind): number {
  return parts.filter((part) => part.kind === kind).reduce((total, part) => total + part.text.length, 0);
}
