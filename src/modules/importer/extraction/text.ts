/**
 * Text plumbing shared by the extractors: sentence splitting with offsets, and masking of page
 * boilerplate. Masking replaces characters with spaces instead of deleting them, so every offset
 * found in the masked text is also an offset into the original input.
 */

export interface TextRange {
  start: number;
  end: number;
  text: string;
}

/** Lines that carry page furniture, bylines and sharing widgets, never records. */
const boilerplateLine = [
  /^\s*(home|start)\s*[›>»|/]/i, // breadcrumbs: "Home › Blog › ..."
  /^\s*share (this|on)\b/i,
  /^\s*share\b[^.\n]{0,20}?[:|]/i, // "Share: Twitter | Facebook | Email", "Share it: …"
  /^\s*(posted|written|published) by\b/i,
  /^\s*(posted|written|published)\b[^.]{0,40}?\bby\s+\p{Lu}/iu, // "Posted 20 May 2026 by Jane Porter | 6 min read"
  /^(?:\s*[\p{L}&'’ ]{1,24}\s*[|·])+\s*[\p{L}&'’ ]{1,24}\s*$/u, // a row of links: "Tweet | Share | Print", "About us | Donate"
  /^\s*(media|press)\s+contacts?\s*:/i,
  /^\s*[Bb]y [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}\s*(?:[|,–—-].*)?$/, // byline "By Jane Porter"
  /^\s*\((?:reporting|writing|additional reporting) by\b.*\)\s*$/i, // wire credit line
  /^\s*(subscribe|sign up)\b.*newsletter/i,
  /^\s*(ends|###|-ends-)\s*$/i,
  /^\s*(tags?|filed under|categories)\s*:/i,
  /^\s*(read more|related (posts|articles|stories|content)|more from|you may also like)\s*:?\s*$/i,
];

/** A heading after which everything is navigation (related posts, notes to editors' contact lines). */
const trailingSectionStart = /^\s*(related (posts|articles|stories|content)|read more|more from(?: [^.\n]{1,40})?|you may also like)\s*:?\s*$/i;

export function maskBoilerplate(text: string): string {
  const lines = text.split('\n');
  let masking = false;
  const out = lines.map((line, index) => {
    // A "related posts" block in the last part of the page runs to the end of the page.
    if (trailingSectionStart.test(line) && index > lines.length / 2) masking = true;
    if (masking || boilerplateLine.some((pattern) => pattern.test(line))) return ' '.repeat(line.length);
    return line;
  });
  return out.join('\n');
}

/** Paragraphs: runs of text separated by line breaks. */
export function splitParagraphs(text: string): TextRange[] {
  const paragraphs: TextRange[] = [];
  const pattern = /[^\n]+/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0].trim() === '') continue;
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].trimEnd().length;
    paragraphs.push({ start, end, text: text.slice(start, end) });
  }
  return paragraphs;
}

// Abbreviations whose full stop does not end a sentence.
const abbreviation = /(?:\b(?:Inc|Ltd|Corp|Co|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Gov|Sen|Rep|U\.S|U\.K|B\.V|N\.V|S\.A|e\.g|i\.e)|\b[A-Z])\.$/;

const legalFormEnd = /\b(?:Inc|Ltd|Corp|Co)\.$/;
const sentenceOpener = /^\s+["“]?(?:The|It|Its|In|On|A|An|This|They|We|He|She|But|However|That|These)\b/;

/** Sentences, never crossing a paragraph break. A closing quote after the full stop stays with it. */
export function splitSentences(text: string): TextRange[] {
  const sentences: TextRange[] = [];
  for (const paragraph of splitParagraphs(text)) {
    let sentenceStart = paragraph.start;
    const boundary = /[.!?]["”’)]?(?=\s+["“‘(]?[A-Z0-9+])/g;
    for (const match of paragraph.text.matchAll(boundary)) {
      const end = paragraph.start + match.index + match[0].length;
      const abbreviated = abbreviation.test(text.slice(Math.max(sentenceStart, end - 8), end).replace(/["”’)]$/, ''));
      // "… wrote to Acme Ltd. The company said": a legal form's full stop ends the sentence when a sentence plainly starts next.
      if (abbreviated && !(legalFormEnd.test(text.slice(Math.max(sentenceStart, end - 6), end)) && sentenceOpener.test(text.slice(end, end + 12)))) continue;
      pushTrimmed(sentences, text, sentenceStart, end);
      sentenceStart = end;
    }
    pushTrimmed(sentences, text, sentenceStart, paragraph.end);
  }
  return sentences;
}

function pushTrimmed(into: TextRange[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) into.push({ start: s, end: e, text: text.slice(s, e) });
}

/** The first paragraph when it reads as a headline: short and without a closing full stop. */
export function findHeadline(text: string): TextRange | null {
  const first = splitParagraphs(text)[0];
  if (!first) return null;
  if (first.text.length > 160 || /[.!?]["”]?$/.test(first.text)) return null;
  return first;
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every non-overlapping, word-bounded occurrence of `phrase` in `text`. */
export function findOccurrences(text: string, phrase: string): [number, number][] {
  if (!phrase) return [];
  const pattern = new RegExp(`(?<![\\w+])${escapeRegExp(phrase)}(?![\\w])`, 'g');
  return [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
}

const units: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const numberWords: Record<string, number> = {
  ...units, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, dozen: 12,
};
const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** "seven" → 7, "forty-five" → 45, "12" → 12, "1,200" → 1200; anything else → null. */
export function parseCount(word: string): number | null {
  const lower = word.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(lower)) return Number(lower);
  const [ten, unit] = lower.split(/[-\s]+/);
  if (ten && tens[ten] !== undefined) return tens[ten] + (unit ? units[unit] ?? NaN : 0) || null;
  return numberWords[lower] ?? null;
}

export const countWordPattern = `(?:\\d[\\d,]*|(?:${Object.keys(tens).join('|')})(?:-(?:${Object.keys(units).join('|')}))?|${Object.keys(numberWords).join('|')})`;
