import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { buildCompany, buildOrganization, buildUser } from './support/factories.ts';
import { api, auditCount } from './support/http.ts';

describe.each(engines)('JSON API on %s', (engine) => {
  let app: TestApplication;
  let editor: string;
  let viewer: string;
  beforeAll(async () => {
    app = await openTestApplication(engine);
    editor = (await buildUser(app.services, 'editor')).token;
    viewer = (await buildUser(app.services, 'viewer')).token;
  });
  afterAll(() => app.destroy());

  it('serves an OpenAPI 3.1 document with every route', async () => {
    const { status, json } = await api(app, 'GET', '/openapi.json');
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    for (const path of ['/organizations', '/organizations/{id}', '/people', '/people/{id}', '/cases', '/cases/{id}', '/cases/{id}/allegations', '/cases/{id}/sources', '/cases/{id}/statements', '/cases/{id}/actions', '/cases/{id}/commitments', '/cases/{id}/events', '/cases/{id}/timeline', '/letters', '/letters/{id}', '/letters/{id}/responses']) {
      expect(Object.keys(json.paths), path).toContain(path);
    }
    expect(json.paths['/cases'].post.requestBody.content['application/json'].schema).toBeDefined();
  });

  it('creates, reads, changes and deletes a case and what it holds', async () => {
    const company = await buildCompany(app.services, { name: 'Halcyon Cloud' });
    const created = await api(app, 'POST', '/cases', { token: editor, body: { title: 'Halcyon and the border agency', companyIds: [company.id] } });
    expect(created.status).toBe(201);
    const caseId = created.json.id;
    expect(created.json).toMatchObject({ slug: 'halcyon-and-the-border-agency', visibility: 'private', companies: [{ id: company.id, name: 'Halcyon Cloud' }] });

    const source = await api(app, 'POST', `/cases/${caseId}/sources`, { token: editor, body: { title: 'Press release', url: 'https://example.org/a', publishedOn: '2026-05' } });
    expect(source.status).toBe(201);
    const allegation = await api(app, 'POST', `/cases/${caseId}/allegations`, { token: editor, body: { statement: 'Speech analytics used on asylum seekers', sourceIds: [source.json.id] } });
    expect(allegation.json).toMatchObject({ status: 'alleged', sourceIds: [source.json.id] });
    const changed = await api(app, 'PATCH', `/allegations/${allegation.json.id}`, { token: editor, body: { status: 'corroborated' } });
    // A PATCH changes only what it names: the sources stay.
    expect(changed.json).toMatchObject({ status: 'corroborated', statement: 'Speech analytics used on asylum seekers', sourceIds: [source.json.id] });

    const signatory = await buildOrganization(app.services);
    const letter = await api(app, 'POST', '/letters', {
      token: editor,
      body: {
        caseId,
        recipientId: company.id,
        signatoryIds: [signatory.id],
        subject: 'Stop the service',
        questions: ['Who?', 'What?'],
        responseDeadline: { date: '2026-05-15', timeZone: 'Europe/Oslo' },
        sentOn: '2026-04-29',
      },
    });
    expect(letter.status).toBe(201);
    expect(letter.json.questions.map((q: { number: number }) => q.number)).toEqual([1, 2]);
    expect(letter.json.responseDeadline).toEqual({ at: '2026-05-15T21:59:59.999Z', timeZone: 'Europe/Oslo', date: '2026-05-15' });
    const response = await api(app, 'POST', `/letters/${letter.json.id}/responses`, {
      token: editor,
      body: { receivedOn: '2026-05-20', text: 'Our reply', answers: [{ questionNumber: 2, text: 'This', classification: 'partial' }] },
    });
    expect(response.status).toBe(201);
    expect((await api(app, 'GET', `/letters/${letter.json.id}/responses`, { token: editor })).json.items).toHaveLength(1);
    const questionsAfterResponse = await api(app, 'PATCH', `/letters/${letter.json.id}`, { token: editor, body: { questions: ['Changed?'] } });
    expect(questionsAfterResponse.status).toBe(409);

    const timeline = await api(app, 'GET', `/cases/${caseId}/timeline`, { token: editor });
    expect(timeline.json.items.map((item: { kind: string; date: string }) => `${item.date} ${item.kind}`)).toEqual([
      '2026-04-29 letter_sent',
      '2026-05 source_published',
      '2026-05-15 response_deadline',
      '2026-05-20 response_received',
    ]);

    expect((await api(app, 'DELETE', `/allegations/${allegation.json.id}`, { token: editor })).status).toBe(204);
    expect((await api(app, 'GET', `/allegations/${allegation.json.id}`, { token: editor })).status).toBe(404);
    const history = await api(app, 'GET', `/cases/${caseId}/history`, { token: editor });
    expect(history.json.items.map((entry: { entityType: string; action: string }) => `${entry.action} ${entry.entityType}`)).toContain('delete allegation');
    expect((await api(app, 'DELETE', `/cases/${caseId}`, { token: editor })).status).toBe(204);
    expect((await api(app, 'GET', `/cases/${caseId}`, { token: editor })).status).toBe(404);
  });

  it('answers wrong input with problem+json naming the field, and writes nothing', async () => {
    const before = await auditCount(app);
    const cases = [
      { rawBody: '{"title": ', field: '(body)', code: 'MALFORMED_JSON' },
      { body: { title: 42 }, field: 'title', code: 'VALIDATION_FAILED' },
      { body: { title: '   ' }, field: 'title', code: 'VALIDATION_FAILED' },
      { body: { title: 'NUL \u0000 inside' }, field: 'title', code: 'VALIDATION_FAILED' },
      { body: { title: 'lone \ud800 surrogate' }, field: 'title', code: 'VALIDATION_FAILED' },
      { body: { title: 'x', visibility: 'secret' }, field: 'visibility', code: 'VALIDATION_FAILED' },
      { body: { title: 'x', companyIds: ['not-an-id'] }, field: 'companyIds.0', code: 'VALIDATION_FAILED' },
      { body: { title: 'x', companyIds: ['01900000-0000-7000-8000-000000000000'] }, field: 'companyIds.0', code: 'VALIDATION_FAILED' },
      { body: { title: 'x', members: [{ userId: '01900000-0000-7000-8000-000000000000', role: 'editor' }] }, field: 'members.0.userId', code: 'VALIDATION_FAILED' },
    ];
    for (const { field, code, ...request } of cases) {
      const { status, headers, json } = await api(app, 'POST', '/cases', { token: editor, ...request });
      expect(status, JSON.stringify(request)).toBe(400);
      expect(headers.get('content-type')).toBe('application/problem+json');
      expect(json.code).toBe(code);
      expect(json.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect(await auditCount(app)).toBe(before);
  });

  it('refuses an oversized body with 413, and a body that is not JSON with 415', async () => {
    const big = await api(app, 'POST', '/cases', { token: editor, body: { title: 'x', summary: 'a'.repeat(1_100_000) } });
    expect(big.status).toBe(413);
    expect(big.json.code).toBe('PAYLOAD_TOO_LARGE');
    const notJson = await api(app, 'POST', '/cases', { token: editor, rawBody: 'title=x', headers: { 'content-type': 'text/plain' } });
    expect(notJson.status).toBe(415);
  });

  it('answers unknown ids with 404 and wrong credentials with 401', async () => {
    expect((await api(app, 'GET', '/cases/01900000-0000-7000-8000-000000000000', { token: editor })).status).toBe(404);
    expect((await api(app, 'GET', '/cases/not-an-id', { token: editor })).status).toBe(400);
    expect((await api(app, 'GET', '/organizations', { token: 'ans_wrong' })).status).toBe(401);
    expect((await api(app, 'GET', '/organizations')).status).toBe(401);
    expect((await api(app, 'POST', '/organizations', { body: { name: 'x', kind: 'ngo' } })).status).toBe(401);
    expect((await api(app, 'POST', '/organizations', { token: viewer, body: { name: 'x', kind: 'ngo' } })).status).toBe(403);
    expect((await api(app, 'GET', '/no/such/route', { token: editor })).status).toBe(404);
  });

  it('refuses to delete an organisation that the record refers to', async () => {
    const parent = await buildOrganization(app.services);
    await buildOrganization(app.services, { parentId: parent.id });
    const { status, json } = await api(app, 'DELETE', `/organizations/${parent.id}`, { token: editor });
    expect(status).toBe(409);
    expect(json.code).toBe('CONFLICT');
    expect((await api(app, 'PATCH', `/organizations/${parent.id}`, { token: editor, body: { parentId: parent.id } })).status).toBe(400);
  });

  it('never answers anything a client can send with a 500, and writes nothing for a refused request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom('/cases', '/organizations', '/people', '/letters'), async (body, path) => {
        const before = await auditCount(app);
        const { status } = await api(app, 'POST', path, { token: editor, rawBody: JSON.stringify(body) ?? 'null' });
        expect(status === 201 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
        if (status !== 201) expect(await auditCount(app)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
