import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { authenticateSession } from '../modules/users/sessions.service.ts';
import { publicActor } from '../modules/users/actor.ts';
import { sameSecret } from '../modules/users/secrets.ts';
import { actorOf, authenticateToken } from '../modules/users/users.service.ts';
import { locales, type Locale } from '../modules/users/user.ts';
import { csrfCookie, localeCookie, sessionCookie, sessionCookieOptions } from '../shared/cookies.ts';
import { AppError } from '../shared/errors.ts';
import type { AppEnv } from '../shared/http.ts';

/**
 * Who is asking: a bearer token (scripts), else the session cookie (the browser), else the public.
 * A bearer token that is not valid is refused outright rather than treated as the public, so a
 * script with a revoked token fails loudly.
 */
export const identifyActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const services = c.var.services;
  const authorization = c.req.header('authorization');
  let locale = parseLocale(getCookie(c, localeCookie));
  c.set('actor', publicActor);
  c.set('cookieAuthenticated', false);
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const actor = token ? await authenticateToken(services, token) : undefined;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'The bearer token is not valid');
    c.set('actor', actor);
  } else {
    const sessionToken = getCookie(c, sessionCookie);
    const user = sessionToken ? await authenticateSession(services, sessionToken) : undefined;
    if (user) {
      c.set('actor', actorOf(user));
      c.set('cookieAuthenticated', true);
      locale = locale ?? user.locale;
    }
  }
  c.set('locale', locale ?? 'en');

  let csrfToken = getCookie(c, csrfCookie);
  if (!csrfToken || csrfToken.length < 32) {
    csrfToken = randomBytes(32).toString('base64url');
    setCookie(c, csrfCookie, csrfToken, sessionCookieOptions(c));
  }
  c.set('csrfToken', csrfToken);
  await next();
};

/**
 * Double-submit check for every request that changes something from a browser: a form's `_csrf`
 * field (or a script's X-CSRF-Token header) must equal the HTTP-only CSRF cookie, which another
 * site can neither read nor set. Requests authenticated by bearer token carry no ambient
 * credentials and are exempt.
 */
export const requireCsrfToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || c.req.header('authorization') !== undefined) return next();
  const isForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '');
  if (!isForm && !c.var.cookieAuthenticated) return next();
  const expected = getCookie(c, csrfCookie);
  const submitted = c.req.header('x-csrf-token') ?? (isForm ? (await c.req.parseBody())._csrf : undefined);
  if (!expected || typeof submitted !== 'string' || !sameSecret(expected, submitted)) throw new AppError('CSRF_FAILED');
  return next();
};

function parseLocale(value: string | undefined): Locale | undefined {
  return locales.find((locale) => locale === value);
}
