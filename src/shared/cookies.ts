import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';
import type { AppEnv } from './http.ts';

export const sessionCookie = 'answerable_session';
export const csrfCookie = 'answerable_csrf';
export const localeCookie = 'answerable_locale';

/** HTTP-only, SameSite=Lax, Secure (browsers accept Secure cookies on http://localhost too). */
export function sessionCookieOptions(c: Context<AppEnv>): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'Lax', secure: c.var.secureCookies };
}
