import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../src/modules/mail/mailer.ts';
import { currentTotp } from '../src/modules/users/secrets.ts';
import { createCommitment } from '../src/modules/commitments/commitments.service.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { PageClient } from './support/browser.ts';
import { api } from './support/http.ts';
import { acceptAsRespondent, buildSentLetter, deliverAll, invitationToken, parseEml, type ReceivedEmail } from './support/correspondence.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** The company portal: invitations, the respondent's narrow view, drafting and submitting, receipts. */
describe.each(engines)('the company portal on %s', (engine) => {
  let app: TestApplication;
  let a: Awaited<ReturnType<typeof buildSentLetter>>;
  let b: Awaited<ReturnType<typeof buildSentLetter>>;
  let respondentA: Awaited<ReturnType<typeof acceptAsRespondent>>;
  let respondentB: Awaited<ReturnType<typeof acceptAsRespondent>>;
  let bResponseId: string;
  let bExtensionId: string;
  let bAttachmentId: string;
  let bAttachmentSha256: string;
  let bCommitmentId: string;

  beforeAll(async () => {
    app = await openTestApplication(engine, { at: '2026-01-15T12:00:00Z' });
    a = await buildSentLetter(app, { questions: 2 });
    b = await buildSentLetter(app, { questions: 2 });
    respondentA = await acceptAsRespondent(app, a.contact, 'Counsel of A');
    respondentB = await acceptAsRespondent(app, b.contact, 'Counsel of B');
    // Company B's record: a submitted response with an attachment, a pending extension, a promise.
    await api(app, 'PUT', `/portal/letters/${b.letter.id}/drafts/1`, { token: respondentB.apiToken, body: { text: 'B answers question one.' } });
    await api(app, 'POST', `/portal/letters/${b.letter.id}/attachments?filename=b.pdf`, { token: respondentB.apiToken, rawBody: pdf.toString('latin1'), headers: { 'content-type': 'application/octet-stream' } });
    bResponseId = (await api(app, 'POST', `/portal/letters/${b.letter.id}/submissions`, { token: respondentB.apiToken, body: {} })).json.response.id;
    const bAttachment = (await api(app, 'GET', `/portal/letters/${b.letter.id}`, { token: respondentB.apiToken })).json.responses[0].attachments[0];
    bAttachmentId = bAttachment.id;
    bAttachmentSha256 = bAttachment.sha256;
    bExtensionId = (await api(app, 'POST', `/letters/${b.letter.id}/extensions`, { token: respondentB.apiToken, body: { reason: 'More time', requestedDeadline: { date: '2026-03-01' } } })).json.id;
    bCommitmentId = (await createCommitment(app.services, b.editor.actor, b.caseId, { companyId: b.companyId, text: 'We will reply.', madeOn: null, dueOn: '2026-01', status: 'open', sourceId: null })).id;
  });
  afterAll(() => app.destroy());
  afterEach(() => app.clock.set('2026-01-15T12:00:00Z'));

  it('lets a respondent see only the letters sent to their company', async () => {
    const listed = await api(app, 'GET', '/portal/letters', { token: respondentA.apiToken });
    expect(listed.json.items.map((item: { letter: { id: string } }) => item.letter.id)).toEqual([a.letter.id]);
    expect((await api(app, 'GET', `/portal/letters/${a.letter.id}`, { token: respondentA.apiToken })).status).toBe(200);
    expect((await api(app, 'GET', `/letters/${a.letter.id}`, { token: respondentA.apiToken })).status).toBe(200);
    expect((await api(app, 'GET', `/letters/${a.letter.id}/status`, { token: respondentA.apiToken })).status).toBe(200);
  });

  it('answers 404, never 403, to a respondent of company A for every API route that touches company B, or the rest of the record', async () => {
    const document = (await api(app, 'GET', '/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    const idFor = (path: string) =>
      path.startsWith('/letters/') || path.startsWith('/portal/letters/')
        ? b.letter.id
        : path.startsWith('/responses/')
          ? bResponseId
          : path.startsWith('/extensions/')
            ? bExtensionId
            : path.startsWith('/commitments/')
              ? bCommitmentId
              : path.startsWith('/cases/')
                ? b.caseId
                : path.startsWith('/companies/') || path.startsWith('/organizations/')
                  ? b.companyId
                  : '01900000-0000-7000-8000-000000000000';
    // Bodies that pass validation, so that what answers is the right check, not the schema.
    const bodies: Record<string, unknown> = {
      'put /portal/letters/{id}/drafts/{number}': { text: 'A writes into B' },
      'post /portal/letters/{id}/submissions': {},
      'post /letters/{id}/extensions': { reason: 'x', requestedDeadline: { date: '2026-04-01' } },
      'post /extensions/{id}/decision': { decision: 'granted' },
      'put /responses/{id}/answers/{number}/classification': { classification: 'answered' },
      'post /letters/{id}/send': { contacts: [{ email: 'x@example.org' }] },
      'post /letters/{id}/publish': {},
      'post /letters/{id}/invitations': { email: 'x@example.org' },
      'post /commitments/{id}/decision': { status: 'kept', note: 'x' },
      'post /letters/{id}/responses': { receivedOn: '2026-01-15' },
      'patch /letters/{id}': { subject: 'x' },
      'patch /cases/{id}': { summary: 'x' },
      'post /letters': { caseId: b.caseId, recipientId: b.companyId, signatoryIds: [b.companyId], subject: 'x' },
      'post /cases': { title: 'x' },
      'post /organizations': { name: 'x', kind: 'company' },
      'post /people': { name: 'x' },
    };
    const checked: string[] = [];
    const allowed = new Set(['get /openapi.json', 'get /portal/letters', 'post /invitations/{token}/acceptance']);
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const key = `${method} ${path}`;
        if (allowed.has(key)) continue;
        const concrete = path
          .replace('{id}', idFor(path))
          .replace('{number}', '1')
          .replace('{attachmentId}', bAttachmentId)
          .replace('{sha256}', bAttachmentSha256)
          .replace(/\{[^}]+\}/g, '01900000-0000-7000-8000-000000000000');
        const query = path === '/letters' && method === 'get' ? `?caseId=${b.caseId}` : path.endsWith('/attachments') && method === 'post' ? '?filename=a.pdf' : '';
        const body = bodies[key];
        const response =
          path.endsWith('/attachments') && method === 'post'
            ? await api(app, 'POST', concrete + query, { token: respondentA.apiToken, rawBody: pdf.toString('latin1'), headers: { 'content-type': 'application/octet-stream' } })
            : await api(app, method.toUpperCase(), concrete + query, { token: respondentA.apiToken, ...(body !== undefined ? { body } : method === 'get' || method === 'delete' ? {} : { body: {} }) });
        checked.push(`${key} ${response.status}`);
        if (body !== undefined || method === 'get' || method === 'delete' || path.startsWith('/portal/')) {
          expect(response.status, `${key} -> ${response.status} ${response.text.slice(0, 200)}`).toBe(404);
        } else {
          // Without a valid body the schema answers first (400, the same whether or not the target exists); never 2xx or 403.
          expect([400, 404, 415], `${key} -> ${response.status}`).toContain(response.status);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(40);
    // And nothing of B changed.
    const bView = (await api(app, 'GET', `/portal/letters/${b.letter.id}`, { token: respondentB.apiToken })).json;
    expect(bView.drafts).toEqual([]);
    expect(bView.responses).toHaveLength(1);
    expect(bView.extensions.map((e: { status: string }) => e.status)).toEqual(['pending']);
  });

  it('answers 404 on every portal and staff page of company B, and on the rest of the record, to a respondent of company A', async () => {
    const browser = new PageClient(app);
    await browser.get('/sign-in');
    expect((await browser.post('/sign-in', { email: a.contact, password: respondentA.password })).location).toBe('/portal');
    const home = await browser.get('/portal');
    expect(home.html).toContain(a.letter.subject);
    expect(home.html).not.toContain(b.letter.subject);
    for (const path of [`/portal/letters/${b.letter.id}`, `/letters/${b.letter.id}`, '/cases', `/cases/${b.caseId}`, `/companies/${b.companyId}/scorecard`, '/follow-ups']) {
      const response = await browser.get(path);
      const final = response.status === 302 ? await browser.get(response.location!) : response;
      expect(final.status, path).toBe(404);
      expect(final.html).not.toContain(b.letter.subject);
    }
    for (const [path, fields] of [
      [`/portal/letters/${b.letter.id}/answers`, { 'answer-1': 'x', action: 'submit' }],
      [`/portal/letters/${b.letter.id}/extension`, { date: '2026-04-01', reason: 'x' }],
      [`/portal/letters/${b.letter.id}/attachments/${bAttachmentId}/remove`, {}],
      [`/letters/${b.letter.id}/approve`, {}],
      [`/extensions/${bExtensionId}/decide`, { decision: 'granted', letterId: b.letter.id }],
      [`/commitments/${bCommitmentId}/decide`, { status: 'kept', note: 'x' }],
    ] as const) {
      expect((await browser.post(path, fields)).status, path).toBe(404);
    }
  });

  it('refuses an expired or a reused invitation (410), and keeps only the hash of the link', async () => {
    const fresh = await buildSentLetter(app);
    const token = invitationToken(app.dataDir, fresh.contact);
    app.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    expect((await new PageClient(app).get(`/invitations/${token}`)).status).toBe(410);
    expect((await api(app, 'POST', `/invitations/${token}/acceptance`, { body: { name: 'Late', password: 'a long enough passphrase' } })).status).toBe(410);
    app.clock.set('2026-01-15T12:00:00Z');
    const again = await buildSentLetter(app);
    const second = invitationToken(app.dataDir, again.contact);
    expect((await api(app, 'POST', `/invitations/${second}/acceptance`, { body: { name: 'First', password: 'a long enough passphrase' } })).status).toBe(201);
    expect((await api(app, 'POST', `/invitations/${second}/acceptance`, { body: { name: 'Second', password: 'a long enough passphrase' } })).status).toBe(410);
    expect((await new PageClient(app).get(`/invitations/${second}`)).status).toBe(410);
    const rows = await app.services.db.selectFrom('invitations').select('token_hash').execute();
    expect(rows.map((row) => row.token_hash)).not.toContain(second);
  });

  it('creates a respondent with a second factor from the invitation page, and asks for the code at sign-in', async () => {
    const fresh = await buildSentLetter(app);
    const token = invitationToken(app.dataDir, fresh.contact);
    const browser = new PageClient(app);
    const form = await browser.get(`/invitations/${token}`);
    expect(form.status).toBe(200);
    const secret = /name="totpSecret" value="([A-Z2-7]+)"/.exec(form.html)![1]!;
    const wrong = await browser.post(`/invitations/${token}`, { name: 'Counsel', password: 'a long enough passphrase', totpSecret: secret, totpCode: '000000' });
    expect(wrong.status).toBe(400);
    const created = await browser.post(`/invitations/${token}`, { name: 'Counsel', password: 'a long enough passphrase', totpSecret: secret, totpCode: currentTotp(secret, app.clock.now()) });
    expect(created).toMatchObject({ status: 303, location: '/portal' });
    expect((await browser.get('/portal')).html).toContain(fresh.letter.subject);
    // The authenticator secret is sealed at rest, never stored as it was shown.
    const stored = await app.services.db.selectFrom('users').select('totp_secret').where('email', '=', fresh.contact).executeTakeFirstOrThrow();
    expect(stored.totp_secret).toMatch(/^v1\./);
    expect(stored.totp_secret).not.toContain(secret);
    const later = new PageClient(app);
    await later.get('/sign-in');
    expect((await later.post('/sign-in', { email: fresh.contact, password: 'a long enough passphrase' })).status).toBe(401);
    expect((await later.post('/sign-in', { email: fresh.contact, password: 'a long enough passphrase', totp: currentTotp(secret, app.clock.now()) })).location).toBe('/portal');
  });

  it('drafts, attaches and submits through the pages; a submitted response is never edited, a correction supersedes it', async () => {
    const browser = new PageClient(app);
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email: a.contact, password: respondentA.password });
    expect((await browser.post(`/portal/letters/${a.letter.id}/answers`, { 'answer-1': 'Our first answer.', 'answer-2': '', action: 'save' })).status).toBe(303);
    expect((await browser.get(`/portal/letters/${a.letter.id}`)).html).toContain('Our first answer.');
    const exe = await api(app, 'POST', `/portal/letters/${a.letter.id}/attachments?filename=tool.exe`, { token: respondentA.apiToken, rawBody: 'MZ\u0090\u0000\u0003\u0000\u0000\u0000', headers: { 'content-type': 'application/octet-stream' } });
    expect(exe.status).toBe(415);
    const attached = await api(app, 'POST', `/portal/letters/${a.letter.id}/attachments?filename=policy.pdf`, { token: respondentA.apiToken, rawBody: pdf.toString('latin1'), headers: { 'content-type': 'application/octet-stream' } });
    expect(attached.json).toMatchObject({ contentType: 'application/pdf', size: pdf.length, responseId: null });
    expect((await browser.post(`/portal/letters/${a.letter.id}/answers`, { 'answer-1': 'Our first answer.', 'answer-2': 'And the second.', action: 'submit' })).status).toBe(303);

    const view = (await api(app, 'GET', `/portal/letters/${a.letter.id}`, { token: respondentA.apiToken })).json;
    const [first] = view.responses;
    expect(first.answers.map((answer: { text: string }) => answer.text)).toEqual(['Our first answer.', 'And the second.']);
    expect(first.attachments[0]).toMatchObject({ filename: 'policy.pdf', sha256: attached.json.sha256 });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(view.drafts).toEqual([]);
    // No route changes a response; its attachment is its own for good.
    expect((await api(app, 'PATCH', `/responses/${first.id}`, { token: respondentA.apiToken, body: { text: 'x' } })).status).toBe(404);
    expect((await api(app, 'DELETE', `/portal/letters/${a.letter.id}/attachments/${first.attachments[0].id}`, { token: respondentA.apiToken })).status).toBe(404);
    expect((await api(app, 'GET', `/responses/${first.id}/verification`, { token: a.editor.token })).json).toEqual({ sha256: first.sha256, matches: true });
    const download = await app.web.request(`/api/v1/letters/${a.letter.id}/attachments/${first.attachments[0].id}`, { headers: { authorization: `Bearer ${a.editor.token}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    await api(app, 'PUT', `/portal/letters/${a.letter.id}/drafts/2`, { token: respondentA.apiToken, body: { text: 'A corrected second answer.' } });
    const correction = await api(app, 'POST', `/portal/letters/${a.letter.id}/submissions`, { token: respondentA.apiToken, body: {} });
    expect(correction.json.response.supersedesId).toBe(first.id);
    const responses = (await api(app, 'GET', `/letters/${a.letter.id}/responses`, { token: a.editor.token })).json.items;
    expect(responses).toHaveLength(2);
    expect(responses[0]).toMatchObject({ id: first.id, sha256: first.sha256, answers: [expect.objectContaining({ text: 'Our first answer.' }), expect.objectContaining({ text: 'And the second.' })] });
    expect((await api(app, 'GET', `/responses/${first.id}/verification`, { token: a.editor.token })).json.matches).toBe(true);

    // Changing a stored response behind the application's back is detected.
    await app.services.db.updateTable('response_answers').set({ text: 'Quietly rewritten.' }).where('response_id', '=', first.id).where('text', '=', 'And the second.').execute();
    expect((await api(app, 'GET', `/responses/${first.id}/verification`, { token: a.editor.token })).json.matches).toBe(false);
  });

  it('sends both sides a receipt carrying the SHA-256, through a real SMTP server', async () => {
    const received: ReceivedEmail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(parseEml(Buffer.concat(chunks).toString('utf8')));
          callback();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as AddressInfo).port;
    const original = app.services.mail;
    app.services.mail = { mailer: createMailer({ smtp: { host: '127.0.0.1', port, secure: false, user: undefined, password: undefined }, from: 'Answerable <answerable@example.org>' }, app.dataDir), publicUrl: 'https://answerable.example' };
    try {
      const fresh = await buildSentLetter(app, { questions: 1 });
      expect(received.some((mail) => mail.to.includes(fresh.contact) && /https:\/\/answerable\.example\/invitations\//.test(mail.text))).toBe(true);
      const respondent = await acceptAsRespondentFrom(received, fresh.contact);
      await api(app, 'PUT', `/portal/letters/${fresh.letter.id}/drafts/1`, { token: respondent, body: { text: 'Our answer.' } });
      const submitted = await api(app, 'POST', `/portal/letters/${fresh.letter.id}/submissions`, { token: respondent, body: {} });
      await deliverAll(app.services);
      await deliverAll(app.services);
      const receipts = received.filter((mail) => mail.subject === `Receipt: response to "${fresh.letter.subject}"`);
      expect(receipts).toHaveLength(2);
      expect(receipts.map((mail) => mail.to).join(' ')).toContain(fresh.contact);
      expect(receipts.map((mail) => mail.to).join(' ')).toContain(fresh.editor.email);
      for (const receipt of receipts) expect(receipt.text).toContain(submitted.json.sha256);
    } finally {
      app.services.mail.mailer.close();
      app.services.mail = original;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    async function acceptAsRespondentFrom(mails: ReceivedEmail[], email: string): Promise<string> {
      const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mails.find((mail) => mail.to.includes(email))!.text)![1]!;
      return (await api(app, 'POST', `/invitations/${token}/acceptance`, { body: { name: 'Counsel', password: 'a long enough passphrase' } })).json.token;
    }
  });
});
