/**
 * The group whose own page an article is, named only in page furniture ("Posted 2 April by the
 * Digital Harms Observatory", "© 2026 Open Netwatch", a masthead line) that masking hides. It is a record only when
 * the page speaks as that group outside quotation marks ("we wrote to …", "our letter"): then the
 * extraction treats it as a known organisation and shows its name once, so that "we" refers to it.
 */
import nlp from 'compromise';
import { kindFromName } from './organizations.ts';
import { findOccurrences } from './text.ts';
import type { KnownOrganization } from './types.ts';

const name = String.raw`(\p{Lu}[\p{L}\p{N}'’&.-]*(?:[ \t]+(?:of|for|the|and|&|in|on|\p{Lu}[\p{L}\p{N}'’&.-]*))*)`;
const publisherLines = [
  new RegExp(String.raw`^[^\n]{0,40}?\b(?:posted|published|written)\b[^\n]{0,40}?\bby[ \t]+(?:the[ \t]+)?${name}`, 'gimu'),
  new RegExp(String.raw`(?:©|\(c\)|copyright)[ \t]*(?:\d{4}[ \t]+)?(?:the[ \t]+)?${name}`, 'giu'),
  // A masthead: the page's first line is the group's name alone.
  new RegExp(String.raw`^\s*${name}[ \t]*(?=\n)`, 'gu'),
];
const quoted = /“[^”]*”|"[^"\n]*"/g;
const firstPersonLetter = /\b(?:we|our)\b[^.\n]{0,60}\b(?:wrote|written|letter|asked|invited|questions|sent)\b/i;

export interface Publisher extends KnownOrganization {
  /** Where its name stands in the page furniture. */
  start: number;
  end: number;
}

export function findPublisher(text: string, masked: string): Publisher | null {
  if (!firstPersonLetter.test(masked.replace(quoted, ' '))) return null;
  for (const pattern of publisherLines) {
    for (const match of text.matchAll(pattern)) {
      // "© 2026 Open Netwatch. Registered charity.": a full stop ends the name.
      const found = match[1]!.split(/\.(?=\s|$)/)[0]!.trim();
      const kind = kindFromName(found, new Map());
      // A name without a marker word counts when the page names it twice (masthead and copyright line) and it is not a person's,
      // or when it is one coined word ("Justice4Couriers", "OpenMedia").
      const coined = /^\p{Lu}\p{Ll}+(?:\p{Lu}|\d)[\p{L}\d]*$/u.test(found);
      if (!kind && !coined && (findOccurrences(text, found).length < 2 || nlp(found).people().length > 0)) continue;
      const start = match.index + match[0].lastIndexOf(match[1]!);
      return { name: found, kind: kind ?? 'ngo', aliases: [], start, end: start + found.length };
    }
  }
  return null;
}

/** The masked text with the publisher's name shown again where it stands. */
export function showPublisher(masked: string, text: string, publisher: Publisher): string {
  return masked.slice(0, publisher.start) + text.slice(publisher.start, publisher.end) + masked.slice(publisher.end);
}
