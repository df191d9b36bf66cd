import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { text } from '../../shared/fields.ts';
import type { AppEnv } from '../../shared/http.ts';
import { localeCookie, sessionCookie, sessionCookieOptions } from '../../shared/cookies.ts';
import { CsrfField, NewPasswordField, type PageContext } from '../../shared/ui/layout.tsx';
import { renderPage } from '../../shared/ui/render.tsx';
import { completeSetup, isSetupLinkValid, signIn, signOut } from './sessions.service.ts';
import { setUserLocale } from './users.service.ts';
import { email, locales, password, signInInput } from './user.ts';

const setupInput = z.object({ email: email(), name: text(200), password: password() });

function SignInForm({ page, error, emailValue }: { page: PageContext; error?: string | undefined; emailValue?: string | undefined }) {
  const { t } = page;
  return (
    <section>
      <h1>{t('signIn')}</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action="/sign-in">
        <CsrfField page={page} />
        <label for="email">{t('email')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={emailValue ?? ''} />
        <label for="password">{t('password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <label for="totp">{t('totpCode')}</label>
        <input id="totp" name="totp" type="text" inputmode="numeric" autocomplete="one-time-code" aria-describedby="totp-help" />
        <p id="totp-help" class="meta">
          {t('secondFactor')}
        </p>
        <p>
          <button type="submit">{t('signIn')}</button>
        </p>
      </form>
    </section>
  );
}

function SetupForm({ page, token, error }: { page: PageContext; token: string; error?: string | undefined }) {
  const { t } = page;
  return (
    <section>
      <h1>{t('setupTitle')}</h1>
      <p>{t('setupHelp')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`/setup/${encodeURIComponent(token)}`}>
        <CsrfField page={page} />
        <label for="name">{t('name')}</label>
        <input id="name" name="name" type="text" autocomplete="name" required />
        <label for="email">{t('email')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <NewPasswordField page={page} />
        <p>
          <button type="submit">{t('createAccount')}</button>
        </p>
      </form>
    </section>
  );
}

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function safeBack(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/cases';
}

export function registerUserPages(app: Hono<AppEnv>): void {
  app.get('/sign-in', (c) => renderPage(c, ({ t }) => t('signIn'), (page) => <SignInForm page={page} />));

  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const parsed = signInInput.safeParse(form);
    const emailValue = typeof form.email === 'string' ? form.email : undefined;
    try {
      if (!parsed.success) throw new AppError('UNAUTHENTICATED', 'The email or password is not right');
      const { sessionToken, user } = await signIn(c.var.services, parsed.data, clientAddress(c));
      setCookie(c, sessionCookie, sessionToken, sessionCookieOptions(c));
      setCookie(c, localeCookie, user.locale, sessionCookieOptions(c));
      return c.redirect(user.role === 'respondent' ? '/portal' : '/cases', 303);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'UNAUTHENTICATED' && error.code !== 'RATE_LIMITED')) throw error;
      const status = error.code === 'RATE_LIMITED' ? 429 : 401;
      return renderPage(c, ({ t }) => t('signIn'), (page) => <SignInForm page={page} error={error.message} emailValue={emailValue} />, status);
    }
  });

  app.post('/sign-out', async (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) await signOut(c.var.services, token);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect('/cases', 303);
  });

  app.get('/setup/:token', async (c) => {
    const token = c.req.param('token');
    if (!(await isSetupLinkValid(c.var.services, token))) throw new AppError('GONE', 'This setup link has expired or was already used');
    return renderPage(c, ({ t }) => t('setupTitle'), (page) => <SetupForm page={page} token={token} />);
  });

  app.post('/setup/:token', async (c) => {
    const token = c.req.param('token');
    const parsed = setupInput.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return renderPage(c, ({ t }) => t('setupTitle'), (page) => <SetupForm page={page} token={token} error={message} />, 400);
    }
    const { sessionToken } = await completeSetup(c.var.services, token, parsed.data);
    setCookie(c, sessionCookie, sessionToken, sessionCookieOptions(c));
    return c.redirect('/cases', 303);
  });

  app.post('/language', async (c) => {
    const form = await c.req.parseBody();
    const locale = z.enum(locales).safeParse(form.locale);
    if (!locale.success) throw AppError.invalid('locale', `must be one of ${locales.join(', ')}`);
    setCookie(c, localeCookie, locale.data, { ...sessionCookieOptions(c), maxAge: 365 * 24 * 3600 });
    await setUserLocale(c.var.services, c.var.actor, locale.data);
    return c.redirect(safeBack(form.back), 303);
  });
}
