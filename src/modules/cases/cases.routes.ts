import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { id, listQuery } from '../../shared/fields.ts';
import { type Api, errorResponses, idParams, jsonBody, jsonContent, recordMeta } from '../../shared/http.ts';
import { datePrecisions } from '../../shared/partial-date.ts';
import { getCaseHistory } from '../audit/audit.service.ts';
import { getCaseTimeline } from '../timeline/timeline.service.ts';
import { timelineKinds } from '../timeline/timeline.ts';
import { caseInput, caseMemberInput, caseMemberRoles, casePatch, caseVisibilities } from './case.ts';
import { addCaseMember, createCase, deleteCase, getCase, listCases, removeCaseMember, updateCase } from './cases.service.ts';

const company = z.object({ id: id(), name: z.string() });
const caseSummary = z
  .object({ ...recordMeta, slug: z.string(), title: z.string(), summary: z.string(), visibility: z.enum(caseVisibilities), companies: z.array(company) })
  .meta({ id: 'CaseSummary' });
const caseDetail = caseSummary
  .extend({ members: z.array(z.object({ userId: id(), name: z.string(), role: z.enum(caseMemberRoles) })).nullable().meta({ description: 'null unless you are a member or an admin' }) })
  .meta({ id: 'Case' });
const timelineItem = z
  .object({
    date: z.string().meta({ example: '2025-09' }),
    precision: z.enum(datePrecisions),
    kind: z.enum(timelineKinds),
    label: z.string(),
    organization: z.string().nullable(),
    record: z.object({ type: z.string(), id: z.string() }),
    sourceId: z.string().nullable(),
  })
  .meta({ id: 'TimelineItem' });
const auditEntry = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorName: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
const tags = ['Cases'];
const memberParams = z.object({ id: id().meta({ param: { name: 'id', in: 'path' } }), userId: id().meta({ param: { name: 'userId', in: 'path' } }) });

export function registerCaseRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases',
      tags,
      summary: 'List the cases you may read (newest first)',
      request: { query: listQuery },
      responses: { 200: jsonContent(z.object({ items: z.array(caseSummary) }), 'A page of cases'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listCases(c.var.services, c.var.actor, c.req.valid('query')) }, 200),
  );
  api.openapi(
    createRoute({ method: 'post', path: '/cases', tags, summary: 'Open a case; you become its editor', request: { body: jsonBody(caseInput) }, responses: { 201: jsonContent(caseDetail, 'Created'), ...errorResponses } }),
    async (c) => c.json(await createCase(c.var.services, c.var.actor, c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({ method: 'get', path: '/cases/{id}', tags, summary: 'Read a case', request: { params: idParams }, responses: { 200: jsonContent(caseDetail, 'Found'), ...errorResponses } }),
    async (c) => c.json(await getCase(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
  api.openapi(
    createRoute({ method: 'patch', path: '/cases/{id}', tags, summary: 'Change a case, or publish it', request: { params: idParams, body: jsonBody(casePatch) }, responses: { 200: jsonContent(caseDetail, 'Changed'), ...errorResponses } }),
    async (c) => c.json(await updateCase(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/cases/{id}',
      tags,
      summary: 'Delete a case and all it holds (its audit entry keeps everything)',
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteCase(c.var.services, c.var.actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/members',
      tags,
      summary: 'Add a member to a case, or change their role',
      request: { params: idParams, body: jsonBody(caseMemberInput) },
      responses: { 200: jsonContent(caseDetail, 'The case with its members'), ...errorResponses },
    }),
    async (c) => c.json(await addCaseMember(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    createRoute({ method: 'delete', path: '/cases/{id}/members/{userId}', tags, summary: 'Remove a member from a case', request: { params: memberParams }, responses: { 204: { description: 'Removed' }, ...errorResponses } }),
    async (c) => {
      const { id: caseId, userId } = c.req.valid('param');
      await removeCaseMember(c.var.services, c.var.actor, caseId, userId);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}/timeline',
      tags,
      summary: "A case's timeline, computed from its records, in date order with each date's precision",
      request: { params: idParams },
      responses: { 200: jsonContent(z.object({ items: z.array(timelineItem) }), 'The timeline'), ...errorResponses },
    }),
    async (c) => c.json({ items: await getCaseTimeline(c.var.services, c.var.actor, c.req.valid('param').id) }, 200),
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}/history',
      tags,
      summary: "Every change to a case's records, from the tamper-evident audit chain (members and admins)",
      request: { params: idParams },
      responses: { 200: jsonContent(z.object({ items: z.array(auditEntry) }), 'The history'), ...errorResponses },
    }),
    async (c) => c.json({ items: await getCaseHistory(c.var.services, c.var.actor, c.req.valid('param').id) }, 200),
  );
}
