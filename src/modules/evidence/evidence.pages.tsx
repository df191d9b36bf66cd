import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Hono } from 'hono';
import { AppError } from '../../shared/errors.ts';
import type { AppEnv } from '../../shared/http.ts';
import { validationError } from '../../shared/http.ts';
import { CsrfField, type PageContext } from '../../shared/ui/layout.tsx';
import { getCaseByReference } from '../cases/cases.service.ts';
import { archiveSource } from './archive-source.service.ts';
import { uploadSource } from './upload-source.service.ts';
import type { EvidenceOverview } from './captures.service.ts';
import { archiveInput } from './evidence.ts';

/**
 * The evidence part of a case page: captures and uploads per source with links to their
 * artefacts, a form to archive a URL (editors only), and the case bundle (published cases, for all).
 * Plain links and a plain form: it all works without JavaScript.
 */
export function EvidencePanel({ page, caseId, published, evidence, sources }: { page: PageContext; caseId: string; published: boolean; evidence: EvidenceOverview; sources: { id: string; title: string }[] }) {
  const { t } = page;
  const api = '/api/v1';
  const withEvidence = sources.filter((source) => evidence.captures.some((capture) => capture.sourceId === source.id) || evidence.uploads.some((upload) => upload.sourceId === source.id));
  return (
    <section id="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence')}</h2>
      {withEvidence.length === 0 ? (
        <p>{t('noCaptures')}</p>
      ) : (
        <ul>
          {withEvidence.map((source) => (
            <li>
              <strong>{source.title}</strong>
              <ul>
                {evidence.captures
                  .filter((capture) => capture.sourceId === source.id)
                  .map((capture, index, captures) => (
                    <li>
                      {t('capturedAt')} <time datetime={capture.capturedAt}>{capture.capturedAt.replace('T', ' ').slice(0, 16)}</time> · HTTP {capture.status} ·{' '}
                      <a href={`${api}/captures/${capture.id}/warc`}>WARC</a> · <a href={`${api}/captures/${capture.id}/body`}>{t('captureBody')}</a>
                      {capture.text && (
                        <>
                          {' '}
                          · <a href={`${api}/captures/${capture.id}/text`}>{t('captureText')}</a>
                        </>
                      )}
                      {index > 0 && (
                        <>
                          {' '}
                          · <a href={`${api}/captures/${captures[index - 1]!.id}/diff/${capture.id}`}>{t('changesSincePrevious')}</a>
                        </>
                      )}{' '}
                      <span class="meta">
                        SHA-256 <code>{capture.body.sha256.slice(0, 16)}…</code>
                      </span>
                    </li>
                  ))}
                {evidence.uploads
                  .filter((upload) => upload.sourceId === source.id)
                  .map((upload) => (
                    <li>
                      <a href={`${api}/uploads/${upload.id}/file`}>{upload.originalFilename ?? upload.contentType}</a> <span class="meta">{upload.contentType} · SHA-256 <code>{upload.sha256.slice(0, 16)}…</code></span>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {evidence.canEdit && (
        <form method="post" action={`/cases/${caseId}/archive`}>
          <CsrfField page={page} />
          <label for="archive-url">{t('archiveUrl')}</label> <input id="archive-url" name="url" type="url" required dir="ltr" /> <button type="submit">{t('archive')}</button>
        </form>
      )}
      {evidence.canEdit && (
        <form method="post" action={`/cases/${caseId}/uploads`} enctype="multipart/form-data">
          <CsrfField page={page} />
          <label for="upload-file">{t('uploadFile')}</label> <input id="upload-file" name="file" type="file" required /> <button type="submit">{t('upload')}</button>
        </form>
      )}
      {published && (
        <p>
          <a href={`${api}/cases/${caseId}/bundle?scope=public`}>{t('downloadBundle')}</a>{' '}
          <span class="meta">
            (<a href="/.well-known/answerable-key.pem">{t('signingKey')}</a>)
          </span>
        </p>
      )}
      {evidence.isInsider && (
        <p>
          <a href={`${api}/cases/${caseId}/bundle?scope=full`}>{t('downloadFullBundle')}</a>
        </p>
      )}
    </section>
  );
}

export function registerEvidencePages(app: Hono<AppEnv>): void {
  app.get('/.well-known/answerable-key.pem', async (c) => {
    const key = await c.var.services.evidence.instanceKey();
    return c.body(key.publicKeyPem, 200, { 'content-type': 'application/x-pem-file', 'cache-control': 'public, max-age=3600' });
  });

  app.post('/cases/:reference/archive', async (c) => {
    const detail = await getCaseByReference(c.var.services, c.var.actor, c.req.param('reference'));
    const form = await c.req.parseBody();
    const parsed = archiveInput.safeParse({ url: typeof form.url === 'string' ? form.url.trim() : undefined });
    if (!parsed.success) throw validationError(parsed.error.issues);
    if (c.var.actor.role === 'public') throw new AppError('UNAUTHENTICATED');
    await archiveSource(c.var.services, c.var.actor, detail.id, parsed.data);
    return c.redirect(`/cases/${detail.slug}#evidence`, 303);
  });

  app.post('/cases/:reference/uploads', async (c) => {
    const detail = await getCaseByReference(c.var.services, c.var.actor, c.req.param('reference'));
    if (c.var.actor.role === 'public') throw new AppError('UNAUTHENTICATED');
    const file = (await c.req.parseBody()).file;
    if (!(file instanceof File) || file.size === 0) throw AppError.invalid('file', 'choose a file to upload');
    const bytes = Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>);
    await uploadSource(c.var.services, c.var.actor, detail.id, bytes, { filename: file.name || undefined });
    return c.redirect(`/cases/${detail.slug}#evidence`, 303);
  });
}
