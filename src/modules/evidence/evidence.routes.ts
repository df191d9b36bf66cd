import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { id } from '../../shared/fields.ts';
import { type Api, type AppEnv, errorResponses, idParams, jsonBody, jsonContent, problemSchema } from '../../shared/http.ts';
import { archiveSource } from './archive-source.service.ts';
import { bundleCase } from './case-bundle.service.ts';
import {
  annotateCapture,
  type ArtefactContent,
  diffCaptures,
  getCapture,
  getCustodyLog,
  getUpload,
  listCaptures,
  listUploads,
  openArtefact,
  openCaptureArtefact,
  openUploadArtefact,
} from './captures.service.ts';
import { annotationInput, annotationKinds, archiveInput, bundleScopes, custodyActions, diffQuery, uploadQuery } from './evidence.ts';
import { uploadSource } from './upload-source.service.ts';

const tags = ['Evidence'];
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');
const artefact = z.object({ sha256, size: z.number().int() });
const capture = z
  .object({
    id: id(),
    caseId: id(),
    sourceId: id(),
    requestedUrl: z.string(),
    finalUrl: z.string(),
    status: z.number().int(),
    contentType: z.string(),
    remoteAddress: z.string().meta({ description: 'The address actually connected to, after DNS' }),
    redirects: z.number().int(),
    responseHeaders: z.array(z.tuple([z.string(), z.string()])),
    warc: artefact,
    body: artefact,
    text: artefact.nullable(),
    title: z.string().nullable(),
    byline: z.string().nullable(),
    publishedTime: z.string().nullable(),
    siteName: z.string().nullable(),
    language: z.string().nullable(),
    capturedAt: z.string(),
    capturedBy: z.string().nullable().meta({ description: 'null unless you are a member or an admin' }),
  })
  .meta({ id: 'Capture' });
const annotation = z
  .object({ id: id(), caseId: id(), captureId: id(), kind: z.enum(annotationKinds), text: z.string(), createdAt: z.string(), createdBy: z.string().nullable() })
  .meta({ id: 'CaptureAnnotation' });
const upload = z
  .object({
    id: id(),
    caseId: id(),
    sourceId: id(),
    sha256,
    size: z.number().int(),
    contentType: z.string().meta({ description: 'Sniffed from the bytes' }),
    originalFilename: z.string().nullable(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
  })
  .meta({ id: 'Upload' });
const custodyEntry = z
  .object({ id: id(), subjectType: z.enum(['capture', 'upload']), subjectId: id(), action: z.enum(custodyActions), actorName: z.string(), occurredAt: z.string(), details: z.record(z.string(), z.unknown()) })
  .meta({ id: 'CustodyEntry' });
const sourceRef = z.object({ id: id(), caseId: id(), title: z.string() }).loose();
const binary = (description: string, type = 'application/octet-stream') => ({ description, content: { [type]: { schema: z.string().meta({ format: 'binary' }) } } });
const diffPart = z.object({ kind: z.enum(['added', 'removed', 'kept']), text: z.string() });
const diffParams = z.object({ id: id().meta({ param: { name: 'id', in: 'path' } }), otherId: id().meta({ param: { name: 'otherId', in: 'path' } }) });
const artefactParams = z.object({ sha256: sha256.meta({ param: { name: 'sha256', in: 'path' } }) });
const refused = { 422: { description: 'The address may not be fetched (private, loopback, metadata…)', content: { 'application/problem+json': { schema: problemSchema } } } };
const unsupported = { 415: { description: 'The file type is not accepted', content: { 'application/problem+json': { schema: problemSchema } } } };

/**
 * Artefacts are served as downloads, never sniffed, under the site's CSP (no scripts): a captured
 * page must never run as this site.
 * The ETag is the content's hash, which never changes for a given URL.
 */
function sendArtefact(c: Context<AppEnv>, content: ArtefactContent): Response {
  const encodedName = encodeURIComponent(content.filename);
  c.header('content-type', content.contentType);
  c.header('content-length', String(content.size));
  c.header('content-disposition', `attachment; filename="${content.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${encodedName}`);
  c.header('x-content-type-options', 'nosniff');
  c.header('etag', `"${content.sha256}"`);
  c.header('digest', `sha-256=${Buffer.from(content.sha256, 'hex').toString('base64')}`);
  return c.body(Readable.toWeb(content.open()) as unknown as ReadableStream);
}

/** The upload's bytes: a multipart form's `file` field, or the raw body. */
async function uploadedBody(c: Context<AppEnv>): Promise<{ body: AsyncIterable<Uint8Array>; filename: string | undefined }> {
  const contentType = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw AppError.invalid('file', 'send the file in a form field named "file"');
    return { body: Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>), filename: file.name || undefined };
  }
  const raw = c.req.raw.body;
  if (!raw) throw AppError.invalid('(body)', 'send the file as the request body');
  return { body: Readable.fromWeb(raw as unknown as WebReadableStream<Uint8Array>), filename: undefined };
}

