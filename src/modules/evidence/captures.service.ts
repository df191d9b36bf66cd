import type { Readable } from 'node:stream';
import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { type CaseAccess, findCaseAccess, requireCaseEditor, requireCaseReader } from '../cases/case-access.ts';
import { getSource } from '../sources/sources.service.ts';
import type { Actor } from '../users/actor.ts';
import { assertSha256, readBlob } from './blob-store.ts';
import type { AnnotationInput, AnnotationRecord, CaptureRecord, CustodyEntry, UploadRecord } from './evidence.ts';
import {
  findCaptureRow,
  findUploadRow,
  listAnnotationRows,
  listCaptureRows,
  listCustodyRows,
  listUploadRows,
  toAnnotationRecord,
  toCaptureRecord,
  toCustodyEntry,
  toUploadRecord,
} from './evidence.repository.ts';
import { diffCaptureTexts, type DiffGranularity, type TextDiff } from './text-diff.ts';

/**
 * Reading evidence, and the one kind of addition it allows: annotations. There is no use case
 * that changes or removes a capture or an upload; corrections are annotations that point at them.
 */

export interface CaptureWithAnnotations extends CaptureRecord {
  annotations: AnnotationRecord[];
}

export interface CaseEvidence {
  captures: CaptureRecord[];
  uploads: UploadRecord[];
  annotations: AnnotationRecord[];
}

/** A record of a case the actor may not read does not exist for them. */
async function readAccess(ctx: ServiceContext, actor: Actor, caseId: string, what: string): Promise<CaseAccess> {
  const access = await findCaseAccess(ctx.db, actor, caseId);
  if (!access) throw AppError.notFound(what);
  return access;
}

/** Notes are for insiders; corrections are part of the published record. */
function visibleAnnotations(rows: Awaited<ReturnType<typeof listAnnotationRows>>, access: CaseAccess): AnnotationRecord[] {
  return rows.filter((row) => access.isInsider || row.kind === 'correction').map((row) => toAnnotationRecord(row, access.isInsider));
}

export async function listCaseEvidence(ctx: ServiceContext, actor: Actor, caseId: string): Promise<CaseEvidence> {
  const access = await requireCaseReader(ctx.db, actor, caseId);
  const [captures, uploads, annotations] = await Promise.all([listCaptureRows(ctx.db, { caseId }), listUploadRows(ctx.db, { caseId }), listAnnotationRows(ctx.db, { caseId })]);
  return {
    captures: captures.map((row) => toCaptureRecord(row, access.isInsider)),
    uploads: uploads.map((row) => toUploadRecord(row, access.isInsider)),
    annotations: visibleAnnotations(annotations, access),
  };
}

export interface EvidenceOverview extends CaseEvidence {
  canEdit: boolean;
  isInsider: boolean;
}

/** What a case page shows of the evidence, and whether the actor may add to it. */
export async function getEvidenceOverview(ctx: ServiceContext, actor: Actor, caseId: string): Promise<EvidenceOverview> {
  const access = await requireCaseReader(ctx.db, actor, caseId);
  return { ...(await listCaseEvidence(ctx, actor, caseId)), canEdit: access.canEdit, isInsider: access.isInsider };
}

export async function listCaptures(ctx: ServiceContext, actor: Actor, sourceId: string): Promise<CaptureRecord[]> {
  const source = await getSource(ctx, actor, sourceId);
  const access = await readAccess(ctx, actor, source.caseId, 'Source');
  return (await listCaptureRows(ctx.db, { sourceId })).map((row) => toCaptureRecord(row, access.isInsider));
}

export async function listUploads(ctx: ServiceContext, actor: Actor, sourceId: string): Promise<UploadRecord[]> {
  const source = await getSource(ctx, actor, sourceId);
  const access = await readAccess(ctx, actor, source.caseId, 'Source');
  return (await listUploadRows(ctx.db, { sourceId })).map((row) => toUploadRecord(row, access.isInsider));
}

async function readCapture(ctx: ServiceContext, actor: Actor, captureId: string): Promise<{ capture: CaptureRecord; access: CaseAccess }> {
  const row = await findCaptureRow(ctx.db, captureId);
  if (!row) throw AppError.notFound('Capture');
  const access = await readAccess(ctx, actor, row.case_id, 'Capture');
  return { capture: toCaptureRecord(row, access.isInsider), access };
}

export async function getCapture(ctx: ServiceContext, actor: Actor, captureId: string): Promise<CaptureWithAnnotations> {
  const { capture, access } = await readCapture(ctx, actor, captureId);
  return { ...capture, annotations: visibleAnnotations(await listAnnotationRows(ctx.db, { captureId }), access) };
}

export async function getUpload(ctx: ServiceContext, actor: Actor, uploadId: string): Promise<UploadRecord> {
  const row = await findUploadRow(ctx.db, uploadId);
  if (!row) throw AppError.notFound('Upload');
  const access = await readAccess(ctx, actor, row.case_id, 'Upload');
  return toUploadRecord(row, access.isInsider);
}

export interface ArtefactContent {
  sha256: string;
  size: number;
  contentType: string;
  /** A name to save it under. */
  filename: string;
  open(): Readable;
}

export type CapturePart = 'warc' | 'body' | 'text';

export async function openCaptureArtefact(ctx: ServiceContext, actor: Actor, captureId: string, part: CapturePart): Promise<ArtefactContent> {
  const { capture } = await readCapture(ctx, actor, captureId);
  return captureArtefact(ctx, capture, part);
}

