import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http.ts';
import { translator } from './i18n.ts';
import { Layout, type PageContext } from './layout.tsx';

export function pageContext(c: Context<AppEnv>): PageContext {
  return { t: translator(c.var.locale), locale: c.var.locale, actor: c.var.actor, csrfToken: c.var.csrfToken, path: new URL(c.req.url).pathname };
}

/** A whole page: the layout around the body, as HTML5. */
export async function renderPage(
  c: Context<AppEnv>,
  title: (page: PageContext) => string,
  body: (page: PageContext) => Child, status: ContentfulStatusCode = 200): Promise<Response> {
  const page = pageContext(c);
  const html = await (
    <Layout page={page} title={title(page)}>
      {body(page)}
    </Layout>
  ).toString();
  return c.html(`<!doctype html>${html}`, status);
}
