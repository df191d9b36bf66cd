import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Actor } from '../modules/users/actor.ts';
import type { Locale } from '../modules/users/user.ts';
import { AppError, type FieldIssue } from './errors.ts';
import { id } from './fields.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * What the HTTP adapters (module routes and pages) share: the request's variables, the API type,
 * and the schemas every route uses. Services never see any of this.
 */
export interface AppEnv {
  Variables: {
    services: ServiceContext;
    actor: Actor;
    locale: Locale;
    /** The value forms must echo back in `_csrf` (and scripts in `X-CSRF-Token`). */
    csrfToken: string;
    /** True when the actor came from the session cookie, not a bearer token. */
    cookieAuthenticated: boolean;
    /** Cookies are Secure unless the operator serves plain HTTP beyond localhost. */
    secureCookies: boolean;
  };
}

export type Api = OpenAPIHono<AppEnv>;

export function validationError(issues: { path: PropertyKey[]; message: string }[]): AppError {
  const fieldIssues: FieldIssue[] = issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message }));
  const summary = fieldIssues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', summary, fieldIssues);
}

export function createApi(): Api {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
    },
  });
}

export const problemSchema = z
  .object({
    type: z.string().meta({ example: 'https://answerable.example/problems/validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ example: 'VALIDATION_FAILED' }),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, with a stable code and the offending fields.' });

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

export const errorResponses = {
  400: problem('The input is not valid: `errors` names each field'),
  401: problem('Not signed in, or the token is not valid'),
  403: problem('Signed in, without the right to do this'),
  404: problem('Not found, or not visible to you'),
  409: problem('Conflicts with the record as it is'),
  413: problem('The body is too large'),
} satisfies RouteConfig['responses'];

export const idParams = z.object({ id: id().meta({ param: { name: 'id', in: 'path' } }) });

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** Fields every stored record carries besides its input. */
export const recordMeta = {
  id: id(),
  createdAt: z.string().meta({ description: 'ISO-8601 UTC' }),
  updatedAt: z.string().meta({ description: 'ISO-8601 UTC' }),
};
