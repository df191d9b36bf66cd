import type { Engine, Queryable, Tx } from '../../db/database.ts';
import type { AuditEntriesTable } from '../../db/schema.ts';
import type { Actor } from '../users/actor.ts';
import { type AuditChange, type AuditEntryContent, hashEntry, snapshot } from './audit-entry.ts';

/**
 * Appends entries to the chain inside the caller's transaction, so a change and its history commit
 * or fail together. On PostgreSQL the head row is locked first: app servers that write at the same
 * time take turns, and the chain never forks. SQLite runs one write transaction at a time already.
 */
export async function appendAuditEntries(
  tx: Tx,
  engine: Engine,
  actor: Actor,
  occurredAt: string,
  changes: AuditChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const headQuery = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  const head = await (engine === 'postgres' ? headQuery.forUpdate() : headQuery).executeTakeFirstOrThrow();
  let { seq, hash } = head;
  const rows: AuditEntriesTable[] = [];
  for (const change of changes) {
    const content: AuditEntryContent = {
      seq: seq + 1,
      occurredAt,
      actorId: actor.userId,
      actorName: actor.name,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      caseId: change.caseId,
      before: snapshot(change.before),
      after: snapshot(change.after),
      prevHash: hash,
    };
    seq = content.seq;
    hash = hashEntry(content);
    rows.push(toRow(content, hash));
  }
  await tx.insertInto('audit_entries').values(rows).execute();
  await tx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
}

export function toRow(content: AuditEntryContent, hash: string): AuditEntriesTable {
  return {
    seq: content.seq,
    occurred_at: content.occurredAt,
    actor_id: content.actorId,
    actor_name: content.actorName,
    action: content.action,
    entity_type: content.entityType,
    entity_id: content.entityId,
    case_id: content.caseId,
    before: content.before,
    after: content.after,
    prev_hash: content.prevHash,
    hash,
  };
}

export function toContent(row: AuditEntriesTable): AuditEntryContent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    caseId: row.case_id,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
  };
}

export async function readAuditHead(db: Queryable): Promise<{ seq: number; hash: string }> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Entries in chain order, a page at a time (keyset pagination: constant memory over any length). */
export async function* readAuditEntries(db: Queryable, pageSize = 5000): AsyncGenerator<AuditEntriesTable[]> {
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('audit_entries').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (page.length === 0) return;
    yield page;
    after = Number(page[page.length - 1]!.seq);
  }
}

export async function listAuditEntriesFor(db: Queryable, filter: { caseId?: string; entityId?: string }): Promise<AuditEntriesTable[]> {
  let query = db.selectFrom('audit_entries').selectAll().orderBy('seq');
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  return query.execute();
}
