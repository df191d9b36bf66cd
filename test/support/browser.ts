import type { TestApplication } from './engines.ts';

/** A cookie-keeping client for the HTML pages, calling the app in-process like a browser without JavaScript. */
export class PageClient {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];

  constructor(private readonly app: TestApplication) {}

  async get(path: string) {
    return this.send(path, { method: 'GET' });
  }

  /** Posts a form; the CSRF field is filled from the cookie unless the test says otherwise. */
  async post(path: string, fields: Record<string, string>, options: { csrf?: string | null } = {}) {
    const form = new URLSearchParams(fields);
    const csrf = options.csrf === undefined ? this.cookies.get('answerable_csrf') : options.csrf;
    if (csrf !== null && csrf !== undefined) form.set('_csrf', csrf);
    return this.send(path, { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Posts a multipart form (a file upload), with the CSRF field unless the test says otherwise. */
  async postMultipart(path: string, form: FormData, options: { csrf?: string | null } = {}) {
    const csrf = options.csrf === undefined ? this.cookies.get('answerable_csrf') : options.csrf;
    if (csrf !== null && csrf !== undefined) form.set('_csrf', csrf);
    return this.send(path, { method: 'POST', body: form });
  }

  private async send(path: string, init: RequestInit) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.web.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const header of this.lastSetCookies) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }
}
