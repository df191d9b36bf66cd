import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { buildCase, buildLetter, buildUser } from './support/factories.ts';
import { api } from './support/http.ts';

/** Private cases, and embargoed letters in published ones, are seen only by members and admins. */
describe.each(engines)('who sees what, on %s', (engine) => {
  let app: TestApplication;
  let member: Awaited<ReturnType<typeof buildUser>>;
  let memberViewer: Awaited<ReturnType<typeof buildUser>>;
  let outsider: Awaited<ReturnType<typeof buildUser>>;
  let admin: Awaited<ReturnType<typeof buildUser>>;
  let privateCaseId: string;
  let publishedCaseId: string;
  let embargoedLetterId: string;
  let publicLetterId: string;

  beforeAll(async () => {
    app = await openTestApplication(engine, { at: '2025-10-05T12:00:00Z' });
    [member, memberViewer, outsider, admin] = await Promise.all([
      buildUser(app.services, 'editor'),
      buildUser(app.services, 'viewer'),
      buildUser(app.services, 'editor'),
      buildUser(app.services, 'admin'),
    ]);
    const members = [{ userId: memberViewer.actor.userId!, role: 'viewer' as const }];
    privateCaseId = (await buildCase(app.services, member.actor, { title: 'Private matter', members })).id;
    publishedCaseId = (await buildCase(app.services, member.actor, { title: 'Public matter', visibility: 'published', members })).id;
    embargoedLetterId = (await buildLetter(app.services, publishedCaseId, { publishedOn: '2025-10-10' })).id;
    publicLetterId = (await buildLetter(app.services, publishedCaseId, { publishedOn: '2025-10-01' })).id;
    await buildLetter(app.services, privateCaseId);
  });
  afterAll(() => app.destroy());

  const status = async (path: string, token?: string) => (await api(app, 'GET', path, token ? { token } : {})).status;

  it('shows a private case to its members and admins, and to nobody else (404, not 403)', async () => {
    for (const path of [`/cases/${privateCaseId}`, `/cases/${privateCaseId}/timeline`, `/cases/${privateCaseId}/allegations`, `/letters?caseId=${privateCaseId}`]) {
      expect(await status(path, member.token), path).toBe(200);
      expect(await status(path, memberViewer.token), path).toBe(200);
      expect(await status(path, admin.token), path).toBe(200);
      expect(await status(path, outsider.token), path).toBe(404);
      expect(await status(path), path).toBe(404);
    }
    const listed = async (token?: string) => (await api(app, 'GET', '/cases', token ? { token } : {})).json.items.map((item: { id: string }) => item.id);
    expect(await listed(member.token)).toContain(privateCaseId);
    expect(await listed(outsider.token)).not.toContain(privateCaseId);
    expect(await listed()).not.toContain(privateCaseId);
    expect(await listed()).toContain(publishedCaseId);
  });

  it('lets only the case’s editors change it', async () => {
    const patch = (token: string) => api(app, 'PATCH', `/cases/${publishedCaseId}`, { token, body: { summary: 'changed' } });
    expect((await patch(member.token)).status).toBe(200);
    expect((await patch(memberViewer.token)).status).toBe(403);
    expect((await patch(outsider.token)).status).toBe(403);
    expect((await api(app, 'PATCH', `/cases/${privateCaseId}`, { token: outsider.token, body: { summary: 'x' } })).status).toBe(404);
    expect((await api(app, 'POST', `/cases/${privateCaseId}/allegations`, { token: outsider.token, body: { statement: 'x' } })).status).toBe(404);
  });

  it('holds an embargoed letter back from the public until its publication date', async () => {
    const publicLetters = async () => (await api(app, 'GET', `/letters?caseId=${publishedCaseId}`)).json.items.map((item: { id: string }) => item.id);
    expect(await publicLetters()).toEqual([publicLetterId]);
    expect(await status(`/letters/${embargoedLetterId}`)).toBe(404);
    expect(await status(`/letters/${embargoedLetterId}`, outsider.token)).toBe(404);
    expect(await status(`/letters/${embargoedLetterId}`, memberViewer.token)).toBe(200);
    const timeline = (await api(app, 'GET', `/cases/${publishedCaseId}/timeline`)).json.items;
    expect(timeline.some((item: { record: { id: string } }) => item.record.id === embargoedLetterId)).toBe(false);
    expect(await status(`/cases/${publishedCaseId}/history`)).toBe(404);

    app.clock.set('2025-10-10T00:00:01Z');
    expect(await publicLetters()).toEqual([embargoedLetterId, publicLetterId].sort());
    app.clock.set('2025-10-05T12:00:00Z');
  });

  it('keeps members out of the public view of a case', async () => {
    expect((await api(app, 'GET', `/cases/${publishedCaseId}`)).json.members).toBeNull();
    expect((await api(app, 'GET', `/cases/${publishedCaseId}`, { token: member.token })).json.members).toHaveLength(2);
  });
});
