import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/main.ts';
import { loadDemo } from '../../src/modules/demo/load-demo.ts';
import { hasChromium, launchChromium } from '../support/chromium.ts';
import { openTestApplication, type TestApplication } from '../support/engines.ts';
import { buildUser } from '../support/factories.ts';

/** A few journeys in a real browser: what a journalist and a researcher do first. */
describe.runIf(hasChromium)('in a browser', () => {
  let app: TestApplication;
  let server: RunningServer;
  let browser: Browser;
  let researcher: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    app = await openTestApplication('sqlite', { at: '2026-11-29T12:00:00Z' });
    await loadDemo(app.services);
    researcher = await buildUser(app.services, 'editor');
    server = await startServer(loadConfig({ dataDir: app.dataDir, port: 0 }), app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.destroy();
  });

  it('lets the public read the worked example, accessibly, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/cases`);
    await page.getByRole('link', { name: 'Microsoft, Azure and Unit 8200' }).click();
    expect(await page.locator('h1').textContent()).toBe('Microsoft, Azure and Unit 8200');
    expect(await page.locator('ol.timeline li').count()).toBe(8);
    await context.close();

    // axe runs as a script in the page, so the accessibility check needs JavaScript on.
    const checking = await browser.newContext();
    const checked = await checking.newPage();
    await checked.goto(`${server.url}/cases/microsoft-unit-8200`);
    const results = await new AxeBuilder({ page: checked }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await checked.screenshot({ path: join(tmpdir(), 'answerable-case-en.png'), fullPage: true });
    await checking.close();
  });

  it('signs a researcher in over http://127.0.0.1 and keeps Arabic, right to left, once chosen', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(researcher.email);
    await page.getByLabel('Password').fill(researcher.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/cases`);
    expect(await page.textContent('header')).toContain('Signed in as');

    await page.selectOption('#language', 'ar');
    await page.getByRole('button', { name: 'Change' }).click();
    await page.goto(`${server.url}/cases/microsoft-unit-8200`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((violation) => violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'answerable-case-ar.png'), fullPage: true });
    await context.close();
  });
});
