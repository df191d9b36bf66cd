import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approveLetter, getLetterStatus, publishLetter, sendLetter } from '../src/modules/letters/letter-lifecycle.service.ts';
import { updateLetter } from '../src/modules/letters/letters.service.ts';
import { sweepReminders } from '../src/modules/reminders/reminders.service.ts';
import { createCommitment } from '../src/modules/commitments/commitments.service.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { buildCase, buildCompany, buildLetter, buildOrganization, buildUser } from './support/factories.ts';
import { api } from './support/http.ts';
import { acceptAsRespondent, buildMember, buildSentLetter, deliverAll, readOutbox } from './support/correspondence.ts';

/** A letter's life: approvals, sending (with mail), publication, status over time, extensions, classification, follow-ups. */
describe.each(engines)('letters and their life on %s', (engine) => {
  let app: TestApplication;
  beforeAll(async () => {
    app = await openTestApplication(engine, { at: '2026-01-15T12:00:00Z' });
  });
  afterAll(() => app.destroy());
  afterEach(() => app.clock.set('2026-01-15T12:00:00Z'));

  it('needs an approval from every signatory, by a person of that organisation, and starts over when the wording changes', async () => {
    const services = app.services;
    const editor = await buildUser(services, 'editor');
    const [first, second] = [await buildOrganization(services), await buildOrganization(services)];
    const [signerOne, signerTwo] = [await buildMember(services, first.id), await buildMember(services, second.id, 'viewer')];
    const outsider = await buildMember(services, (await buildOrganization(services)).id);
    const caseId = (await buildCase(services, editor.actor, { members: [signerOne, signerTwo, outsider].map((s) => ({ userId: s.actor.userId!, role: 'viewer' as const })) })).id;
    const letter = await buildLetter(services, caseId, { signatoryIds: [first.id, second.id], responseDeadline: { date: '2026-02-01', time: '23:59', timeZone: 'UTC' } }, editor.actor);

    expect((await api(app, 'POST', `/letters/${letter.id}/approvals`, { token: outsider.token })).status).toBe(403);
    expect((await api(app, 'POST', `/letters/${letter.id}/approvals`, { token: signerOne.token })).status).toBe(201);
    expect((await api(app, 'POST', `/letters/${letter.id}/approvals`, { token: signerOne.token })).status).toBe(409);
    const send = () => api(app, 'POST', `/letters/${letter.id}/send`, { token: editor.token, body: { contacts: [{ email: 'press@company.example' }] } });
    expect((await send()).status).toBe(409);

    await approveLetter(services, signerTwo.actor, letter.id);
    expect((await getLetterStatus(services, editor.actor, letter.id)).stage).toBe('approved');
    await updateLetter(services, editor.actor, letter.id, { body: 'A sharper wording.' });
    const reset = await getLetterStatus(services, editor.actor, letter.id);
    expect(reset.stage).toBe('draft');
    expect(reset.approvals.every((approval) => approval.approvedBy === null)).toBe(true);

    await approveLetter(services, signerOne.actor, letter.id);
    await approveLetter(services, signerTwo.actor, letter.id);
    const sent = await send();
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ delivery: 'outbox', contacts: ['press@company.example'] });
    expect(sent.json.letter.sentOn).toBe('2026-01-15');
    expect((await send()).status).toBe(409);
    // The wording of a sent letter is what the company received.
    expect((await api(app, 'PATCH', `/letters/${letter.id}`, { token: editor.token, body: { body: 'Changed after sending' } })).status).toBe(409);

    await deliverAll(services);
    const invitation = readOutbox(app.dataDir).find((email) => email.to.includes('press@company.example'))!;
    expect(invitation.subject).toBe(letter.subject);
    expect(invitation.text).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}/);
    expect(invitation.text).toContain('Question 2?');
    // The link's secret is stored only as a hash.
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
    const stored = await services.db.selectFrom('invitations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(await services.db.selectFrom('outbound_emails').selectAll().execute())).not.toContain(token);
    expect(JSON.stringify(await services.db.selectFrom('jobs').selectAll().execute())).not.toContain(token);
  });

  it('publishes now or at a scheduled instant, holding the letter back from the public until then', async () => {
    const { letter, editor, caseId } = await buildSentLetter(app);
    await api(app, 'PATCH', `/cases/${caseId}`, { token: editor.token, body: { visibility: 'published' } });
    expect((await api(app, 'GET', `/letters/${letter.id}`)).status).toBe(404);
    const scheduled = await api(app, 'POST', `/letters/${letter.id}/publish`, { token: editor.token, body: { at: '2026-01-20T09:00:00+01:00' } });
    expect(scheduled.json).toMatchObject({ publishAt: '2026-01-20T08:00:00.000Z', publishedOn: '2026-01-20' });
    app.clock.set('2026-01-20T07:59:59Z');
    expect((await api(app, 'GET', `/letters/${letter.id}`)).status).toBe(404);
    expect((await api(app, 'GET', `/letters/${letter.id}/status`, { token: editor.token })).json.stage).toBe('sent');
    app.clock.set('2026-01-20T08:00:00Z');
    expect((await api(app, 'GET', `/letters/${letter.id}`)).status).toBe(200);
    expect((await api(app, 'GET', `/letters/${letter.id}/status`)).json.stage).toBe('published');
    app.clock.set('2026-01-15T12:00:00Z');
    const draft = await buildLetter(app.services, caseId, {}, editor.actor);
    await expect(publishLetter(app.services, editor.actor, draft.id, { at: null })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('computes the status from the clock: due in N days, no response and overdue by N days, answered, partially answered', async () => {
    const { letter, editor, contact } = await buildSentLetter(app, { deadline: '2026-02-01', questions: 3 });
    const respondent = await acceptAsRespondent(app, contact);
    const status = async () => (await api(app, 'GET', `/letters/${letter.id}/status`, { token: editor.token })).json;
    expect(await status()).toMatchObject({ stage: 'sent', state: 'awaiting_response', dueInDays: 17, overdueByDays: null, summary: 'Awaiting response: due in 17 days' });
    app.clock.set('2026-02-01T10:00:00Z');
    expect(await status()).toMatchObject({ state: 'awaiting_response', dueInDays: 0 });
    app.clock.set('2026-02-11T10:00:00Z');
    expect(await status()).toMatchObject({ state: 'no_response', overdueByDays: 10, overdueSince: '2026-02-01', summary: 'No response: overdue by 10 days, since 2026-02-01' });
    expect((await status()).questions.map((q: { state: string }) => q.state)).toEqual(['no_answer_yet', 'no_answer_yet', 'no_answer_yet']);

    await api(app, 'PUT', `/portal/letters/${letter.id}/drafts/1`, { token: respondent.apiToken, body: { text: 'We do not sell to that unit.' } });
    await api(app, 'PUT', `/portal/letters/${letter.id}/drafts/2`, { token: respondent.apiToken, body: { text: 'We cannot comment.' } });
    const submitted = await api(app, 'POST', `/portal/letters/${letter.id}/submissions`, { token: respondent.apiToken, body: {} });
    expect(submitted.status).toBe(201);
    expect(await status()).toMatchObject({ state: 'partially_answered', respondedOn: '2026-02-11', respondedLate: true });

    const responseId = submitted.json.response.id;
    const classify = (number: number, classification: string, token = editor.token) =>
      api(app, 'PUT', `/responses/${responseId}/answers/${number}/classification`, { token, body: { classification } });
    expect((await classify(1, 'answered', respondent.apiToken)).status).toBe(404);
    const classified = await classify(2, 'declined');
    expect(classified.status).toBe(200);
    expect(classified.json.answers[1]).toMatchObject({ classification: 'declined', classifiedBy: editor.actor.name });
    await classify(1, 'partial');
    expect((await status()).questions.map((q: { state: string }) => q.state)).toEqual(['partial', 'declined', 'not_addressed']);
    expect((await status()).state).toBe('partially_answered');
    const history = await app.services.db.selectFrom('audit_entries').select(['entity_type', 'actor_name']).where('entity_type', '=', 'answer_classification').execute();
    expect(history.length).toBeGreaterThanOrEqual(2);
    app.clock.set('2026-01-15T12:00:00Z');
  });

  it('keeps the history of deadlines: the company asks for more time, an editor grants or refuses', async () => {
    const { letter, editor, contact } = await buildSentLetter(app, { deadline: '2026-02-01' });
    const respondent = await acceptAsRespondent(app, contact);
    const ask = (date: string) => api(app, 'POST', `/letters/${letter.id}/extensions`, { token: respondent.apiToken, body: { reason: 'Our counsel needs to review the questions.', requestedDeadline: { date } } });
    expect((await ask('2026-01-20')).status).toBe(400);
    const requested = await ask('2026-02-15');
    expect(requested.status).toBe(201);
    expect((await ask('2026-02-20')).status).toBe(409);
    expect((await api(app, 'POST', `/extensions/${requested.json.id}/decision`, { token: respondent.apiToken, body: { decision: 'granted' } })).status).toBe(404);
    const granted = await api(app, 'POST', `/extensions/${requested.json.id}/decision`, { token: editor.token, body: { decision: 'granted', note: 'Granted once.' } });
    expect(granted.json).toMatchObject({ status: 'granted', grantedDeadlineAt: '2026-02-15T23:59:59.999Z', decidedBy: editor.actor.name });
    const second = await ask('2026-03-01');
    await api(app, 'POST', `/extensions/${second.json.id}/decision`, { token: editor.token, body: { decision: 'refused' } });
    const history = await api(app, 'GET', `/letters/${letter.id}/extensions`, { token: editor.token });
    expect(history.json.deadlines.map((d: { at: string }) => d.at)).toEqual(['2026-02-01T23:59:59.999Z', '2026-02-15T23:59:59.999Z']);
    expect(history.json.items.map((e: { status: string }) => e.status)).toEqual(['granted', 'refused']);
    expect((await api(app, 'GET', `/letters/${letter.id}`, { token: editor.token })).json.responseDeadline.date).toBe('2026-02-15');
    await deliverAll(app.services);
    const mails = readOutbox(app.dataDir);
    expect(mails.some((mail) => mail.subject.startsWith('Extension granted') && mail.to.includes(contact))).toBe(true);
    expect(mails.some((mail) => mail.subject.includes('asks for more time') && mail.to.includes(editor.email))).toBe(true);
  });

  it('turns a promise that fell due into a follow-up for the editors, decided kept or broken with evidence', async () => {
    const editor = await buildUser(app.services, 'editor');
    const company = await buildCompany(app.services);
    const caseId = (await buildCase(app.services, editor.actor)).id;
    const promise = await createCommitment(app.services, editor.actor, caseId, { companyId: company.id, text: 'We will reply by the end of the month.', madeOn: null, dueOn: '2026-01', status: 'open', sourceId: null });
    expect((await sweepReminders(app.services)).followUpsCreated).toBe(0);
    app.clock.set('2026-02-01T08:00:00Z');
    expect((await sweepReminders(app.services)).followUpsCreated).toBe(1);
    expect((await sweepReminders(app.services)).followUpsCreated).toBe(0);
    const followUps = await api(app, 'GET', '/follow-ups', { token: editor.token });
    expect(followUps.json.items).toEqual([expect.objectContaining({ dueOn: '2026-01', commitment: expect.objectContaining({ id: promise.id, state: 'past_due' }) })]);
    expect((await api(app, 'POST', `/commitments/${promise.id}/decision`, { token: editor.token, body: { status: 'broken' } })).status).toBe(400);
    const decided = await api(app, 'POST', `/commitments/${promise.id}/decision`, { token: editor.token, body: { status: 'broken', note: 'No reply came.' } });
    expect(decided.json.status).toBe('broken');
    expect((await api(app, 'GET', '/follow-ups', { token: editor.token })).json.items).toEqual([]);
    await deliverAll(app.services);
    expect(readOutbox(app.dataDir).some((mail) => mail.to.includes(editor.email) && mail.subject.includes('promise has fallen due'))).toBe(true);
    app.clock.set('2026-01-15T12:00:00Z');
  });

  it('shows the letter page with its status and actions, and the company scorecard with its definitions', async () => {
    const { letter, editor, companyId } = await buildSentLetter(app, { deadline: '2026-01-10' });
    const { PageClient } = await import('./support/browser.ts');
    const browser = new PageClient(app);
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email: editor.email, password: editor.password });
    const page = await browser.get(`/letters/${letter.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('No response');
    expect(page.html).toContain('overdue by 5 days');
    expect(page.html).toContain('No SMTP server is configured');
    const scorecard = await api(app, 'GET', `/companies/${companyId}/scorecard`, { token: editor.token });
    expect(scorecard.json).toMatchObject({ lettersReceived: 1, lettersPastDeadline: 1, respondedPastDeadline: 0, responseRate: 0 });
    const document = (await api(app, 'GET', '/openapi.json')).json;
    for (const path of ['/letters/{id}/status', '/letters/{id}/approvals', '/letters/{id}/send', '/letters/{id}/publish', '/letters/{id}/invitations', '/letters/{id}/extensions', '/extensions/{id}/decision', '/responses/{id}/answers/{number}/classification', '/responses/{id}/verification', '/invitations/{token}/acceptance', '/portal/letters', '/portal/letters/{id}', '/portal/letters/{id}/drafts/{number}', '/portal/letters/{id}/attachments', '/portal/letters/{id}/submissions', '/letters/{id}/attachments/{attachmentId}', '/companies/{id}/scorecard', '/follow-ups', '/commitments/{id}/decision']) {
      expect(Object.keys(document.paths), path).toContain(path);
    }
    // The public and the company never learn which person approved or classified.
    expect((await api(app, 'GET', `/letters/${letter.id}/status`, { token: editor.token })).json.approvals[0].approvedBy).not.toBeNull();
    const scorecardPage = await browser.get(`/companies/${companyId}/scorecard`);
    expect(scorecardPage.html).toContain('<dt>Response rate</dt><dd>letters past deadline to which the company responded, fully or partially, divided by letters past deadline.</dd>');
    await browser.post('/language', { locale: 'ar' });
    expect((await browser.get(`/companies/${companyId}/scorecard`)).html).toContain('<dt>معدل الرد</dt>');
    // The public sees none of this private case.
    expect((await api(app, 'GET', `/companies/${companyId}/scorecard`)).status).toBe(404);
  });
});
