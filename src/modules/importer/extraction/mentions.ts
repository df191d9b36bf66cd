/** One list of who is mentioned where (people and organisations), for attribution. */
import type { Organization, OrgMention } from './organizations.ts';
import type { Person } from './people.ts';
import type { OrgKind } from './types.ts';

export interface EntityMention {
  start: number;
  end: number;
  name: string;
  kind: 'person' | OrgKind;
  /** For a person, the organisation they speak for, if known. */
  affiliation: string | null;
}

export function collectMentions(orgMentions: OrgMention[], people: Person[]): EntityMention[] {
  const mentions: EntityMention[] = orgMentions.map((m) => ({
    start: m.start, end: m.end, name: m.org.name, kind: m.org.kind, affiliation: null,
  }));
  for (const person of people) {
    for (const [start, end] of person.spans) {
      mentions.push({ start, end, name: person.name, kind: 'person', affiliation: person.affiliation });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

export function mentionsWithin(mentions: EntityMention[], start: number, end: number): EntityMention[] {
  return mentions.filter((m) => m.start >= start && m.end <= end);
}
