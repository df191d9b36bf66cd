import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from '../src/modules/evidence/address-policy.ts';
import { importArticle } from '../src/modules/importer/import-article.service.ts';
import type { EventPayload, ImportReview, Suggestion } from '../src/modules/importer/import.ts';
import { acceptSuggestion, rejectSuggestion } from '../src/modules/importer/review-suggestion.service.ts';
import { getLetter } from '../src/modules/letters/letters.service.ts';
import type { Actor } from '../src/modules/users/actor.ts';
import { type ArticleServer, startArticleServer } from './support/article-server.ts';
import { PageClient } from './support/browser.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { buildCase, buildCompany, buildOrganization, buildUser } from './support/factories.ts';
import { api, auditCount } from './support/http.ts';

const microsoftArticle = readFileSync(join(import.meta.dirname, '../../shared/fixtures/articles/microsoft-letter-2025-10.txt'));

/** A short article that names Human Rights Watch only by its acronym. */
const hrwArticle = `Rights groups press Acme Cloud over police contract

HRW wrote to Acme Cloud on 3 March 2026, asking five questions about its contract with the Ruritanian police and requesting answers by 20 March 2026.

"Acme Cloud cannot look away from how its servers are used," said Jane Doe, a researcher at HRW.

Acme Cloud said on Tuesday that it would reply by the end of the month.
`;

const file = (text: string | Buffer, filename = 'article.txt') => ({ file: { bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : text, filename } });

