import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { type Api, errorResponses, idParams, jsonBody, jsonContent } from '../../shared/http.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { Actor } from '../users/actor.ts';

/**
 * Response bodies are documented by `output` but not type-checked against it here: the generic
 * types would defeat the compiler. Each module's service is typed, and tests read the bodies.
 */
interface CaseRecordRoutes<Input, Patch> {
  /** The path segment: /cases/{id}/allegations and /allegations/{id}. */
  collection: string;
  tag: string;
  input: z.ZodType<Input>;
  patch: z.ZodType<Patch>;
  output: z.ZodType;
  list(ctx: ServiceContext, actor: Actor, caseId: string): Promise<object[]>;
  get(ctx: ServiceContext, actor: Actor, id: string): Promise<object>;
  create(ctx: ServiceContext, actor: Actor, caseId: string, input: Input): Promise<object>;
  update(ctx: ServiceContext, actor: Actor, id: string, patch: Patch): Promise<object>;
  remove(ctx: ServiceContext, actor: Actor, id: string): Promise<void>;
}

/** The five routes of a record a case holds; each calls the module's use case with the request's actor. */
export function registerCaseRecordRoutes<Input, Patch>(api: Api, spec: CaseRecordRoutes<Input, Patch>): void {
  const { collection, tag } = spec;
  const one = `/${collection}/{id}`;

  api.openapi(
    createRoute({
      method: 'get',
      path: `/cases/{id}/${collection}`,
      tags: [tag],
      summary: `List a case's ${collection.replaceAll('-', ' ')}`,
      request: { params: idParams },
      responses: { 200: jsonContent(z.object({ items: z.array(spec.output) }), 'The list'), ...errorResponses },
    }),
    async (c) => c.json({ items: await spec.list(c.var.services, c.var.actor, c.req.valid('param').id) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: `/cases/{id}/${collection}`,
      tags: [tag],
      summary: `Add to a case's ${collection.replaceAll('-', ' ')}`,
      request: { params: idParams, body: jsonBody(spec.input) },
      responses: { 201: jsonContent(spec.output, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await spec.create(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json') as Input), 201),
  );

  api.openapi(
    createRoute({ method: 'get', path: one, tags: [tag], summary: 'Read one', request: { params: idParams }, responses: { 200: jsonContent(spec.output, 'Found'), ...errorResponses } }),
    async (c) => c.json(await spec.get(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: one,
      tags: [tag],
      summary: 'Change some fields',
      request: { params: idParams, body: jsonBody(spec.patch) },
      responses: { 200: jsonContent(spec.output, 'Changed'), ...errorResponses },
    }),
    async (c) => c.json(await spec.update(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json') as Patch), 200),
  );

  api.openapi(
    createRoute({ method: 'delete', path: one, tags: [tag], summary: 'Delete (the history keeps it)', request: { params: idParams }, responses: { 204: { description: 'Deleted' }, ...errorResponses } }),
    async (c) => {
      await spec.remove(c.var.services, c.var.actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
