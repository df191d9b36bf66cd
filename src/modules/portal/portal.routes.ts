import { Readable } from 'node:stream';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { id } from '../../shared/fields.ts';
import { type Api, errorResponses, idParams, jsonBody, jsonContent } from '../../shared/http.ts';
import { extensionSchema, letterStatusSchema } from '../letters/letter-lifecycle.routes.ts';
import { letterSchema, responseSchema } from '../letters/letters.routes.ts';
import { createApiToken } from '../users/users.service.ts';
import { acceptInvitation } from './invitations.service.ts';
import { acceptInvitationInput, answerDraftInput, attachmentNameInput, submitResponseInput } from './portal.ts';
import { attachFile, getPortalLetter, listPortalLetters, readAttachment, removeDraftAttachment, saveAnswerDraft, submitResponse } from './portal.service.ts';

const tags = ['Company portal'];
const attachmentSchema = z
  .object({ id: id(), letterId: id(), responseId: id().nullable(), filename: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), uploadedBy: z.string(), uploadedAt: z.string() })
  .meta({ id: 'ResponseAttachment' });
const draftSchema = z.object({ questionNumber: z.number().int(), text: z.string(), updatedBy: z.string(), updatedAt: z.string() }).meta({ id: 'AnswerDraft' });
const questionParams = z.object({
  id: id().meta({ param: { name: 'id', in: 'path' } }),
  number: z.coerce.number().int().min(1).meta({ param: { name: 'number', in: 'path' } }),
});
const attachmentParams = z.object({
  id: id().meta({ param: { name: 'id', in: 'path' } }),
  attachmentId: id().meta({ param: { name: 'attachmentId', in: 'path' } }),
});

/**
 * The portal's API: the same use cases as the portal's pages, for a respondent's own token. For a
 * respondent, anything but the letters sent to their company is NOT_FOUND.
 */
export function registerPortalRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/acceptance',
      tags,
      summary: "Accept an invitation: creates the respondent's account (bound to the company) and returns an API token",
      security: [],
      request: { params: z.object({ token: z.string().min(20).max(200).meta({ param: { name: 'token', in: 'path' } }) }), body: jsonBody(acceptInvitationInput) },
      responses: { 201: jsonContent(z.object({ userId: id(), email: z.string(), companyId: id(), token: z.string() }), 'The account, and a token shown once'), ...errorResponses, 410: errorResponses[404] },
    }),
    async (c) => {
      const { user } = await acceptInvitation(c.var.services, c.req.valid('param').token, c.req.valid('json'));
      const { token } = await createApiToken(c.var.services, { userId: user.id, name: user.name, role: user.role, companyId: user.companyId }, { email: user.email, label: 'portal' });
      return c.json({ userId: user.id, email: user.email, companyId: user.companyId!, token }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/portal/letters',
      tags,
      summary: 'The letters sent to your company, newest first',
      responses: { 200: jsonContent(z.object({ items: z.array(z.object({ letter: z.looseObject({ id: id(), subject: z.string() }), status: letterStatusSchema })) }), 'The letters'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listPortalLetters(c.var.services, c.var.actor) }, 200),
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/portal/letters/{id}',
      tags,
      summary: 'A letter, its status, your drafts, your responses and extension requests',
      request: { params: idParams },
      responses: {
        200: jsonContent(
          z.object({
            letter: letterSchema,
            status: letterStatusSchema,
            drafts: z.array(draftSchema),
            draftAttachments: z.array(attachmentSchema),
            responses: z.array(responseSchema.extend({ attachments: z.array(attachmentSchema) })),
            extensions: z.array(extensionSchema),
            deadlines: z.array(z.object({ at: z.string(), setBy: z.enum(['letter', 'extension']) })),
          }),
          'The letter',
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getPortalLetter(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
  api.openapi(
    createRoute({
      method: 'put',
      path: '/portal/letters/{id}/drafts/{number}',
      tags,
      summary: 'Save the draft answer to question {number} (empty text clears it)',
      request: { params: questionParams, body: jsonBody(answerDraftInput) },
      responses: { 200: jsonContent(z.object({ items: z.array(draftSchema) }), 'The drafts'), ...errorResponses },
    }),
    async (c) => {
      const { id: letterId, number } = c.req.valid('param');
      return c.json({ items: await saveAnswerDraft(c.var.services, c.var.actor, letterId, number, c.req.valid('json')) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/portal/letters/{id}/attachments',
      tags,
      summary: 'Attach a file to the draft response (PDF, PNG, JPEG, plain text, DOCX, ODT; at most 10 MB; 20 files)',
      description: 'The body is the file itself; its type is judged from its bytes, not from the name or the Content-Type.',
      request: {
        params: idParams,
        query: attachmentNameInput.extend({ filename: attachmentNameInput.shape.filename.meta({ param: { name: 'filename', in: 'query' } }) }),
        body: { required: true, content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
      },
      responses: { 201: jsonContent(attachmentSchema, 'Attached'), ...errorResponses, 415: errorResponses[413] },
    }),
    async (c) => {
      const bytes = Buffer.from(await c.req.arrayBuffer());
      return c.json(await attachFile(c.var.services, c.var.actor, c.req.valid('param').id, { filename: c.req.valid('query').filename, bytes }), 201);
    },
  );
  api.openapi(
    createRoute({ method: 'delete', path: '/portal/letters/{id}/attachments/{attachmentId}', tags, summary: 'Remove an attachment from the draft', request: { params: attachmentParams }, responses: { 204: { description: 'Removed' }, ...errorResponses } }),
    async (c) => {
      const { id: letterId, attachmentId } = c.req.valid('param');
      await removeDraftAttachment(c.var.services, c.var.actor, letterId, attachmentId);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/letters/{id}/attachments/{attachmentId}',
      tags,
      summary: "Download an attachment of the company's response",
      request: { params: attachmentParams },
      responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, ...errorResponses },
    }),
    async (c) => {
      const { id: letterId, attachmentId } = c.req.valid('param');
      const { attachment, content } = await readAttachment(c.var.services, c.var.actor, letterId, attachmentId);
      return new Response(Readable.toWeb(content) as ReadableStream, {
        status: 200,
        headers: {
          'content-type': attachment.contentType,
          'content-length': String(attachment.size),
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
          'x-content-type-options': 'nosniff',
        },
      }) as never;
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/portal/letters/{id}/submissions',
      tags,
      summary: 'Submit the drafts as your response: timestamped, hashed, immutable (a later submission corrects it)',
      request: { params: idParams, body: jsonBody(submitResponseInput) },
      responses: { 201: jsonContent(z.object({ response: responseSchema, sha256: z.string(), receiptSentTo: z.array(z.string()) }), 'Submitted; receipts are queued for both sides'), ...errorResponses },
    }),
    async (c) => c.json(await submitResponse(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
}

