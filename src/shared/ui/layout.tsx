import type { Child } from 'hono/jsx';
import type { Actor } from '../../modules/users/actor.ts';
import { locales, type Locale } from '../../modules/users/user.ts';
import { directionOf, localeNames, type Translate } from './i18n.ts';

export interface PageContext {
  t: Translate;
  locale: Locale;
  actor: Actor;
  csrfToken: string;
  /** The path of this page, so that forms (language, sign-out) can come back to it. */
  path: string;
}

/** Every form that changes something carries the CSRF token. */
export function CsrfField({ page }: { page: PageContext }) {
  return <input type="hidden" name="_csrf" value={page.csrfToken} />;
}

/** The password of a new account, with the rule it must meet. */
export function NewPasswordField({ page }: { page: PageContext }) {
  return (
    <>
      <label for="password">{page.t('password')}</label>
      <input id="password" name="password" type="password" autocomplete="new-password" minlength={12} required aria-describedby="password-help" />
      <p id="password-help" class="meta">
        {page.t('passwordHelp')}
      </p>
    </>
  );
}

export function Layout({ page, title, children }: { page: PageContext; title: string; children: Child }) {
  const { t, locale, actor } = page;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('appName')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site">
          <a class="brand" href="/cases">
            {t('appName')}
          </a>
          <nav aria-label={t('appName')}>
            {actor.role === 'respondent' ? (
              <a href="/portal">{t('portal')}</a>
            ) : (
              <>
                <a href="/cases">{t('cases')}</a>
                {actor.role !== 'public' && (
                  <>
                    {' '}
                    <a href="/follow-ups">{t('followUps')}</a>
                  </>
                )}
              </>
            )}
          </nav>
          <form method="post" action="/language" class="inline">
            <CsrfField page={page} />
            <input type="hidden" name="back" value={page.path} />
            <label for="language">{t('language')}</label>{' '}
            <select id="language" name="locale">
              {locales.map((option) => (
                <option value={option} selected={option === locale} lang={option}>
                  {localeNames[option]}
                </option>
              ))}
            </select>{' '}
            <button type="submit">{t('change')}</button>
          </form>
          {actor.userId ? (
            <form method="post" action="/sign-out" class="inline">
              <CsrfField page={page} />
              <span>
                {t('signedInAs')} {actor.name}
              </span>{' '}
              <button type="submit">{t('signOut')}</button>
            </form>
          ) : (
            <a href="/sign-in">{t('signIn')}</a>
          )}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

export const stylesheet = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --line: #d8d8d8; --accent: #0b5cad; --bad: #a4000f; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", Tahoma, sans-serif; color: var(--ink); }
a { color: var(--accent); }
.skip { position: absolute; inset-inline-start: -999px; }
.skip:focus { inset-inline-start: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header.site { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1rem; border-block-end: 1px solid var(--line); }
header.site .brand { font-weight: 700; text-decoration: none; color: var(--ink); margin-inline-end: auto; }
form.inline { display: inline-flex; gap: .4rem; align-items: center; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.7rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin-block-start: 2rem; border-block-end: 1px solid var(--line); }
.meta { color: var(--muted); font-size: .9rem; }
.badge { display: inline-block; padding: 0 .4rem; border: 1px solid var(--line); border-radius: .25rem; font-size: .85rem; }
ol.timeline { list-style: none; padding: 0; }
ol.timeline li { display: grid; grid-template-columns: 10rem 1fr; gap: .75rem; padding: .4rem 0; border-block-end: 1px dotted var(--line); }
blockquote { margin: .5rem 0; padding-inline-start: 1rem; border-inline-start: 3px solid var(--line); }
label { display: block; font-weight: 600; margin-block-start: .75rem; }
form.inline label { display: inline; margin: 0; }
input[type=email], input[type=password], input[type=text] { width: 100%; max-width: 24rem; padding: .4rem; font: inherit; }
button { font: inherit; padding: .3rem .8rem; }
.error { color: var(--bad); font-weight: 600; }
.review { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
@media (max-width: 50rem) { .review { grid-template-columns: 1fr; } }
.article-text mark { background: #fff3b0; } .article-text mark a { color: inherit; text-decoration: none; }
.article-text mark.kind-quote { background: #d9f2d9; } .article-text mark.kind-event, .article-text mark.kind-letter { background: #dbe9fb; }
ol.suggestions li { padding: .4rem 0; border-block-end: 1px dotted var(--line); } ol.suggestions li.status-rejected { color: var(--muted); }
textarea { width: 100%; font: inherit; }
`;
