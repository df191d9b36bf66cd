import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { listQuery } from '../../shared/fields.ts';
import { type Api, errorResponses, idParams, jsonBody, jsonContent, recordMeta } from '../../shared/http.ts';
import { organizationInput, organizationKinds, organizationPatch, productInput } from './organization.ts';
import { createOrganization, createProduct, deleteOrganization, getOrganization, listOrganizations, listProducts, updateOrganization } from './organizations.service.ts';

const organization = organizationInput.extend(recordMeta).meta({ id: 'Organization' });
const product = productInput.extend({ id: recordMeta.id, companyId: recordMeta.id }).meta({ id: 'Product' });
const tags = ['Organisations'];

export function registerOrganizationRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organizations',
      tags,
      summary: 'List organisations',
      request: { query: listQuery.extend({ kind: z.enum(organizationKinds).optional() }) },
      responses: { 200: jsonContent(z.object({ items: z.array(organization) }), 'A page of organisations, in creation order'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listOrganizations(c.var.services, c.var.actor, c.req.valid('query')) }, 200),
  );
  api.openapi(
    createRoute({ method: 'post', path: '/organizations', tags, summary: 'Create an organisation', request: { body: jsonBody(organizationInput) }, responses: { 201: jsonContent(organization, 'Created'), ...errorResponses } }),
    async (c) => c.json(await createOrganization(c.var.services, c.var.actor, c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({ method: 'get', path: '/organizations/{id}', tags, summary: 'Read an organisation', request: { params: idParams }, responses: { 200: jsonContent(organization, 'Found'), ...errorResponses } }),
    async (c) => c.json(await getOrganization(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
  api.openapi(
    createRoute({
      method: 'patch',
      path: '/organizations/{id}',
      tags,
      summary: 'Change an organisation',
      request: { params: idParams, body: jsonBody(organizationPatch) },
      responses: { 200: jsonContent(organization, 'Changed'), ...errorResponses },
    }),
    async (c) => c.json(await updateOrganization(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/organizations/{id}',
      tags,
      summary: 'Delete an organisation no record refers to',
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteOrganization(c.var.services, c.var.actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organizations/{id}/products',
      tags,
      summary: "List a company's products",
      request: { params: idParams },
      responses: { 200: jsonContent(z.object({ items: z.array(product) }), 'The products'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listProducts(c.var.services, c.var.actor, c.req.valid('param').id) }, 200),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/organizations/{id}/products',
      tags,
      summary: 'Add a product or service of a company',
      request: { params: idParams, body: jsonBody(productInput) },
      responses: { 201: jsonContent(product, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createProduct(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
}
