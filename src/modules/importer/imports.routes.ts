import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { id } from '../../shared/fields.ts';
import { type Api, errorResponses, idParams, jsonBody, jsonContent, problemSchema } from '../../shared/http.ts';
import { acceptInput, importInput, suggestionKinds, suggestionStatuses } from './import.ts';
import { getImportReview, importArticle, listImports } from './import-article.service.ts';
import { acceptSuggestion, rejectSuggestion } from './review-suggestion.service.ts';

const tags = ['Imports'];
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

const counts = z.object({ pending: z.number().int(), accepted: z.number().int(), rejected: z.number().int() });
const articleImport = z
  .object({
    id: id(),
    caseId: id(),
    sourceId: id(),
    captureId: id().nullable(),
    uploadId: id().nullable(),
    title: z.string(),
    published: z.string().meta({ description: 'The date relative dates were resolved against' }),
    textSha256: z.string(),
    notice: z.string().nullable().meta({ description: 'Why nothing was suggested (another language, nothing found); null otherwise' }),
    createdAt: z.string(),
    createdBy: z.string(),
    counts,
  })
  .meta({ id: 'Import' });
const suggestion = z
  .object({
    id: id(),
    importId: id(),
    caseId: id(),
    sourceId: id(),
    position: z.number().int(),
    kind: z.enum(suggestionKinds),
    payload: z.record(z.string(), z.unknown()).meta({ description: 'What the extraction proposed; its shape depends on `kind`' }),
    span: z.tuple([z.number().int(), z.number().int()]).meta({ description: '[start, end) character offsets into the import’s text' }),
    match: z.object({ id: id(), name: z.string() }).nullable().meta({ description: 'The organisation or person already in the record; accepting links to it' }),
    status: z.enum(suggestionStatuses),
    decidedPayload: z.record(z.string(), z.unknown()).nullable().meta({ description: 'As accepted, with the editor’s corrections' }),
    result: z.object({ type: z.string(), id: id() }).nullable().meta({ description: 'The record accepting created or linked' }),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
  })
  .meta({ id: 'ImportSuggestion' });
const review = z.object({ import: articleImport, text: z.string(), suggestions: z.array(suggestion) }).meta({ id: 'ImportReview' });

export function registerImportRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/imports',
      tags,
      summary: 'Import a news article into a case’s review queue',
      description:
        'Give `url` (archived through the evidence archiver, then read from the capture) or `content` (the file as text or HTML, stored as an upload). The extraction runs with the record’s organisations and people as its dictionary; each organisation, person, quote, event and letter it finds becomes a pending suggestion. Names already in the record (or their aliases) are proposed as links.',
      request: { params: idParams, body: jsonBody(importInput) },
      responses: {
        201: jsonContent(review, 'Imported: the text read and the suggestions, all pending'),
        ...errorResponses,
        415: problem('The file type is not accepted'),
        422: problem('The address may not be fetched'),
        502: problem('The address could not be fetched'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const from = input.url !== undefined ? { url: input.url } : { file: { bytes: Buffer.from(input.content ?? '', 'utf8'), filename: input.filename ?? null } };
      return c.json(await importArticle(c.var.services, c.var.actor, c.req.valid('param').id, from, { published: input.published }), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}/imports',
      tags,
      summary: 'The imports of a case, newest first (the case’s editors only)',
      request: { params: idParams },
      responses: { 200: jsonContent(z.object({ items: z.array(articleImport) }), 'The imports'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listImports(c.var.services, c.var.actor, c.req.valid('param').id) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{id}',
      tags,
      summary: 'An import for review: the text it read and its suggestions with their spans',
      request: { params: idParams },
      responses: { 200: jsonContent(review, 'The import'), ...errorResponses },
    }),
    async (c) => c.json(await getImportReview(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/suggestions/{id}/accept',
      tags,
      summary: 'Accept a suggestion, as proposed or corrected: its record is created (or linked) with the import’s source',
      description: 'Accepting an accepted suggestion changes nothing and returns it as it is.',
      request: { params: idParams, body: { required: false, content: { 'application/json': { schema: acceptInput } } } },
      responses: { 200: jsonContent(suggestion, 'Accepted'), ...errorResponses },
    }),
    async (c) => c.json(await acceptSuggestion(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json') ?? {}), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/suggestions/{id}/reject',
      tags,
      summary: 'Reject a suggestion: nothing enters the record',
      request: { params: idParams },
      responses: { 200: jsonContent(suggestion, 'Rejected'), ...errorResponses },
    }),
    async (c) => c.json(await rejectSuggestion(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
}
