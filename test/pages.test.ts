import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/load-demo.ts';
import { createSetupLink } from '../src/modules/users/sessions.service.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { buildCase, buildUser } from './support/factories.ts';
import { PageClient } from './support/browser.ts';

describe.each(engines)('pages on %s', (engine) => {
  let app: TestApplication;
  let editor: Awaited<ReturnType<typeof buildUser>>;
  let privateCaseSlug: string;
  beforeAll(async () => {
    app = await openTestApplication(engine, { at: '2026-11-29T12:00:00Z' });
    await loadDemo(app.services);
    editor = await buildUser(app.services, 'editor');
    privateCaseSlug = (await buildCase(app.services, editor.actor, { title: 'Witness <script>alert(1)</script> matter' })).slug;
  });
  afterAll(() => app.destroy());

  async function signedIn(user = editor) {
    const browser = new PageClient(app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { email: user.email, password: user.password });
    expect(response.status).toBe(303);
    return browser;
  }

  it('shows the published demo case to the public, without JavaScript', async () => {
    const browser = new PageClient(app);
    const list = await browser.get('/cases');
    expect(list.html).toContain('Microsoft, Azure and Unit 8200');
    expect(list.html).not.toContain('Witness');
    const page = await browser.get('/cases/microsoft-unit-8200');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(page.html).not.toContain('<script');
    for (const text of ['Deborah Brown', 'Human Rights Watch, Amnesty International, Access Now', '3 named of 6 signatories', 'October 10, 2025', 'September 2025', 'August 2025', 'Letter sent', 'Arab News']) {
      expect(page.html).toContain(text);
    }
    expect((page.html.match(/not been made public/g) ?? []).length).toBe(7);
  });

  it('hides a private case from the public and shows it, escaped, to its member', async () => {
    expect((await new PageClient(app).get(`/cases/${privateCaseSlug}`)).status).toBe(404);
    const browser = await signedIn();
    const page = await browser.get(`/cases/${privateCaseSlug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Witness &lt;script&gt;alert(1)&lt;/script&gt; matter');
  });

  it('signs in with a secure, HTTP-only session cookie, and out again', async () => {
    const browser = new PageClient(app);
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email: editor.email.toUpperCase(), password: editor.password });
    const session = browser.lastSetCookies.find((header) => header.startsWith('answerable_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    expect((await browser.get('/cases')).html).toContain('Signed in as');
    const signOut = await browser.post('/sign-out', {});
    expect(signOut.status).toBe(303);
    expect((await browser.get('/cases')).html).not.toContain('Signed in as');
  });

  it('refuses a form without its CSRF token', async () => {
    const browser = new PageClient(app);
    await browser.get('/sign-in');
    expect((await browser.post('/sign-in', { email: editor.email, password: editor.password }, { csrf: null })).status).toBe(403);
    expect((await browser.post('/sign-in', { email: editor.email, password: editor.password }, { csrf: 'x'.repeat(43) })).status).toBe(403);
  });

  it('limits failed sign-ins per account, even when the right password follows', async () => {
    const target = await buildUser(app.services, 'viewer');
    const browser = new PageClient(app);
    await browser.get('/sign-in');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const failed = await browser.post('/sign-in', { email: target.email, password: 'wrong password!' });
      expect(failed.status).toBe(401);
      expect(failed.html).toContain('The email or password is not right');
    }
    expect((await browser.post('/sign-in', { email: target.email, password: target.password })).status).toBe(429);
    app.clock.advance(16 * 60 * 1000);
    expect((await browser.post('/sign-in', { email: target.email, password: target.password })).status).toBe(303);
  });

  it('switches to Arabic, right to left, and remembers the choice for the account', async () => {
    const browser = await signedIn();
    const switched = await browser.post('/language', { locale: 'ar', back: '/cases/microsoft-unit-8200' });
    expect(switched).toMatchObject({ status: 303, location: '/cases/microsoft-unit-8200' });
    const page = await browser.get('/cases/microsoft-unit-8200');
    expect(page.html).toContain('<html lang="ar" dir="rtl">');
    expect(page.html).toContain('التسلسل الزمني');
    expect(page.html).toContain('أكتوبر');

    // A new browser, signing in to the same account, gets Arabic too.
    const elsewhere = await signedIn();
    expect((await elsewhere.get('/cases')).html).toContain('dir="rtl"');
    expect((await browser.post('/language', { locale: 'xx' })).status).toBe(400);
    expect((await browser.post('/language', { locale: 'en', back: 'https://evil.example' })).location).toBe('/cases');
  });

  it('creates the first admin through a one-time setup link', async () => {
    await app.services.db.deleteFrom('setup_tokens').execute();
    expect(await createSetupLink(app.services)).toBeUndefined(); // accounts exist already
    const fresh = await openTestApplication(engine);
    try {
      const token = (await createSetupLink(fresh.services))!;
      const browser = new PageClient(fresh);
      expect((await browser.get(`/setup/${token}`)).status).toBe(200);
      const short = await browser.post(`/setup/${token}`, { name: 'Ada', email: 'ada@example.org', password: 'short' });
      expect(short.status).toBe(400);
      expect(short.html).toContain('password');
      expect((await browser.post(`/setup/${token}`, { name: 'Ada', email: 'ada@example.org', password: 'a long enough passphrase' })).status).toBe(303);
      expect((await browser.get('/cases')).html).toContain('Signed in as');
      expect((await new PageClient(fresh).get(`/setup/${token}`)).status).toBe(410);
      const again = new PageClient(fresh);
      await again.get('/sign-in');
      expect((await again.post(`/setup/${token}`, { name: 'Eve', email: 'eve@example.org', password: 'a long enough passphrase' })).status).toBe(410);
    } finally {
      await fresh.destroy();
    }
  });
});
