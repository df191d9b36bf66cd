import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { registerCompanyActionRoutes } from '../modules/actions/company-actions.routes.ts';
import { registerAllegationRoutes } from '../modules/allegations/allegations.routes.ts';
import { registerCasePages } from '../modules/cases/cases.pages.tsx';
import { registerCaseRoutes } from '../modules/cases/cases.routes.ts';
import { registerCommitmentRoutes } from '../modules/commitments/commitments.routes.ts';
import { registerEventRoutes } from '../modules/events/events.routes.ts';
import { registerEvidencePages } from '../modules/evidence/evidence.pages.tsx';
import { registerEvidenceRoutes } from '../modules/evidence/evidence.routes.ts';
import { registerImportPages } from '../modules/importer/imports.pages.tsx';
import { registerImportRoutes } from '../modules/importer/imports.routes.ts';
import { registerLetterRoutes } from '../modules/letters/letters.routes.ts';
import { registerLetterLifecycleRoutes } from '../modules/letters/letter-lifecycle.routes.ts';
import { registerLetterPages } from '../modules/letters/letters.pages.tsx';
import { registerFollowUpPages } from '../modules/commitments/follow-ups.pages.tsx';
import { registerPortalPages } from '../modules/portal/portal.pages.tsx';
import { registerPortalRoutes } from '../modules/portal/portal.routes.ts';
import { registerScorecardPages } from '../modules/scorecards/scorecards.pages.tsx';
import { registerScorecardRoutes } from '../modules/scorecards/scorecards.routes.ts';
import { registerOrganizationRoutes } from '../modules/organizations/organizations.routes.ts';
import { registerPeopleRoutes } from '../modules/people/people.routes.ts';
import { registerSourceRoutes } from '../modules/sources/sources.routes.ts';
import { registerStatementRoutes } from '../modules/statements/statements.routes.ts';
import { registerUserPages } from '../modules/users/users.pages.tsx';
import { AppError } from '../shared/errors.ts';
import { type Api, type AppEnv, createApi } from '../shared/http.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { stylesheet } from '../shared/ui/layout.tsx';
import { renderPage } from '../shared/ui/render.tsx';
import { identifyActor, requireCsrfToken } from './auth.ts';
import { toAppError, toProblem } from './problem.ts';

export interface AppOptions {
  secureCookies: boolean;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

const apiBase = '/api/v1';

export function buildApi(): Api {
  const api = createApi();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'A token from `answerable token create`' });
  for (const register of [
    registerOrganizationRoutes,
    registerPeopleRoutes,
    registerCaseRoutes,
    registerSourceRoutes,
    registerAllegationRoutes,
    registerStatementRoutes,
    registerCompanyActionRoutes,
    registerCommitmentRoutes,
    registerEventRoutes,
    registerLetterRoutes,
    registerLetterLifecycleRoutes,
    registerPortalRoutes,
    registerScorecardRoutes,
    registerEvidenceRoutes,
    registerImportRoutes,
  ]) {
    register(api);
  }
  return api;
}

export function openApiDocument(api: Api) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Answerable API',
      version: '1',
      description: 'The accountability record: cases, allegations, sources, letters, responses, commitments, actions, statements and timelines.',
    },
    servers: [{ url: apiBase }],
    security: [{ bearer: [] }],
  });
}

/** The whole HTTP surface: pages, the JSON API and its OpenAPI document, over the same services. */
export function createApp(services: ServiceContext, options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const api = buildApi();
  // Generated on first request: it takes a tenth of a second that a server's start need not pay.
  let document: ReturnType<typeof openApiDocument> | undefined;

  app.get('/health', (c) => c.text('ok'));
  app.get('/assets/app.css', (c) => c.body(stylesheet, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"], formAction: ["'self'"] },
      referrerPolicy: 'same-origin',
    }),
  );
  app.use(async (c, next) => {
    c.set('services', services);
    c.set('secureCookies', options.secureCookies);
    await next();
  });
  const generalBodyLimit = bodyLimit({
    maxSize: options.maxBodyBytes ?? 1024 * 1024,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${options.maxBodyBytes ?? 1024 * 1024} bytes`);
    },
  });
  // Uploads of evidence have their own, larger limit (ANSWERABLE_UPLOAD_MAX_BYTES), checked before
  // anything (the CSRF check included) reads the body.
  const uploadBodyLimit = bodyLimit({
    maxSize: services.evidence.uploadMaxBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${services.evidence.uploadMaxBytes} bytes`);
    },
  });
  const isUpload = (method: string, path: string) => method === 'POST' && /^(\/api\/v1)?\/cases\/[^/]+\/uploads$/.test(path);
  // A company's attachments to its response: 10 MB a file, plus room for the multipart envelope.
  const attachmentBodyLimit = bodyLimit({
    maxSize: 10 * 1024 * 1024 + 64 * 1024,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than the limit of 10 MB');
    },
  });
  const isAttachment = (method: string, path: string) => method === 'POST' && /^(\/api\/v1)?\/portal\/letters\/[^/]+\/attachments$/.test(path);
  app.use((c, next) =>
    isUpload(c.req.method, c.req.path) ? uploadBodyLimit(c, next) : isAttachment(c.req.method, c.req.path) ? attachmentBodyLimit(c, next) : generalBodyLimit(c, next),
  );
  app.use(identifyActor);
  app.use(requireCsrfToken);

  app.get(`${apiBase}/openapi.json`, (c) => c.json((document ??= openApiDocument(api))));
  app.route(apiBase, api);
  registerUserPages(app);
  registerCasePages(app);
  registerEvidencePages(app);
  registerLetterPages(app);
  registerPortalPages(app);
  registerScorecardPages(app);
  registerFollowUpPages(app);
  registerImportPages(app);

  const isApi = (path: string) => path === apiBase || path.startsWith(`${apiBase}/`);
  app.notFound((c) => respondWithError(c, AppError.notFound('Page'), isApi(c.req.path)));
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') console.error(error);
    return respondWithError(c, appError, isApi(c.req.path));
  });
  return app;
}

function respondWithError(c: Parameters<Parameters<Hono<AppEnv>['onError']>[0]>[1], error: AppError, asProblem: boolean): Response | Promise<Response> {
  const problem = toProblem(error);
  const status = problem.status as ContentfulStatusCode;
  if (asProblem || !c.var.locale) {
    return c.body(JSON.stringify(problem), status, { 'content-type': 'application/problem+json' });
  }
  return renderPage(
    c,
    ({ t }) => t(error.code === 'NOT_FOUND' ? 'notFoundTitle' : 'errorTitle'),
    ({ t }) => (
      <section>
        <h1>{t(error.code === 'NOT_FOUND' ? 'notFoundTitle' : 'errorTitle')}</h1>
        <p>{problem.detail}</p>
        {problem.errors && (
          <ul>
            {problem.errors.map((issue) => (
              <li>
                {issue.field}: {issue.message}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/cases">{t('backToCases')}</a>
        </p>
      </section>
    ),
    status,
  );
}
