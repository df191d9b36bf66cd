import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { id } from '../../shared/fields.ts';
import { type Api, errorResponses, idParams, jsonBody, jsonContent } from '../../shared/http.ts';
import { commitmentDecisionInput, decideCommitment, listFollowUps } from '../commitments/follow-ups.service.ts';
import { inviteRespondent } from '../portal/invitations.service.ts';
import { classifyAnswer } from '../responses/classification.service.ts';
import { answerClassifications } from '../responses/response.ts';
import { verifyResponse } from '../responses/response-receipt.ts';
import { requireLetterReader } from './letters.service.ts';
import { decideExtension, deadlineHistory, listExtensions, requestExtension } from './extensions.service.ts';
import { contactInput, extensionDecisionInput, extensionRequestInput, extensionStatuses, publishLetterInput, sendLetterInput } from './letter-lifecycle.ts';
import { approveLetter, getLetterStatus, publishLetter, sendLetter } from './letter-lifecycle.service.ts';
import { letterStages, letterStates, questionStates } from './letter-status.ts';
import { letterSchema, responseSchema } from './letters.routes.ts';
import { AppError } from '../../shared/errors.ts';

export const letterStatusSchema = z
  .object({
    stage: z.enum(letterStages),
    state: z.enum(letterStates),
    dueInDays: z.number().int().nullable(),
    overdueByDays: z.number().int().nullable(),
    overdueSince: z.string().nullable(),
    respondedOn: z.string().nullable(),
    respondedLate: z.boolean().nullable(),
    approvals: z.array(z.object({ organizationId: id(), organizationName: z.string(), approvedBy: z.string().nullable(), approvedAt: z.string().nullable() })),
    questions: z.array(z.object({ number: z.number().int(), state: z.enum(questionStates), responseId: id().nullable() })),
    summary: z.string(),
  })
  .meta({ id: 'LetterStatus', description: 'Computed from the record and the clock; never stored.' });

