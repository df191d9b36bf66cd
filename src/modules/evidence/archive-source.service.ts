import { AppError } from '../../shared/errors.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { isPartialDate } from '../../shared/partial-date.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { transact } from '../audit/transact.ts';
import { requireCaseEditor } from '../cases/case-access.ts';
import { sourceInput, type Source } from '../sources/source.ts';
import { createSource, getSource } from '../sources/sources.service.ts';
import type { Actor } from '../users/actor.ts';
import { type Capture, captureUrl } from './capture.ts';
import type { ArchiveInput, CaptureRecord } from './evidence.ts';
import { appendCustody, findCaptureRow, toCaptureRecord } from './evidence.repository.ts';

export interface ArchivedSource {
  source: Source;
  capture: CaptureRecord;
  sourceCreated: boolean;
}

/**
 * Archives a URL into a case: fetch it (safely: see safe-fetch.ts), keep the whole exchange as a
 * WARC, its body and readable text in the blob store, and record a new capture, every time; a
 * capture is never replaced. Without a sourceId a source is made from the page (title, site,
 * date, language). The fetch happens before anything is written, so a refused or failed fetch
 * leaves no trace in the record.
 */
export async function archiveSource(ctx: ServiceContext, actor: Actor, caseId: string, input: ArchiveInput): Promise<ArchivedSource> {
  await requireCaseEditor(ctx.db, actor, caseId);
  const existing = input.sourceId ? await sourceOfCase(ctx, actor, caseId, input.sourceId) : undefined;
  const url = input.url ?? existing?.url;
  if (!url) throw AppError.invalid('url', 'the source has no URL; give one');

  const capture = await captureUrl(url, { blobStore: ctx.evidence.blobStore, fetch: ctx.evidence.fetch, warcInfo: { isPartOf: `case ${caseId}` } });

  const source = existing ?? (await createSource(ctx, actor, caseId, sourceFieldsFrom(url, capture)));
  const captureId = newId();
  const record = await transact(ctx, actor, async (tx, recordChange) => {
    await requireCaseEditor(tx, actor, caseId);
    const finalHeaders = capture.responseHeaders;
    await tx
      .insertInto('captures')
      .values({
        id: captureId,
        case_id: caseId,
        source_id: source.id,
        requested_url: capture.requestedUrl,
        final_url: capture.finalUrl,
        status: capture.status,
        content_type: capture.contentType,
        remote_address: capture.remoteAddress,
        redirects: capture.redirects,
        response_headers: JSON.stringify(finalHeaders),
        warc_sha256: capture.warc.sha256,
        warc_size: capture.warc.size,
        body_sha256: capture.body.sha256,
        body_size: capture.body.size,
        text_sha256: capture.text?.sha256 ?? null,
        text_size: capture.text?.size ?? null,
        title: capture.readable.title,
        byline: capture.readable.byline,
        published_time: capture.readable.publishedTime,
        site_name: capture.readable.siteName,
        language: capture.readable.lang,
        captured_at: capture.capturedAt,
        captured_by_id: actor.userId,
        captured_by: actor.name,
      })
      .execute();
    const created = toCaptureRecord((await findCaptureRow(tx, captureId))!, true);
    await appendCustody(
      tx,
      [
        {
          caseId,
          subjectType: 'capture',
          subjectId: captureId,
          action: 'captured',
          details: {
            requestedUrl: capture.requestedUrl,
            finalUrl: capture.finalUrl,
            status: capture.status,
            redirects: capture.redirects,
            remoteAddress: capture.remoteAddress,
            responseHeaders: finalHeaders,
            warcSha256: capture.warc.sha256,
            bodySha256: capture.body.sha256,
            textSha256: capture.text?.sha256 ?? null,
          },
        },
      ],
      actor,
      isoNow(ctx.clock),
    );
    recordChange({ action: 'create', entityType: 'capture', entityId: captureId, caseId, before: null, after: created });
    return created;
  });
  return { source: existing ?? source, capture: record, sourceCreated: !existing };
}

async function sourceOfCase(ctx: ServiceContext, actor: Actor, caseId: string, sourceId: string): Promise<Source> {
  const source = await getSource(ctx, actor, sourceId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
  if (!source || source.caseId !== caseId) throw AppError.invalid('sourceId', 'no source of this case has this id');
  return source;
}

 
const controlCharacters = /[\u0000-\u001F\u007F]+/g;

function cleanLine(value: string | null, max: number): string | null {
  const cleaned = value?.toWellFormed().replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
  return cleaned ? cleaned : null;
}

/** A new source's fields, from what the page says about itself; anything doubtful is left empty. */
function sourceFieldsFrom(url: string, capture: Capture) {
  const { readable } = capture;
  const publishedOn = readable.publishedTime?.slice(0, 10) ?? null;
  const language = readable.lang?.toLowerCase() ?? null;
  return {
    title: cleanLine(readable.title, 500) ?? url.slice(0, 500),
    url,
    publisher: cleanLine(readable.siteName, 300),
    publishedOn: publishedOn && isPartialDate(publishedOn) ? publishedOn : null,
    language: language && sourceInput.shape.language.safeParse(language).success ? language : null,
  };
}
