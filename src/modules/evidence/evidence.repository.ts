import type { Queryable, Tx } from '../../db/database.ts';
import type { CaptureAnnotationsTable, CapturesTable, CustodyEntriesTable, UploadsTable } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../users/actor.ts';
import type { AnnotationKind, AnnotationRecord, CaptureRecord, CustodyAction, CustodyEntry, UploadRecord } from './evidence.ts';

/** Queries the evidence use cases share, and the mapping of rows to records. */

export function toCaptureRecord(row: CapturesTable, isInsider: boolean): CaptureRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    sourceId: row.source_id,
    requestedUrl: row.requested_url,
    finalUrl: row.final_url,
    status: Number(row.status),
    contentType: row.content_type,
    remoteAddress: row.remote_address,
    redirects: Number(row.redirects),
    responseHeaders: JSON.parse(row.response_headers) as Array<[string, string]>,
    warc: { sha256: row.warc_sha256, size: Number(row.warc_size) },
    body: { sha256: row.body_sha256, size: Number(row.body_size) },
    text: row.text_sha256 ? { sha256: row.text_sha256, size: Number(row.text_size ?? 0) } : null,
    title: row.title,
    byline: row.byline,
    publishedTime: row.published_time,
    siteName: row.site_name,
    language: row.language,
    capturedAt: row.captured_at,
    capturedBy: isInsider ? row.captured_by : null,
  };
}

export function toUploadRecord(row: UploadsTable, isInsider: boolean): UploadRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    sourceId: row.source_id,
    sha256: row.sha256,
    size: Number(row.size),
    contentType: row.content_type,
    originalFilename: row.original_filename,
    uploadedAt: row.uploaded_at,
    uploadedBy: isInsider ? row.uploaded_by : null,
  };
}

export function toAnnotationRecord(row: CaptureAnnotationsTable, isInsider: boolean): AnnotationRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    captureId: row.capture_id,
    kind: row.kind as AnnotationKind,
    text: row.text,
    createdAt: row.created_at,
    createdBy: isInsider ? row.created_by : null,
  };
}

export function toCustodyEntry(row: CustodyEntriesTable): CustodyEntry {
  return {
    id: row.id,
    subjectType: row.subject_type as CustodyEntry['subjectType'],
    subjectId: row.subject_id,
    action: row.action as CustodyAction,
    actorName: row.actor_name,
    occurredAt: row.occurred_at,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

export function findCaptureRow(db: Queryable, captureId: string): Promise<CapturesTable | undefined> {
  return db.selectFrom('captures').selectAll().where('id', '=', captureId).executeTakeFirst();
}

export function findUploadRow(db: Queryable, uploadId: string): Promise<UploadsTable | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirst();
}

export function listCaptureRows(db: Queryable, filter: { caseId: string } | { sourceId: string }): Promise<CapturesTable[]> {
  const query = db.selectFrom('captures').selectAll().orderBy('captured_at').orderBy('id');
  return ('caseId' in filter ? query.where('case_id', '=', filter.caseId) : query.where('source_id', '=', filter.sourceId)).execute();
}

export function listUploadRows(db: Queryable, filter: { caseId: string } | { sourceId: string }): Promise<UploadsTable[]> {
  const query = db.selectFrom('uploads').selectAll().orderBy('uploaded_at').orderBy('id');
  return ('caseId' in filter ? query.where('case_id', '=', filter.caseId) : query.where('source_id', '=', filter.sourceId)).execute();
}

export function listAnnotationRows(db: Queryable, filter: { caseId: string } | { captureId: string }): Promise<CaptureAnnotationsTable[]> {
  const query = db.selectFrom('capture_annotations').selectAll().orderBy('created_at').orderBy('id');
  return ('caseId' in filter ? query.where('case_id', '=', filter.caseId) : query.where('capture_id', '=', filter.captureId)).execute();
}

export function listCustodyRows(db: Queryable, filter: { caseId: string } | { subjectId: string }): Promise<CustodyEntriesTable[]> {
  const query = db.selectFrom('custody_entries').selectAll().orderBy('occurred_at').orderBy('id');
  return ('caseId' in filter ? query.where('case_id', '=', filter.caseId) : query.where('subject_id', '=', filter.subjectId)).execute();
}

/** The custody log is append-only: this is the only write to it. */
export async function appendCustody(
  tx: Tx,
  entries: Array<{ caseId: string; subjectType: CustodyEntry['subjectType']; subjectId: string; action: CustodyAction; details: Record<string, unknown> }>,
  actor: Actor,
  now: string,
): Promise<void> {
  if (entries.length === 0) return;
  const rows: CustodyEntriesTable[] = entries.map((entry) => ({
    id: newId(),
    case_id: entry.caseId,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    action: entry.action,
    actor_id: actor.userId,
    actor_name: actor.name,
    occurred_at: now,
    details: JSON.stringify(entry.details),
  }));
  // PostgreSQL limits the parameters of one statement; a bundle may have thousands of artefacts.
  for (let start = 0; start < rows.length; start += 500) await tx.insertInto('custody_entries').values(rows.slice(start, start + 500)).execute();
}
