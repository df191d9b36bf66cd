import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.ts';

export const genesisHash = '0'.repeat(64);

export type AuditAction = 'create' | 'update' | 'delete';

/** One change to the record, as a service describes it. */
export interface AuditChange {
  action: AuditAction;
  entityType: string;
  entityId: string;
  caseId: string | null;
  before: unknown;
  after: unknown;
}

/** The fields an entry's hash covers: everything in it, and the hash of the entry before it. */
export interface AuditEntryContent {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  caseId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
}

// The entry's keys in sorted order: canonical JSON of an entry without the generic key sort,
// which is most of the cost of verifying a long chain.
const sortedEntryKeys = ['action', 'actorId', 'actorName', 'after', 'before', 'caseId', 'entityId', 'entityType', 'occurredAt', 'prevHash', 'seq'] as const;

export function canonicalEntry(content: AuditEntryContent): string {
  return `{${sortedEntryKeys.map((key) => `"${key}":${JSON.stringify(content[key])}`).join(',')}}`;
}

export function hashEntry(content: AuditEntryContent): string {
  return createHash('sha256').update(canonicalEntry(content)).digest('hex');
}

/** Snapshots are stored as canonical JSON text; the hash covers that exact text. */
export function snapshot(value: unknown): string | null {
  return value === null || value === undefined ? null : canonicalJson(value);
}
