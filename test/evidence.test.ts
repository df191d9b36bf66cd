import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from '../src/modules/evidence/address-policy.ts';
import { bundleCase, verifyBundle } from '../src/modules/evidence/case-bundle.service.ts';
import { startArticleServer, type ArticleServer } from './support/article-server.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { buildCase, buildUser, systemTestActor } from './support/factories.ts';
import { PageClient } from './support/browser.ts';
import { api, auditCount } from './support/http.ts';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

async function count(app: TestApplication, table: 'captures' | 'sources' | 'uploads' | 'custody_entries' | 'capture_annotations'): Promise<number> {
  const row = await app.services.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function upload(app: TestApplication, caseId: string, token: string, bytes: Buffer, query = '') {
  const response = await app.web.request(`/api/v1/cases/${caseId}/uploads${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: bytes });
  return { status: response.status, json: (await response.json()) as { duplicate?: boolean; upload: { id: string; sha256: string }; source: { id: string; title: string } } };
}

describe.each(engines)('evidence, on %s', (engine) => {
  let app: TestApplication;
  let server: ArticleServer;
  let editor: Awaited<ReturnType<typeof buildUser>>;
  let viewer: Awaited<ReturnType<typeof buildUser>>;
  let outsider: Awaited<ReturnType<typeof buildUser>>;
  let caseId: string;

  beforeAll(async () => {
    server = await startArticleServer();
    app = await openTestApplication(engine, { evidence: { fetchAllowHosts: parseAllowList(`127.0.0.1:${server.port}`), uploadMaxBytes: 256 * 1024 } });
    [editor, viewer, outsider] = await Promise.all([buildUser(app.services, 'editor'), buildUser(app.services, 'viewer'), buildUser(app.services, 'editor')]);
    caseId = (await buildCase(app.services, editor.actor, { title: 'Cloud contracts', members: [{ userId: viewer.actor.userId!, role: 'viewer' }] })).id;
  });
  afterAll(async () => {
    await app.destroy();
    await server.close();
  });

  it('archives a page from an allowed local server: a source, a capture, its WARC and text, custody and history', async () => {
    const auditBefore = await auditCount(app);
    const archived = await api(app, 'POST', `/cases/${caseId}/archive`, { token: editor.token, body: { url: server.url } });
    expect(archived.status).toBe(201);
    const { source, capture, sourceCreated } = archived.json;
    expect(sourceCreated).toBe(true);
    expect(source).toMatchObject({ caseId, title: 'Company statement on cloud services', url: server.url, publisher: 'Local Wire' });
    expect(capture).toMatchObject({ sourceId: source.id, status: 200, contentType: 'text/html', remoteAddress: '127.0.0.1', finalUrl: server.url, title: 'Company statement on cloud services' });
    expect(capture.body.sha256).toBe(server.lastBodySha256);
    expect(capture.responseHeaders).toContainEqual(['X-Served-By', 'article-server']);

    const warc = await app.web.request(`/api/v1/captures/${capture.id}/warc`, { headers: { authorization: `Bearer ${editor.token}` } });
    expect(warc.status).toBe(200);
    expect(warc.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(warc.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(warc.headers.get('x-content-type-options')).toBe('nosniff');
    const warcBytes = Buffer.from(await warc.arrayBuffer());
    expect(warcBytes.subarray(0, 8).toString()).toBe('WARC/1.1');
    expect(createHash('sha256').update(warcBytes).digest('hex')).toBe(capture.warc.sha256);

    const text = await app.web.request(`/api/v1/captures/${capture.id}/text`, { headers: { authorization: `Bearer ${editor.token}` } });
    expect(await text.text()).toContain('We will reply by the end of the month.');

    const custody = await api(app, 'GET', `/captures/${capture.id}/custody`, { token: viewer.token });
    expect(custody.json.items).toEqual([
      expect.objectContaining({ action: 'captured', actorName: editor.actor.name, details: expect.objectContaining({ requestedUrl: server.url, remoteAddress: '127.0.0.1', bodySha256: capture.body.sha256 }) }),
    ]);
    // One audit entry for the new source, one for the capture.
    expect(await auditCount(app)).toBe(auditBefore + 2);
    const history = await api(app, 'GET', `/cases/${caseId}/history`, { token: editor.token });
    expect(history.json.items.map((entry: { entityType: string }) => entry.entityType)).toContain('capture');
  });

  it('follows a redirect, and re-archiving makes a new capture whose differences can be shown', async () => {
    const first = await api(app, 'POST', `/cases/${caseId}/archive`, { token: editor.token, body: { url: `http://127.0.0.1:${server.port}/moved` } });
    expect(first.status).toBe(201);
    expect(first.json.capture).toMatchObject({ redirects: 1, finalUrl: server.url });
    server.sentence = 'We will reply in due course.';
    const second = await api(app, 'POST', `/cases/${caseId}/archive`, { token: editor.token, body: { sourceId: first.json.source.id, url: server.url } });
    expect(second.status).toBe(201);
    expect(second.json.sourceCreated).toBe(false);
    expect(second.json.capture.id).not.toBe(first.json.capture.id);

    const captures = await api(app, 'GET', `/sources/${first.json.source.id}/captures`, { token: viewer.token });
    expect(captures.json.items.map((item: { id: string }) => item.id)).toEqual([first.json.capture.id, second.json.capture.id]);

    const diff = await api(app, 'GET', `/captures/${first.json.capture.id}/diff/${second.json.capture.id}`, { token: viewer.token });
    expect(diff.status).toBe(200);
    expect(diff.json.diff.identical).toBe(false);
    const parts = diff.json.diff.parts as { kind: string; text: string }[];
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text).join('')).toContain('by the end of the month');
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text).join('')).toContain('in due course');
    server.sentence = 'We will reply by the end of the month.';
  });

  it('refuses to fetch private, loopback and metadata addresses (a 422 problem) and writes nothing', async () => {
    const strict = await openTestApplication(engine);
    try {
      const strictEditor = await buildUser(strict.services, 'editor');
      const strictCase = (await buildCase(strict.services, strictEditor.actor)).id;
      const before = { audit: await auditCount(strict), sources: await count(strict, 'sources'), captures: await count(strict, 'captures') };
      for (const url of [server.url, 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:127.0.0.1]:1/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://10.0.0.1/', 'http://[::1]/', 'http://[fd00::1]/']) {
        const refused = await api(strict, 'POST', `/cases/${strictCase}/archive`, { token: strictEditor.token, body: { url } });
        expect(refused.status, url).toBe(422);
        expect(refused.headers.get('content-type')).toBe('application/problem+json');
        expect(refused.json.code, url).toBe('FETCH_REFUSED');
      }
      expect({ audit: await auditCount(strict), sources: await count(strict, 'sources'), captures: await count(strict, 'captures') }).toEqual(before);
    } finally {
      await strict.destroy();
    }
  });

  it('types uploads from their bytes, links a duplicate to the first upload, and refuses what is not allowed', async () => {
    const first = await upload(app, caseId, editor.token, pdf, '?filename=annual-report.exe');
    expect(first.status).toBe(201);
    expect(first.json.upload).toMatchObject({ contentType: 'application/pdf', originalFilename: 'annual-report.exe', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    expect(first.json.source.title).toBe('annual-report.exe');
    const uploadsBefore = await count(app, 'uploads');
    const again = await upload(app, caseId, editor.token, pdf, '?filename=copy.pdf');
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ duplicate: true, upload: { id: first.json.upload.id }, source: { id: first.json.source.id } });
    expect(await count(app, 'uploads')).toBe(uploadsBefore);

    const executable = await upload(app, caseId, editor.token, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 1)]), '?filename=report.pdf');
    expect(executable.status).toBe(415);
    const tooLarge = await upload(app, caseId, editor.token, Buffer.concat([pdf, Buffer.alloc(300 * 1024, 0x20)]));
    expect(tooLarge.status).toBe(413);
    expect(await count(app, 'uploads')).toBe(uploadsBefore);

    const file = await app.web.request(`/api/v1/uploads/${first.json.upload.id}/file`, { headers: { authorization: `Bearer ${viewer.token}` } });
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    const byHash = await app.web.request(`/api/v1/artefacts/${first.json.upload.sha256}`, { headers: { authorization: `Bearer ${viewer.token}` } });
    expect(byHash.status).toBe(200);
    const custody = await api(app, 'GET', `/uploads/${first.json.upload.id}/custody`, { token: editor.token });
    expect(custody.json.items).toEqual([expect.objectContaining({ action: 'uploaded', details: expect.objectContaining({ sniffedType: 'application/pdf' }) })]);
  });

  it('never edits evidence: no route changes a capture; annotations are separate records; a source with captures stays', async () => {
    const archived = await api(app, 'POST', `/cases/${caseId}/archive`, { token: editor.token, body: { url: server.url } });
    const captureId = archived.json.capture.id;
    const before = await api(app, 'GET', `/captures/${captureId}`, { token: editor.token });
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      expect((await api(app, method, `/captures/${captureId}`, { token: editor.token, body: { title: 'changed' } })).status, method).toBe(404);
    }
    const document = (await api(app, 'GET', '/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    for (const [path, operations] of Object.entries(document.paths)) {
      if (/^\/(captures|uploads|artefacts)\b/.test(path)) expect(Object.keys(operations).filter((method) => method !== 'get' && !path.endsWith('/annotations')), path).toEqual([]);
    }

    const note = await api(app, 'POST', `/captures/${captureId}/annotations`, { token: editor.token, body: { kind: 'correction', text: 'The date in the headline is wrong.' } });
    expect(note.status).toBe(201);
    expect((await api(app, 'POST', `/captures/${captureId}/annotations`, { token: viewer.token, body: { text: 'x' } })).status).toBe(403);
    const after = await api(app, 'GET', `/captures/${captureId}`, { token: editor.token });
    const { annotations, ...unchanged } = after.json;
    const { annotations: _none, ...original } = before.json;
    expect(unchanged).toEqual(original);
    expect(annotations).toEqual([expect.objectContaining({ kind: 'correction', text: 'The date in the headline is wrong.' })]);

    const removal = await api(app, 'DELETE', `/sources/${archived.json.source.id}`, { token: editor.token });
    expect(removal.status).toBe(409);
    expect((await api(app, 'GET', `/captures/${captureId}`, { token: editor.token })).status).toBe(200);
  });

  it('deletes a whole case with its evidence, keeping the evidence records in the case’s audit entry', async () => {
    const doomed = (await buildCase(app.services, editor.actor, { title: 'Case to delete' })).id;
    const archived = await api(app, 'POST', `/cases/${doomed}/archive`, { token: editor.token, body: { url: server.url } });
    await api(app, 'POST', `/captures/${archived.json.capture.id}/annotations`, { token: editor.token, body: { text: 'A note.' } });
    expect((await api(app, 'DELETE', `/cases/${doomed}`, { token: editor.token })).status).toBe(204);
    const entry = await app.services.db.selectFrom('audit_entries').select('before').where('entity_id', '=', doomed).where('action', '=', 'delete').executeTakeFirstOrThrow();
    const before = JSON.parse(entry.before!) as { records: Record<string, { id: string }[]> };
    expect(before.records.captures!.map((row) => row.id)).toEqual([archived.json.capture.id]);
    expect(before.records.custody_entries).toHaveLength(1);
    expect(await app.services.evidence.blobStore.has(archived.json.capture.warc.sha256)).toBe(true);
  });

  it('hides captures of a private case from outsiders and the public (404), and shows a published case’s captures without names', async () => {
    const archived = await api(app, 'POST', `/cases/${caseId}/archive`, { token: editor.token, body: { url: server.url } });
    const { capture, source } = archived.json;
    const paths = [`/captures/${capture.id}`, `/captures/${capture.id}/warc`, `/captures/${capture.id}/text`, `/captures/${capture.id}/custody`, `/sources/${source.id}/captures`, `/artefacts/${capture.body.sha256}`, `/cases/${caseId}/bundle`];
    for (const path of paths) {
      expect((await api(app, 'GET', path, { token: outsider.token })).status, path).toBe(404);
      expect((await api(app, 'GET', path)).status, path).toBe(404);
    }
    expect((await api(app, 'POST', `/cases/${caseId}/archive`, { token: outsider.token, body: { url: server.url } })).status).toBe(404);
    expect((await api(app, 'POST', `/captures/${capture.id}/annotations`, { token: outsider.token, body: { text: 'x' } })).status).toBe(404);

    const published = (await buildCase(app.services, editor.actor, { title: 'Published cloud case', visibility: 'published' })).id;
    const open = await api(app, 'POST', `/cases/${published}/archive`, { token: editor.token, body: { url: server.url } });
    const seen = await api(app, 'GET', `/captures/${open.json.capture.id}`);
    expect(seen.status).toBe(200);
    expect(seen.json.capturedBy).toBeNull();
    expect((await api(app, 'GET', `/captures/${open.json.capture.id}/custody`)).status).toBe(404);
  });

  it('writes a full bundle that verifies, and a public bundle with only what is public; each export by a person or the system is in the custody log', async () => {
    const published = (await buildCase(app.services, editor.actor, { title: 'Bundled case', visibility: 'published', summary: 'A summary for the bundle.' })).id;
    const archived = await api(app, 'POST', `/cases/${published}/archive`, { token: editor.token, body: { url: server.url } });
    await api(app, 'POST', `/captures/${archived.json.capture.id}/annotations`, { token: editor.token, body: { kind: 'note', text: 'Internal note: call the source back.' } });
    const dir = await mkdtemp(join(tmpdir(), 'answerable-bundle-test-'));
    try {
      const key = await app.services.evidence.instanceKey();
      const full = await bundleCase(app.services, systemTestActor, published, { outFile: join(dir, 'full.zip') });
      expect(full.scope).toBe('full');
      expect(await verifyBundle(full.file, key.publicKeyPem)).toMatchObject({ ok: true });
      const fullBytes = await readFile(full.file);
      expect(fullBytes.includes('Internal note: call the source back.')).toBe(true);
      expect(fullBytes.includes('history/audit-entries.json')).toBe(true);

      const response = await app.web.request(`/api/v1/cases/${published}/bundle`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/zip');
      const publicBytes = Buffer.from(await response.arrayBuffer());
      const publicFile = join(dir, 'public.zip');
      await writeFile(publicFile, publicBytes);
      expect(await verifyBundle(publicFile, key.publicKeyPem)).toMatchObject({ ok: true });
      expect(publicBytes.includes('Internal note')).toBe(false);
      expect(publicBytes.includes('history/')).toBe(false);
      expect(publicBytes.includes(editor.actor.name)).toBe(false);
      expect(publicBytes.includes(`captures/${archived.json.capture.id}/exchange.warc`)).toBe(true);

      const custody = await api(app, 'GET', `/captures/${archived.json.capture.id}/custody`, { token: editor.token });
      // The system's export is in the custody log; the anonymous public download is not.
      expect(custody.json.items.map((entry: { action: string }) => entry.action)).toEqual(['captured', 'exported']);
      expect((await api(app, 'GET', `/cases/${published}/bundle?scope=full`)).status).toBe(403);
      expect((await api(app, 'GET', `/cases/${caseId}/bundle?scope=public`, { token: editor.token })).status).toBe(409);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves the instance public key, and shows the archive form to editors only and the bundle link to everyone', async () => {
    const pem = await app.web.request('/.well-known/answerable-key.pem');
    expect(await pem.text()).toBe((await app.services.evidence.instanceKey()).publicKeyPem);
    const published = await buildCase(app.services, editor.actor, { title: 'Page case', visibility: 'published' });
    const publicPage = await (await app.web.request(`/cases/${published.slug}`)).text();
    expect(publicPage).toContain(`/api/v1/cases/${published.id}/bundle?scope=public`);
    expect(publicPage).not.toContain('name="url"');
  });
  it('uploads a file from the case page, for the case’s editors only', async () => {
    const caseRow = await buildCase(app.services, editor.actor, { title: 'Uploads from the page' });
    const signIn = async (user: typeof editor) => {
      const browser = new PageClient(app);
      await browser.get('/sign-in');
      await browser.post('/sign-in', { email: user.email, password: user.password });
      return browser;
    };
    const pdf = () => {
      const form = new FormData();
      form.set('file', new File([Buffer.from('%PDF-1.4\n% page upload\n')], 'letter.jpg', { type: 'image/jpeg' }));
      return form;
    };
    const browser = await signIn(editor);
    expect((await browser.get(`/cases/${caseRow.slug}`)).html).toContain('enctype="multipart/form-data"');
    expect((await browser.postMultipart(`/cases/${caseRow.slug}/uploads`, pdf(), { csrf: null })).status).toBe(403);
    const uploaded = await browser.postMultipart(`/cases/${caseRow.slug}/uploads`, pdf());
    expect(uploaded).toMatchObject({ status: 303, location: `/cases/${caseRow.slug}#evidence` });
    const page = await browser.get(`/cases/${caseRow.slug}`);
    expect(page.html).toContain('letter.jpg');
    expect(page.html).toContain('application/pdf');

    const stranger = await signIn(outsider);
    expect((await stranger.get(`/cases/${caseRow.slug}`)).html).not.toContain('enctype="multipart/form-data"');
    expect((await stranger.postMultipart(`/cases/${caseRow.slug}/uploads`, pdf())).status).toBe(404);
  });
});
