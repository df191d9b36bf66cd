/**
 * The record's own organisations (with their aliases) and people, as the extraction's dictionary
 * and as what an extracted name is matched against: "HRW" in an article is the Human Rights Watch
 * the record already holds when HRW is one of its aliases.
 */
import type { Queryable } from '../../db/database.ts';
import type { KnownOrganization, KnownPerson, OrgKind } from './extraction/types.ts';
import type { Match } from './import.ts';

export interface RecordDictionary {
  organizations: KnownOrganization[];
  people: KnownPerson[];
  /** The organisation any of these names (a name or an alias) denotes, if the record holds one. */
  matchOrganization(names: string[]): Match | null;
  matchPerson(name: string): Match | null;
}

/** Case, a leading "the", full stops and commas, and runs of spaces do not tell names apart. */
export function nameKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^the\s+/, '')
    .replace(/[.,]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function loadRecordDictionary(db: Queryable): Promise<RecordDictionary> {
  const [orgRows, aliasRows, personRows] = await Promise.all([
    db.selectFrom('organizations').select(['id', 'name', 'kind']).execute(),
    db.selectFrom('organization_aliases').select(['organization_id', 'alias']).execute(),
    db.selectFrom('people').select(['id', 'name', 'title', 'affiliation_id']).execute(),
  ]);
  const aliasesOf = new Map<string, string[]>();
  for (const row of aliasRows) aliasesOf.set(row.organization_id, [...(aliasesOf.get(row.organization_id) ?? []), row.alias]);
  const orgName = new Map(orgRows.map((row) => [row.id, row.name]));

  const orgByKey = new Map<string, Match>();
  // Names win over aliases: an alias never hides another organisation's own name.
  for (const row of orgRows) for (const alias of aliasesOf.get(row.id) ?? []) orgByKey.set(nameKey(alias), { id: row.id, name: row.name });
  for (const row of orgRows) orgByKey.set(nameKey(row.name), { id: row.id, name: row.name });
  const personByKey = new Map<string, Match>(personRows.map((row) => [nameKey(row.name), { id: row.id, name: row.name }]));

  return {
    organizations: orgRows.map((row) => ({ name: row.name, kind: row.kind as OrgKind, aliases: aliasesOf.get(row.id) ?? [] })),
    people: personRows.map((row) => ({
      name: row.name,
      ...(row.title ? { title: row.title } : {}),
      ...(row.affiliation_id && orgName.has(row.affiliation_id) ? { affiliation: orgName.get(row.affiliation_id)! } : {}),
    })),
    matchOrganization: (names) => {
      for (const name of names) {
        const found = orgByKey.get(nameKey(name));
        if (found) return found;
      }
      return null;
    },
    matchPerson: (name) => personByKey.get(nameKey(name)) ?? null,
  };
}