export const extensionSchema = z
  .object({
    id: id(),
    letterId: id(),
    reason: z.string(),
    requestedDeadlineAt: z.string(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    previousDeadlineAt: z.string().nullable(),
    status: z.enum(extensionStatuses),
    grantedDeadlineAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'DeadlineExtension' });

const tags = ['Letters'];
const answerParams = z.object({
  id: id().meta({ param: { name: 'id', in: 'path' } }),
  number: z.coerce.number().int().min(1).meta({ param: { name: 'number', in: 'path' } }),
});

/** The letter's life after drafting: approvals, sending, publication, invitations, extensions, classification, follow-ups. */
export function registerLetterLifecycleRoutes(api: Api): void {
  api.openapi(
    createRoute({ method: 'get', path: '/letters/{id}/status', tags, summary: "The letter's status, computed now", request: { params: idParams }, responses: { 200: jsonContent(letterStatusSchema, 'The status'), ...errorResponses } }),
    async (c) => c.json(await getLetterStatus(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/letters/{id}/approvals',
      tags,
      summary: "Approve the letter's wording for your organisation (a signatory)",
      description: 'One approval per signatory organisation, by a person of that organisation. Any later change to the wording resets every approval.',
      request: { params: idParams },
      responses: { 201: jsonContent(letterStatusSchema, 'Approved'), ...errorResponses },
    }),
    async (c) => c.json(await approveLetter(c.var.services, c.var.actor, c.req.valid('param').id), 201),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/letters/{id}/send',
      tags,
      summary: "Send the approved letter to the company's contacts, each with a link to the portal",
      request: { params: idParams, body: jsonBody(sendLetterInput) },
      responses: {
        200: jsonContent(
          z.object({ letter: letterSchema, delivery: z.enum(['smtp', 'outbox']).meta({ description: 'outbox: no SMTP server is set; messages are .eml files in outboxDir' }), outboxDir: z.string().nullable(), contacts: z.array(z.string()) }),
          'Sent (the emails are queued)',
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await sendLetter(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/letters/{id}/publish',
      tags,
      summary: 'Publish the letter now, or schedule it (embargoed until then)',
      request: { params: idParams, body: jsonBody(publishLetterInput) },
      responses: { 200: jsonContent(letterSchema, 'Published or scheduled'), ...errorResponses },
    }),
    async (c) => c.json(await publishLetter(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/letters/{id}/invitations',
      tags,
      summary: 'Invite another contact at the company to the portal (single-use link, 7 days)',
      request: { params: idParams, body: jsonBody(contactInput) },
      responses: { 201: jsonContent(z.object({ invitations: z.number().int() }), 'Invited (the email is queued)'), ...errorResponses },
    }),
    async (c) => c.json(await inviteRespondent(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/letters/{id}/extensions',
      tags,
      summary: 'Extension requests and the history of deadlines',
      request: { params: idParams },
      responses: { 200: jsonContent(z.object({ items: z.array(extensionSchema), deadlines: z.array(z.object({ at: z.string(), setBy: z.enum(['letter', 'extension']), extensionId: id().nullable() })) }), 'The history'), ...errorResponses },
    }),
    async (c) => {
      const letterId = c.req.valid('param').id;
      const items = await listExtensions(c.var.services, c.var.actor, letterId);
      const { letter } = await requireLetterReader(c.var.services, c.var.services.db, c.var.actor, letterId);
      return c.json({ items, deadlines: deadlineHistory(letter, items) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/letters/{id}/extensions',
      tags,
      summary: 'Ask for a later deadline, with a reason (the company, or an editor on its behalf)',
      request: { params: idParams, body: jsonBody(extensionRequestInput) },
      responses: { 201: jsonContent(extensionSchema, 'Requested'), ...errorResponses },
    }),
    async (c) => c.json(await requestExtension(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/extensions/{id}/decision',
      tags,
      summary: 'Grant or refuse an extension (editors)',
      request: { params: idParams, body: jsonBody(extensionDecisionInput) },
      responses: { 200: jsonContent(extensionSchema, 'Decided'), ...errorResponses },
    }),
    async (c) => c.json(await decideExtension(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    createRoute({
      method: 'put',
      path: '/responses/{id}/answers/{number}/classification',
      tags,
      summary: 'Classify the answer to question {number} (editors); who and when are recorded',
      request: { params: answerParams, body: jsonBody(z.object({ classification: z.enum(answerClassifications) })) },
      responses: { 200: jsonContent(responseSchema, 'Classified'), ...errorResponses },
    }),
    async (c) => {
      const { id: responseId, number } = c.req.valid('param');
      return c.json(await classifyAnswer(c.var.services, c.var.actor, responseId, number, c.req.valid('json').classification), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/responses/{id}/verification',
      tags,
      summary: 'Recompute the SHA-256 of a submitted response from what is stored, and compare it with its receipt',
      request: { params: idParams },
      responses: { 200: jsonContent(z.object({ sha256: z.string(), matches: z.boolean() }), 'The verdict'), ...errorResponses },
    }),
    async (c) => {
      const responseId = c.req.valid('param').id;
      const row = await c.var.services.db.selectFrom('responses').select('letter_id').where('id', '=', responseId).executeTakeFirst();
      if (!row) throw AppError.notFound('Response');
      await requireLetterReader(c.var.services, c.var.services.db, c.var.actor, row.letter_id);
      const verdict = await verifyResponse(c.var.services.db, responseId);
      if (!verdict) throw AppError.notFound('Response');
      return c.json(verdict, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/follow-ups',
      tags: ['Commitments'],
      summary: 'Promises that fell due and await a decision (kept or broken), in the cases you edit',
      responses: { 200: jsonContent(z.object({ items: z.array(z.looseObject({ id: id(), dueOn: z.string() })) }), 'Open follow-ups'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listFollowUps(c.var.services, c.var.actor) }, 200),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/commitments/{id}/decision',
      tags: ['Commitments'],
      summary: 'Record a promise as kept or broken, with evidence (a source of the case, or a note)',
      request: { params: idParams, body: jsonBody(commitmentDecisionInput) },
      responses: { 200: jsonContent(z.looseObject({ id: id(), status: z.string() }), 'Decided'), ...errorResponses },
    }),
    async (c) => c.json(await decideCommitment(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