function captureArtefact(ctx: ServiceContext, capture: CaptureRecord, part: CapturePart): ArtefactContent {
  const stored = part === 'warc' ? capture.warc : part === 'body' ? capture.body : capture.text;
  if (!stored) throw AppError.notFound('Text of this capture (its type carries none)');
  const contentType = part === 'warc' ? 'application/warc' : part === 'text' ? 'text/plain; charset=utf-8' : capture.contentType;
  const filename = `capture-${capture.id}.${part === 'warc' ? 'warc' : part === 'text' ? 'txt' : 'body'}`;
  return { sha256: stored.sha256, size: stored.size, contentType, filename, open: () => ctx.evidence.blobStore.get(stored.sha256) };
}

/**
 * An artefact by its hash, for those who may read a case that holds it. Looked up through the
 * captures and uploads that name it, so that knowing a hash gives access to nothing more.
 */
export async function openArtefact(ctx: ServiceContext, actor: Actor, sha256: string): Promise<ArtefactContent> {
  assertSha256(sha256);
  const captures = await ctx.db
    .selectFrom('captures')
    .selectAll()
    .where((eb) => eb.or([eb('warc_sha256', '=', sha256), eb('body_sha256', '=', sha256), eb('text_sha256', '=', sha256)]))
    .execute();
  for (const row of captures) {
    const access = await findCaseAccess(ctx.db, actor, row.case_id);
    if (!access) continue;
    const capture = toCaptureRecord(row, access.isInsider);
    const part: CapturePart = row.warc_sha256 === sha256 ? 'warc' : row.body_sha256 === sha256 ? 'body' : 'text';
    return captureArtefact(ctx, capture, part);
  }
  const uploads = await ctx.db.selectFrom('uploads').selectAll().where('sha256', '=', sha256).execute();
  for (const row of uploads) {
    if (!(await findCaseAccess(ctx.db, actor, row.case_id))) continue;
    return uploadArtefact(ctx, toUploadRecord(row, false));
  }
  throw AppError.notFound('Artefact');
}

export async function openUploadArtefact(ctx: ServiceContext, actor: Actor, uploadId: string): Promise<ArtefactContent> {
  return uploadArtefact(ctx, await getUpload(ctx, actor, uploadId));
}

function uploadArtefact(ctx: ServiceContext, upload: UploadRecord): ArtefactContent {
  return { sha256: upload.sha256, size: upload.size, contentType: upload.contentType, filename: upload.originalFilename ?? `upload-${upload.id}`, open: () => ctx.evidence.blobStore.get(upload.sha256) };
}

export interface CaptureDiff {
  before: { id: string; capturedAt: string; textSha256: string | null };
  after: { id: string; capturedAt: string; textSha256: string | null };
  diff: TextDiff;
}

/** What changed between two captures' readable texts (of the same case; usually the same source). */
export async function diffCaptures(ctx: ServiceContext, actor: Actor, beforeId: string, afterId: string, granularity: DiffGranularity = 'line'): Promise<CaptureDiff> {
  const [{ capture: before }, { capture: after }] = await Promise.all([readCapture(ctx, actor, beforeId), readCapture(ctx, actor, afterId)]);
  if (before.caseId !== after.caseId) throw AppError.invalid('id', 'the two captures belong to different cases');
  const textOf = async (capture: CaptureRecord) => (capture.text ? (await readBlob(ctx.evidence.blobStore, capture.text.sha256)).toString('utf8') : '');
  const [beforeText, afterText] = await Promise.all([textOf(before), textOf(after)]);
  const summary = (capture: CaptureRecord) => ({ id: capture.id, capturedAt: capture.capturedAt, textSha256: capture.text?.sha256 ?? null });
  return { before: summary(before), after: summary(after), diff: diffCaptureTexts(beforeText, afterText, granularity) };
}

/** Annotations and corrections are new records pointing at a capture; the capture is untouched. */
export async function annotateCapture(ctx: ServiceContext, actor: Actor, captureId: string, input: AnnotationInput): Promise<AnnotationRecord> {
  return transact(ctx, actor, async (tx, recordChange) => {
    const row = await findCaptureRow(tx, captureId);
    if (!row) throw AppError.notFound('Capture');
    try {
      await requireCaseEditor(tx, actor, row.case_id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw AppError.notFound('Capture');
      throw error;
    }
    const id = newId();
    const now = isoNow(ctx.clock);
    await tx
      .insertInto('capture_annotations')
      .values({ id, case_id: row.case_id, capture_id: captureId, kind: input.kind, text: input.text, created_at: now, created_by_id: actor.userId, created_by: actor.name })
      .execute();
    const created: AnnotationRecord = { id, caseId: row.case_id, captureId, kind: input.kind, text: input.text, createdAt: now, createdBy: actor.name };
    recordChange({ action: 'create', entityType: 'capture_annotation', entityId: id, caseId: row.case_id, before: null, after: created });
    return created;
  });
}

/** The custody log of a capture or upload: who captured it, from where, and each export. Insiders only. */
export async function getCustodyLog(ctx: ServiceContext, actor: Actor, subject: { captureId: string } | { uploadId: string }): Promise<CustodyEntry[]> {
  const row = 'captureId' in subject ? await findCaptureRow(ctx.db, subject.captureId) : await findUploadRow(ctx.db, subject.uploadId);
  const label = 'captureId' in subject ? 'Capture' : 'Upload';
  if (!row) throw AppError.notFound(label);
  const access = await readAccess(ctx, actor, row.case_id, label);
  if (!access.isInsider) throw AppError.notFound('Custody log');
  return (await listCustodyRows(ctx.db, { subjectId: row.id })).map(toCustodyEntry);
}