export function registerEvidenceRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/archive',
      tags,
      summary: 'Archive a URL into a case: a new capture every time (WARC, body, readable text), and a new source unless sourceId is given',
      request: { params: idParams, body: jsonBody(archiveInput) },
      responses: {
        201: jsonContent(z.object({ source: sourceRef, capture, sourceCreated: z.boolean() }), 'Archived'),
        ...errorResponses,
        ...refused,
        502: { description: 'The address could not be fetched', content: { 'application/problem+json': { schema: problemSchema } } },
      },
    }),
    async (c) => c.json(await archiveSource(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/uploads',
      tags,
      summary: 'Upload a file as a source (PDF, image, audio, video, office document)',
      description:
        'Send the bytes as the body (any content type; the type is sniffed from the bytes), or as the `file` field of a multipart form. Size is limited by ANSWERABLE_UPLOAD_MAX_BYTES. The same bytes uploaded again to the same case return the first upload with `duplicate: true` and status 200; nothing new is recorded.',
      request: { params: idParams, query: uploadQuery, body: { required: true, content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } } },
      responses: {
        201: jsonContent(z.object({ source: sourceRef, upload, duplicate: z.literal(false) }), 'Uploaded'),
        200: jsonContent(z.object({ source: sourceRef, upload, duplicate: z.literal(true) }), 'Already uploaded to this case'),
        ...errorResponses,
        ...unsupported,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { body, filename } = await uploadedBody(c);
      const result = await uploadSource(c.var.services, c.var.actor, c.req.valid('param').id, body, { ...query, filename: query.filename ?? filename });
      return c.json(result, result.duplicate ? 200 : 201) as never;
    },
  );

  api.openapi(
    createRoute({ method: 'get', path: '/sources/{id}/captures', tags, summary: 'The captures of a source, oldest first', request: { params: idParams }, responses: { 200: jsonContent(z.object({ items: z.array(capture) }), 'The captures'), ...errorResponses } }),
    async (c) => c.json({ items: await listCaptures(c.var.services, c.var.actor, c.req.valid('param').id) }, 200),
  );
  api.openapi(
    createRoute({ method: 'get', path: '/sources/{id}/uploads', tags, summary: 'The files uploaded to a source', request: { params: idParams }, responses: { 200: jsonContent(z.object({ items: z.array(upload) }), 'The uploads'), ...errorResponses } }),
    async (c) => c.json({ items: await listUploads(c.var.services, c.var.actor, c.req.valid('param').id) }, 200),
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/captures/{id}',
      tags,
      summary: 'A capture, with its annotations (notes for members; corrections for all)',
      request: { params: idParams },
      responses: { 200: jsonContent(capture.extend({ annotations: z.array(annotation) }), 'The capture'), ...errorResponses },
    }),
    async (c) => c.json(await getCapture(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
  for (const part of ['text', 'warc', 'body'] as const) {
    api.openapi(
      createRoute({
        method: 'get',
        path: `/captures/{id}/${part}`,
        tags,
        summary: part === 'text' ? 'The readable text of a capture' : part === 'warc' ? 'The WARC file of the whole HTTP exchange' : 'The response body as received',
        request: { params: idParams },
        responses: { 200: binary('The artefact, served as a download', part === 'text' ? 'text/plain' : part === 'warc' ? 'application/warc' : 'application/octet-stream'), ...errorResponses },
      }),
      async (c) => sendArtefact(c, await openCaptureArtefact(c.var.services, c.var.actor, c.req.valid('param').id, part)) as never,
    );
  }
  api.openapi(
    createRoute({
      method: 'get',
      path: '/captures/{id}/diff/{otherId}',
      tags,
      summary: 'What changed in the readable text from one capture to another',
      request: { params: diffParams, query: diffQuery },
      responses: {
        200: jsonContent(
          z.object({
            before: z.object({ id: id(), capturedAt: z.string(), textSha256: z.string().nullable() }),
            after: z.object({ id: id(), capturedAt: z.string(), textSha256: z.string().nullable() }),
            diff: z.object({ identical: z.boolean(), parts: z.array(diffPart), addedChars: z.number().int(), removedChars: z.number().int() }),
          }),
          'The differences',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id: before, otherId } = c.req.valid('param');
      return c.json(await diffCaptures(c.var.services, c.var.actor, before, otherId, c.req.valid('query').granularity), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/captures/{id}/annotations',
      tags,
      summary: 'Annotate or correct a capture: a new record pointing at it (the capture itself never changes)',
      request: { params: idParams, body: jsonBody(annotationInput) },
      responses: { 201: jsonContent(annotation, 'Added'), ...errorResponses },
    }),
    async (c) => c.json(await annotateCapture(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({ method: 'get', path: '/captures/{id}/custody', tags, summary: 'The custody log of a capture (members and admins)', request: { params: idParams }, responses: { 200: jsonContent(z.object({ items: z.array(custodyEntry) }), 'The log'), ...errorResponses } }),
    async (c) => c.json({ items: await getCustodyLog(c.var.services, c.var.actor, { captureId: c.req.valid('param').id }) }, 200),
  );
  api.openapi(
    createRoute({ method: 'get', path: '/uploads/{id}', tags, summary: 'An uploaded file’s record', request: { params: idParams }, responses: { 200: jsonContent(upload, 'The upload'), ...errorResponses } }),
    async (c) => c.json(await getUpload(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
  api.openapi(
    createRoute({ method: 'get', path: '/uploads/{id}/file', tags, summary: 'An uploaded file’s bytes', request: { params: idParams }, responses: { 200: binary('The file, served as a download'), ...errorResponses } }),
    async (c) => sendArtefact(c, await openUploadArtefact(c.var.services, c.var.actor, c.req.valid('param').id)) as never,
  );
  api.openapi(
    createRoute({ method: 'get', path: '/uploads/{id}/custody', tags, summary: 'The custody log of an upload (members and admins)', request: { params: idParams }, responses: { 200: jsonContent(z.object({ items: z.array(custodyEntry) }), 'The log'), ...errorResponses } }),
    async (c) => c.json({ items: await getCustodyLog(c.var.services, c.var.actor, { uploadId: c.req.valid('param').id }) }, 200),
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/artefacts/{sha256}',
      tags,
      summary: 'An artefact by its SHA-256, for those who may read a case that holds it',
      request: { params: artefactParams },
      responses: { 200: binary('The artefact, served as a download'), ...errorResponses },
    }),
    async (c) => sendArtefact(c, await openArtefact(c.var.services, c.var.actor, c.req.valid('param').sha256)) as never,
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}/bundle',
      tags,
      summary: 'A signed BagIt bundle of the case (zip): full for members and admins, public for everyone else',
      description: 'Check it with `answerable verify FILE.zip --key answerable-key.pem`; the key is at /.well-known/answerable-key.pem.',
      request: { params: idParams, query: z.object({ scope: z.enum(bundleScopes).optional().meta({ description: 'Default: full for members and admins, public for others' }) }) },
      responses: { 200: binary('The bundle', 'application/zip'), ...errorResponses },
    }),
    async (c) => {
      const dir = await mkdtemp(join(tmpdir(), 'answerable-bundle-'));
      try {
        const scope = c.req.valid('query').scope;
        const written = await bundleCase(c.var.services, c.var.actor, c.req.valid('param').id, { outFile: join(dir, 'bundle.zip'), ...(scope ? { scope } : {}) });
        c.header('content-type', 'application/zip');
        c.header('content-disposition', `attachment; filename="case-${c.req.valid('param').id}-${written.scope}.zip"`);
        return stream(c, async (out) => {
          try {
            for await (const chunk of createReadStream(written.file)) await out.write(chunk as Uint8Array);
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        }) as never;
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    },
  );
}
