/**
 * Confidential fields of sources and allegations (a witness's identity, a contact at risk).
 *
 * Stored sealed (AES-256-GCM, bound to their record by associated data). Inside the service layer a
 * record carries a redaction marker in their place, never the clear text, so that audit entries
 * (written from those records) hold only the marker: its `sealedSha256` changes when the sealed
 * value changes and says nothing about the clear text. Only case insiders (members, admins) get the
 * clear text, through `presentConfidential`; everyone else gets records without the field, and
 * exports and bundles drop it for everyone (`withoutConfidential`).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import { text } from '../../shared/fields.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { openField, sealField } from './field-crypto.ts';

export const confidentialField = () =>
  text(5000)
    .nullable()
    .default(null)
    .meta({
      description:
        'Confidential, e.g. a witness’s identity: encrypted at rest, returned only to the case’s members and admins, never on public pages, exports or bundles.',
    });

export interface RedactedConfidential {
  redacted: 'confidential';
  /** SHA-256 of the sealed value: shows in the history that it changed, and nothing else. */
  sealedSha256: string;
}

/** A confidential field as the services carry it: clear text on its way in, a marker once stored. */
export type StoredConfidential = string | null | RedactedConfidential;

export function isRedacted(value: StoredConfidential | undefined): value is RedactedConfidential {
  return typeof value === 'object' && value !== null && value.redacted === 'confidential';
}

export function redactedOf(sealed: string | null | undefined): RedactedConfidential | null {
  return sealed ? { redacted: 'confidential', sealedSha256: createHash('sha256').update(sealed).digest('hex') } : null;
}

type ConfidentialTable = 'sources' | 'allegations';
const entityOf: Record<ConfidentialTable, string> = { sources: 'source', allegations: 'allegation' };

/** The associated data: a sealed value moved to another record or table no longer opens. */
function associatedData(table: ConfidentialTable, id: string): string {
  return `${entityOf[table]}:${id}:confidential`;
}

/**
 * The column value to write for a field: sealed clear text, null, or undefined for "unchanged"
 * (the record was read back with its marker and the change did not touch the field).
 */
export async function sealConfidential(ctx: ServiceContext, table: ConfidentialTable, id: string, value: StoredConfidential | undefined): Promise<string | null | undefined> {
  if (value === undefined || isRedacted(value)) return undefined;
  if (value === null) return null;
  return sealField(value, await ctx.evidence.fieldKey(), associatedData(table, id));
}

/**
 * Records as the actor may see them: insiders get the clear text, everyone else records without
 * the field at all (not even null: its presence alone could say that a witness exists).
 */
export async function presentConfidential<Item extends { id: string; confidential?: StoredConfidential }>(
  ctx: ServiceContext,
  db: Queryable,
  table: ConfidentialTable,
  items: Item[],
  isInsider: boolean,
): Promise<Item[]> {
  if (!isInsider) return items.map((item) => withoutField(item));
  const withSecrets = items.filter((item) => isRedacted(item.confidential));
  if (withSecrets.length === 0) return items;
  const rows = await db
    .selectFrom(table)
    .select(['id', 'confidential_sealed'])
    .where(
      'id',
      'in',
      withSecrets.map((item) => item.id),
    )
    .execute();
  const sealedById = new Map(rows.map((row) => [row.id, row.confidential_sealed ?? null]));
  const key = await ctx.evidence.fieldKey();
  return items.map((item) => {
    const sealed = sealedById.get(item.id);
    return isRedacted(item.confidential) && sealed ? { ...item, confidential: openField(sealed, key, associatedData(table, item.id)) } : item;
  });
}

function withoutField<Item extends { confidential?: StoredConfidential }>(item: Item): Item {
  const { confidential: _dropped, ...rest } = item;
  return rest as Item;
}

/** For exports and bundles: the same records with no confidential field, whoever asks. */
export function withoutConfidential<Dossier extends { sources: { confidential?: StoredConfidential }[]; allegations: { confidential?: StoredConfidential }[] }>(
  dossier: Dossier,
): Dossier {
  return { ...dossier, sources: dossier.sources.map(withoutField), allegations: dossier.allegations.map(withoutField) };
}

export const confidentialOutput = z
  .string()
  .nullable()
  .optional()
  .meta({ description: 'Only for the case’s members and admins; absent for everyone else.' });
