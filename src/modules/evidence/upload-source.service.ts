import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { requireCaseEditor } from '../cases/case-access.ts';
import type { Source } from '../sources/source.ts';
import { createSource, getSource } from '../sources/sources.service.ts';
import type { Actor } from '../users/actor.ts';
import type { BlobSource } from './blob-store.ts';
import type { UploadQuery, UploadRecord } from './evidence.ts';
import { appendCustody, findUploadRow, toUploadRecord } from './evidence.repository.ts';
import { storeUpload } from './upload.ts';

export interface UploadedSource {
  source: Source;
  upload: UploadRecord;
  /**
   * The same bytes were already uploaded to this case: nothing new was recorded, and `upload` and
   * `source` are the earlier ones. (Bytes uploaded to another case are not reported as duplicates:
   * that would tell an editor what a case they cannot read holds.)
   */
  duplicate: boolean;
}

/**
 * Uploads a file as a source: typed from its bytes (never from its name), limited in size, hashed
 * while it streams into the blob store. Uploads are never edited; a second upload of the same
 * bytes to the same case links to the first.
 */
export async function uploadSource(ctx: ServiceContext, actor: Actor, caseId: string, file: BlobSource, input: UploadQuery): Promise<UploadedSource> {
  await requireCaseEditor(ctx.db, actor, caseId);
  const target = input.sourceId
    ? await getSource(ctx, actor, input.sourceId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      })
    : undefined;
  if (input.sourceId && target?.caseId !== caseId) throw AppError.invalid('sourceId', 'no source of this case has this id');

  const stored = await storeUpload(ctx.evidence.blobStore, file, { maxBytes: ctx.evidence.uploadMaxBytes });
  const earlier = await ctx.db.selectFrom('uploads').selectAll().where('case_id', '=', caseId).where('sha256', '=', stored.sha256).executeTakeFirst();
  if (earlier) return { source: await getSource(ctx, actor, earlier.source_id), upload: toUploadRecord(earlier, true), duplicate: true };

  const filename = cleanFilename(input.filename);
  const source = target ?? (await createSource(ctx, actor, caseId, { title: input.title ?? filename ?? `Uploaded file ${stored.sha256.slice(0, 12)}`, url: null, publisher: null, publishedOn: null, language: null }));
  const uploadId = newId();
  const upload = await transact(ctx, actor, async (tx, recordChange) => {
    await requireCaseEditor(tx, actor, caseId);
    const now = isoNow(ctx.clock);
    await tx
      .insertInto('uploads')
      .values({
        id: uploadId,
        case_id: caseId,
        source_id: source.id,
        sha256: stored.sha256,
        size: stored.size,
        content_type: stored.contentType,
        original_filename: filename,
        uploaded_at: now,
        uploaded_by_id: actor.userId,
        uploaded_by: actor.name,
      })
      .execute();
    const created = toUploadRecord((await findUploadRow(tx, uploadId))!, true);
    await appendCustody(
      tx,
      [{ caseId, subjectType: 'upload', subjectId: uploadId, action: 'uploaded', details: { sha256: stored.sha256, size: stored.size, sniffedType: stored.contentType, originalFilename: filename } }],
      actor,
      now,
    );
    recordChange({ action: 'create', entityType: 'upload', entityId: uploadId, caseId, before: null, after: created });
    return created;
  });
  return { source, upload, duplicate: false };
}

 
const unsafeInName = /[\u0000-\u001F\u007F/\\]+/g;

/** The name as given, minus any folder and control characters; kept as information, never trusted. */
function cleanFilename(name: string | undefined): string | null {
  const cleaned = name?.toWellFormed().split(/[/\\]/).pop()?.replace(unsafeInName, ' ').trim().slice(0, 255);
  return cleaned ? cleaned : null;
}
