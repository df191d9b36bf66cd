import { AppError } from '../../shared/errors.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { requireCaseReader } from '../cases/case-access.ts';
import type { Actor } from '../users/actor.ts';
import type { AuditAction } from './audit-entry.ts';
import { listAuditEntriesFor } from './audit.repository.ts';
import { type AuditVerdict, verifyAuditChain } from './verify-audit.ts';

export interface HistoryEntry {
  seq: number;
  occurredAt: string;
  actorName: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

/** A case's history is for its members and admins: it holds drafts and embargoed letters. */
export async function getCaseHistory(ctx: ServiceContext, actor: Actor, caseId: string): Promise<HistoryEntry[]> {
  const access = await requireCaseReader(ctx.db, actor, caseId);
  if (!access.isInsider) throw AppError.notFound('Case history');
  const rows = await listAuditEntriesFor(ctx.db, { caseId });
  return rows.map((row) => ({
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorName: row.actor_name,
    action: row.action as AuditAction,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    hash: row.hash,
  }));
}

export function verifyAudit(ctx: ServiceContext, onProgress?: (checked: number, total: number) => void): Promise<AuditVerdict> {
  return verifyAuditChain(ctx.db, onProgress);
}
