import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { listQuery } from '../../shared/fields.ts';
import { type Api, errorResponses, idParams, jsonBody, jsonContent, recordMeta } from '../../shared/http.ts';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from './people.service.ts';
import { personInput, personPatch } from './person.ts';

const person = personInput.extend(recordMeta).meta({ id: 'Person' });
const tags = ['People'];

export function registerPeopleRoutes(api: Api): void {
  api.openapi(
    createRoute({ method: 'get', path: '/people', tags, summary: 'List people', request: { query: listQuery }, responses: { 200: jsonContent(z.object({ items: z.array(person) }), 'A page of people'), ...errorResponses } }),
    async (c) => c.json({ items: await listPeople(c.var.services, c.var.actor, c.req.valid('query')) }, 200),
  );
  api.openapi(
    createRoute({ method: 'post', path: '/people', tags, summary: 'Add a person', request: { body: jsonBody(personInput) }, responses: { 201: jsonContent(person, 'Created'), ...errorResponses } }),
    async (c) => c.json(await createPerson(c.var.services, c.var.actor, c.req.valid('json')), 201),
  );
  api.openapi(
    createRoute({ method: 'get', path: '/people/{id}', tags, summary: 'Read a person', request: { params: idParams }, responses: { 200: jsonContent(person, 'Found'), ...errorResponses } }),
    async (c) => c.json(await getPerson(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
  api.openapi(
    createRoute({ method: 'patch', path: '/people/{id}', tags, summary: 'Change a person', request: { params: idParams, body: jsonBody(personPatch) }, responses: { 200: jsonContent(person, 'Changed'), ...errorResponses } }),
    async (c) => c.json(await updatePerson(c.var.services, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  api.openapi(
    createRoute({ method: 'delete', path: '/people/{id}', tags, summary: 'Delete a person no record refers to', request: { params: idParams }, responses: { 204: { description: 'Deleted' }, ...errorResponses } }),
    async (c) => {
      await deletePerson(c.var.services, c.var.actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
