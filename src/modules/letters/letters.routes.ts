import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { id } from '../../shared/fields.ts';
import { type Api, errorResponses, idParams, jsonBody, jsonContent, recordMeta } from '../../shared/http.ts';
import { listResponses, recordResponse } from '../responses/responses.service.ts';
import { answerClassifications, responseInput } from '../responses/response.ts';
import { letterInput, letterPatch } from './letter.ts';
import { createLetter, deleteLetter, getLetter, listLetters, updateLetter } from './letters.service.ts';

const named = z.object({ id: id(), name: z.string() });
const letter = z
  .object({
    ...recordMeta,
    caseId: id(),
    recipient: named,
    signatories: z.array(named),
    signatoryCount: z.number().int().nullable(),
    subject: z.string(),
    body: z.string(),
    demands: z.array(z.string()),
    questions: z.array(z.object({ id: id(), number: z.number().int(), text: z.string() })),
    sentOn: z.string().nullable(),
    responseDeadline: z.object({ at: z.string().meta({ description: 'The instant, ISO-8601 UTC' }), timeZone: z.string(), date: z.string().meta({ description: 'The local date in that zone' }) }).nullable(),
    publishedOn: z.string().nullable(),
    sentAt: z.string().nullable().meta({ description: 'The instant it was sent through Answerable' }),
    publishAt: z.string().nullable().meta({ description: 'The instant it is, or will be, made public (embargoed until then)' }),
    followsLetterId: id().nullable(),
  })
  .meta({ id: 'Letter' });
const response = z
  .object({
    id: id(),
    letterId: id(),
    receivedOn: z.string(),
    text: z.string(),
    answers: z.array(z.object({ questionId: id(), questionNumber: z.number().int(), text: z.string(), classification: z.enum(answerClassifications).nullable(), classifiedBy: z.string().nullable(), classifiedAt: z.string().nullable() })),
    supersedesId: id().nullable(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    submittedBy: z.string().nullable(),
    sha256: z.string().nullable().meta({ description: 'SHA-256 of the response as stored (portal submissions)' }),
  })
  .meta({ id: 'Response' });
const tags = ['Letters'];

export function registerLetterRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/letters',
      tags,
      summary: "A case's letters (embargoed ones only for its members)",
      request: { query: z.object({ caseId: id() }) },
      responses: { 200: jsonContent(z.object({ items: z.array(letter) }), 'The letters'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listLetters(c.var.services, c.var.actor, c.req.valid('query')) }, 200),
  );
  api.openapi(
    createRoute({ method: 'post', path: '/letters', tags, summary: 'Draft a letter with its numbered questions', request: { body: jsonBody(letterInput) }, responses: { 201: jsonContent(letter, 'Created'), ...errorResponses } }),
    async (c) => c.json(await createLetter(c.var.services, c.var.actor, c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({ method: 'get', path: '/letters/{id}', tags, summary: 'Read a letter', request: { params: idParams }, responses: { 200: jsonContent(letter, 'Found'), ...errorResponses } }),
    async (c) => c.json(await getLetter(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
  api.openapi(
    createRoute({
      method: 'patch',
      path: '/letters/{id}',
      tags,
      summary: 'Change a letter (its questions only until the company responds)',
      request: { params: idParams, body: jsonBody(letterPatch) },
      responses: { 200: jsonContent(letter, 'Changed'), ...errorResponses },
    }),
    async (c) => c.json(await updateLetter(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    createRoute({ method: 'delete', path: '/letters/{id}', tags, summary: 'Delete a letter (the history keeps it)', request: { params: idParams }, responses: { 204: { description: 'Deleted' }, ...errorResponses } }),
    async (c) => {
      await deleteLetter(c.var.services, c.var.actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/letters/{id}/responses',
      tags,
      summary: "The company's responses, oldest first",
      request: { params: idParams },
      responses: { 200: jsonContent(z.object({ items: z.array(response) }), 'The responses'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listResponses(c.var.services, c.var.actor, c.req.valid('param').id) }, 200),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/letters/{id}/responses',
      tags,
      summary: 'Record a response, with an answer per question; responses are never edited',
      request: { params: idParams, body: jsonBody(responseInput) },
      responses: { 201: jsonContent(response, 'Recorded'), ...errorResponses },
    }),
    async (c) => c.json(await recordResponse(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
}

/** The letter and response schemas, for the routes of the letter's life and of the portal. */
export { letter as letterSchema, response as responseSchema };