describe.each(engines)('importing articles on %s', (engine) => {
  let app: TestApplication;
  let server: ArticleServer;
  let editor: Awaited<ReturnType<typeof buildUser>>;
  let viewer: Awaited<ReturnType<typeof buildUser>>;
  let outsider: Awaited<ReturnType<typeof buildUser>>;
  let caseId: string;
  let hrwId: string;

  beforeAll(async () => {
    server = await startArticleServer();
    app = await openTestApplication(engine, { at: '2026-03-12T12:00:00Z', evidence: { fetchAllowHosts: parseAllowList(`127.0.0.1:${server.port}`) } });
    [editor, viewer, outsider] = await Promise.all([buildUser(app.services, 'editor'), buildUser(app.services, 'viewer'), buildUser(app.services, 'editor')]);
    caseId = (await buildCase(app.services, editor.actor, { title: 'Cloud and police', members: [{ userId: viewer.actor.userId!, role: 'viewer' }] })).id;
    hrwId = (await buildOrganization(app.services, { name: 'Human Rights Watch', aliases: ['HRW'] })).id;
  });
  afterAll(async () => {
    await app.destroy();
    await server.close();
  });

  const find = (review: ImportReview, kind: Suggestion['kind'], test: (payload: Record<string, unknown>) => boolean) => {
    const found = review.suggestions.find((s) => s.kind === kind && test(s.payload as unknown as Record<string, unknown>));
    expect(found, `a ${kind} suggestion`).toBeDefined();
    return found!;
  };

  it('turns an article into pending suggestions with spans, and matches "HRW" to Human Rights Watch', async () => {
    const review = await importArticle(app.services, editor.actor, caseId, file(hrwArticle), { published: '2026-03-12' });
    expect(review.import.sourceId).toBeTruthy();
    expect(review.import.uploadId).toBeTruthy();
    expect(review.import.title).toBe('Rights groups press Acme Cloud over police contract');
    expect(review.text).toBe(hrwArticle);
    expect(review.suggestions.every((s) => s.status === 'pending')).toBe(true);
    for (const s of review.suggestions) {
      expect(s.span[0]).toBeGreaterThanOrEqual(0);
      expect(s.span[1]).toBeLessThanOrEqual(hrwArticle.length);
    }
    const hrw = find(review, 'organization', (p) => p.name === 'Human Rights Watch');
    expect(hrw.match).toEqual({ id: hrwId, name: 'Human Rights Watch' });
    const quote = find(review, 'quote', (p) => p.speaker === 'Jane Doe');
    expect(hrwArticle.slice(quote.span[0], quote.span[1])).toContain('cannot look away');

    const organizationsBefore = await app.services.db.selectFrom('organizations').select('id').execute();
    const accepted = await acceptSuggestion(app.services, editor.actor, hrw.id);
    expect(accepted.status).toBe('accepted');
    expect(accepted.result).toEqual({ type: 'organization', id: hrwId });
    expect(await app.services.db.selectFrom('organizations').select('id').execute()).toHaveLength(organizationsBefore.length);
  });

  it('accepts each kind into records linked to the source and the span; a second accept does nothing', async () => {
    const company = await buildCompany(app.services, { name: 'Microsoft', aliases: ['Microsoft Corporation'] });
    const review = await importArticle(app.services, editor.actor, caseId, file(microsoftArticle, 'microsoft.txt'), { published: '2025-10-11' });
    const sourceId = review.import.sourceId;
    expect(find(review, 'organization', (p) => p.name === 'Microsoft').match?.id).toBe(company.id);

    // A quote: a statement with its speaker (a new person, affiliated as the article says) and the import's source.
    const quote = find(review, 'quote', (p) => p.speaker === 'Deborah Brown');
    const acceptedQuote = await acceptSuggestion(app.services, editor.actor, quote.id);
    expect(acceptedQuote.result?.type).toBe('statement');
    const statement = await app.services.db.selectFrom('statements').selectAll().where('id', '=', acceptedQuote.result!.id).executeTakeFirstOrThrow();
    expect(statement.source_id).toBe(sourceId);
    expect(statement.case_id).toBe(caseId);
    const speaker = await app.services.db.selectFrom('people').selectAll().where('id', '=', statement.speaker_person_id!).executeTakeFirstOrThrow();
    expect(speaker.name).toBe('Deborah Brown');
    expect(speaker.affiliation_id).toBe(hrwId);

    // Accepting again changes nothing: same record, no new audit entries.
    const entries = await auditCount(app);
    expect(await acceptSuggestion(app.services, editor.actor, quote.id)).toEqual(acceptedQuote);
    expect(await auditCount(app)).toBe(entries);
    expect(await app.services.db.selectFrom('statements').select('id').where('source_id', '=', sourceId).execute()).toHaveLength(1);

    // The person suggestion now links to the person the quote created.
    const person = find(review, 'person', (p) => p.name === 'Deborah Brown');
    expect((await acceptSuggestion(app.services, editor.actor, person.id)).result).toEqual({ type: 'person', id: speaker.id });

    // The letter: signatories, recipient, question placeholders, deadline, sent and published dates.
    const letterSuggestion = find(review, 'letter', () => true);
    const acceptedLetter = await acceptSuggestion(app.services, editor.actor, letterSuggestion.id);
    const letter = await getLetter(app.services, editor.actor, acceptedLetter.result!.id);
    expect(letter.recipient.id).toBe(company.id);
    expect(letter.signatories.map((s) => s.name)).toEqual(['Human Rights Watch', 'Amnesty International', 'Access Now']);
    expect(letter.signatories[0]!.id).toBe(hrwId);
    expect(letter.signatoryCount).toBe(6);
    expect(letter.questions).toHaveLength(7);
    expect(letter.responseDeadline?.date).toBe('2025-10-10');
    expect(letter.sentOn).toBe('2025-09');
    expect(letter.publishedOn).toBe('2025-10-10');

    // Events: a dated one becomes an event with the source; "reply at the end of the month" a commitment;
    // "disabled subscriptions" a company action.
    const sent = find(review, 'event', (p) => p.type === 'letter_sent');
    const event = await acceptSuggestion(app.services, editor.actor, sent.id);
    const eventRow = await app.services.db.selectFrom('events').selectAll().where('id', '=', event.result!.id).executeTakeFirstOrThrow();
    expect(eventRow).toMatchObject({ source_id: sourceId, occurred_on: '2025-09' });
    const expected = find(review, 'event', (p) => p.type === 'response_expected');
    const commitment = await acceptSuggestion(app.services, editor.actor, expected.id);
    expect(commitment.result?.type).toBe('commitment');
    expect(await app.services.db.selectFrom('commitments').selectAll().where('id', '=', commitment.result!.id).executeTakeFirstOrThrow()).toMatchObject({
      company_id: company.id,
      due_on: '2025-10-31',
      source_id: sourceId,
    });
    const action = find(review, 'event', (p) => p.type === 'company_action');
    const acceptedAction = await acceptSuggestion(app.services, editor.actor, action.id);
    expect(acceptedAction.result?.type).toBe('company_action');

    // Every acceptance is in the audit trail with its span.
    const audit = await app.services.db.selectFrom('audit_entries').selectAll().where('entity_type', '=', 'import_suggestion').where('entity_id', '=', quote.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ status: 'accepted', span: quote.span, result: acceptedQuote.result });
  });

  it('accepts an edited suggestion as corrected, asks for what is missing, and rejects', async () => {
    const review = await importArticle(app.services, editor.actor, caseId, file(hrwArticle), { published: '2026-03-12' });
    const undatedInvestigation = find(review, 'event', (p) => p.type === 'letter_sent');
    const edited: EventPayload = { ...(undatedInvestigation.payload as EventPayload), type: 'investigation_published', date: null };
    await expect(acceptSuggestion(app.services, editor.actor, undatedInvestigation.id, { payload: edited })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // Nothing was decided by the refused attempt.
    const accepted = await acceptSuggestion(app.services, editor.actor, undatedInvestigation.id, { payload: { ...edited, date: '2026-03' } });
    expect(accepted.decidedPayload).toMatchObject({ type: 'investigation_published', date: '2026-03' });
    expect(accepted.payload).toMatchObject({ type: 'letter_sent' });
    const event = await app.services.db.selectFrom('events').selectAll().where('id', '=', accepted.result!.id).executeTakeFirstOrThrow();
    expect(event.title).toMatch(/^Investigation published/);

    await expect(acceptSuggestion(app.services, editor.actor, review.suggestions[0]!.id, { payload: { name: '' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const quote = find(review, 'quote', () => true);
    const rejected = await rejectSuggestion(app.services, editor.actor, quote.id);
    expect(rejected).toMatchObject({ status: 'rejected', result: null });
    await expect(acceptSuggestion(app.services, editor.actor, quote.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(rejectSuggestion(app.services, editor.actor, accepted.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('shows the review queue to the case’s editors only: 404 for viewers, outsiders, respondents and the public', async () => {
    const review = await importArticle(app.services, editor.actor, caseId, file(hrwArticle), { published: '2026-03-12' });
    const suggestion = review.suggestions[0]!;
    for (const token of [viewer.token, outsider.token, undefined]) {
      expect((await api(app, 'GET', `/imports/${review.import.id}`, token ? { token } : {})).status).toBe(404);
      expect((await api(app, 'GET', `/cases/${caseId}/imports`, token ? { token } : {})).status).toBe(404);
      expect((await api(app, 'POST', `/suggestions/${suggestion.id}/accept`, token ? { token, body: {} } : { body: {} })).status).toBe(404);
      expect((await api(app, 'POST', `/suggestions/${suggestion.id}/reject`, token ? { token } : {})).status).toBe(404);
    }
    const respondent: Actor = { userId: outsider.actor.userId, name: 'Respondent', role: 'respondent', companyId: null };
    await expect(acceptSuggestion(app.services, respondent, suggestion.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await api(app, 'POST', `/cases/${caseId}/imports`, { token: outsider.token, body: { content: hrwArticle } })).status).toBe(404);
    expect((await api(app, 'GET', `/imports/${review.import.id}`, { token: editor.token })).status).toBe(200);
    expect((await api(app, 'GET', `/suggestions/${suggestion.id}`, { token: editor.token })).status).toBe(404);
  });

  it('imports through the API, from a file’s content and from a URL archived as evidence', async () => {
    const created = await api(app, 'POST', `/cases/${caseId}/imports`, { token: editor.token, body: { content: hrwArticle, filename: 'hrw.txt', published: '2026-03-12' } });
    expect(created.status).toBe(201);
    expect(created.json.suggestions.length).toBeGreaterThan(3);
    const accept = await api(app, 'POST', `/suggestions/${created.json.suggestions[0].id}/accept`, { token: editor.token });
    expect(accept.status).toBe(200);
    expect(accept.json.status).toBe('accepted');

    server.sentence = 'Acme Cloud said on Tuesday that it would reply to Human Rights Watch by the end of the month.';
    const fromUrl = await api(app, 'POST', `/cases/${caseId}/imports`, { token: editor.token, body: { url: server.url, published: '2026-03-12' } });
    expect(fromUrl.status).toBe(201);
    expect(fromUrl.json.import.captureId).toBeTruthy();
    expect(fromUrl.json.text).toContain('reply to Human Rights Watch');
    expect(fromUrl.json.suggestions.some((s: Suggestion) => s.kind === 'organization' && s.match?.id === hrwId)).toBe(true);

    const document = (await api(app, 'GET', '/openapi.json')).json;
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/cases/{id}/imports', '/imports/{id}', '/suggestions/{id}/accept', '/suggestions/{id}/reject']));
  });

  it('refuses bad input with a clear message and imports another script as nothing to review', async () => {
    const refused = async (bytes: Buffer, filename = 'x.txt') => {
      const error = await importArticle(app.services, editor.actor, caseId, file(bytes, filename)).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(error).not.toBeNull();
      return error!;
    };
    expect(await refused(Buffer.alloc(0))).toMatchObject({ code: 'VALIDATION_FAILED', message: 'file: is empty' });
    expect(await refused(Buffer.from('   \n\n  '))).toMatchObject({ code: 'VALIDATION_FAILED', message: 'file: is empty' });
    expect(await refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))).toMatchObject({ code: 'VALIDATION_FAILED', message: 'file: is a binary file, not text' });
    expect(await refused(Buffer.from([0xc3, 0x28, 0x41, 0x42]))).toMatchObject({ message: 'file: is not valid UTF-8 text' });
    expect(await refused(Buffer.alloc(20 * 1024 * 1024, 'a'))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('20.0 MB') });
    expect(await refused(Buffer.from('<html><body></body></html>'), 'empty.html')).toMatchObject({ message: 'file: has no article text' });
    const sourcesBefore = await app.services.db.selectFrom('sources').select('id').where('case_id', '=', caseId).execute();

    const arabic = readFileSync(join(import.meta.dirname, 'fixtures/articles/fictional-arabic-2026-04.txt'));
    const review = await importArticle(app.services, editor.actor, caseId, file(arabic, 'arabic.txt'), { published: '2026-04-09' });
    expect(review.suggestions).toEqual([]);
    expect(review.import.notice).toMatch(/not in Latin-script English/);
    expect(await app.services.db.selectFrom('sources').select('id').where('case_id', '=', caseId).execute()).toHaveLength(sourcesBefore.length + 1);

    const tooBig = await api(app, 'POST', `/cases/${caseId}/imports`, { token: editor.token, body: { content: 'a'.repeat(2 * 1024 * 1024) } });
    expect(tooBig.status).toBe(413);
    const both = await api(app, 'POST', `/cases/${caseId}/imports`, { token: editor.token, body: { content: 'x', url: 'https://example.org/' } });
    expect(both.status).toBe(400);
  });

  it('works in the workspace without JavaScript: import form, marked text, accept, edit and reject', async () => {
    const browser = new PageClient(app);
    await browser.get('/sign-in');
    expect((await browser.post('/sign-in', { email: editor.email, password: editor.password })).status).toBe(303);
    const casePage = await browser.get(`/cases/${caseId}`);
    expect(casePage.html).toContain(`action="/cases/${caseId}/imports"`);
    expect(casePage.html).toContain('enctype="multipart/form-data"');

    const review = await importArticle(app.services, editor.actor, caseId, file(hrwArticle), { published: '2026-03-12' });
    const page = await browser.get(`/imports/${review.import.id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<script');
    const quote = find(review, 'quote', () => true);
    expect(page.html).toContain(`id="span-${quote.position}"`);
    expect(page.html).toContain(`href="#suggestion-${quote.position}"`);
    expect(page.html).toMatch(/<mark class="kind-quote"[^>]*><a href="#suggestion-\d+">[^<]*cannot look away/);
    expect(page.html).toContain('Already in the record: accepting links to Human Rights Watch');

    const person = find(review, 'person', (p) => p.name === 'Jane Doe');
    const edited = await browser.post(`/suggestions/${person.id}/accept`, { edited: '1', name: 'Jane Q. Doe', title: 'senior researcher', affiliation: 'HRW' });
    expect(edited.status).toBe(303);
    const created = await app.services.db.selectFrom('people').selectAll().where('name', '=', 'Jane Q. Doe').executeTakeFirstOrThrow();
    expect(created).toMatchObject({ title: 'senior researcher', affiliation_id: hrwId });
    expect((await browser.post(`/suggestions/${quote.id}/reject`, {})).status).toBe(303);
    const after = await browser.get(`/imports/${review.import.id}`);
    expect(after.html).toContain('Rejected');

    const outsiderBrowser = new PageClient(app);
    await outsiderBrowser.get('/sign-in');
    await outsiderBrowser.post('/sign-in', { email: outsider.email, password: outsider.password });
    expect((await outsiderBrowser.get(`/imports/${review.import.id}`)).status).toBe(404);
    expect((await outsiderBrowser.get(`/cases/${caseId}`)).status).toBe(404);
  });
});
