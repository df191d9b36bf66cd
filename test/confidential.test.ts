import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCase } from '../src/modules/evidence/case-bundle.service.ts';
import { exportRecord } from '../src/modules/export/export-record.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { buildCase, buildUser, systemTestActor } from './support/factories.ts';
import { api } from './support/http.ts';

/** A witness's identity must reach the case's members and admins, and nothing and nobody else. */
describe.each(engines)('confidential fields, on %s', (engine) => {
  const witness = 'Witness: Layla Haddad, +970 59 000 0000';
  const newWitness = 'Witness: Omar Saleh';
  let app: TestApplication;
  let editor: Awaited<ReturnType<typeof buildUser>>;
  let viewer: Awaited<ReturnType<typeof buildUser>>;
  let outsider: Awaited<ReturnType<typeof buildUser>>;
  let admin: Awaited<ReturnType<typeof buildUser>>;
  let caseId: string;
  let caseSlug: string;
  let sourceId: string;
  let allegationId: string;

  beforeAll(async () => {
    app = await openTestApplication(engine);
    [editor, viewer, outsider, admin] = await Promise.all([buildUser(app.services, 'editor'), buildUser(app.services, 'viewer'), buildUser(app.services, 'editor'), buildUser(app.services, 'admin')]);
    const created = await buildCase(app.services, editor.actor, { title: 'Witnessed case', visibility: 'published', members: [{ userId: viewer.actor.userId!, role: 'viewer' }] });
    caseId = created.id;
    caseSlug = created.slug;
    const source = await api(app, 'POST', `/cases/${caseId}/sources`, { token: editor.token, body: { title: 'Interview notes', confidential: witness } });
    expect(source.status).toBe(201);
    expect(source.json.confidential).toBe(witness);
    sourceId = source.json.id;
    const allegation = await api(app, 'POST', `/cases/${caseId}/allegations`, { token: editor.token, body: { statement: 'Calls were stored abroad.', sourceIds: [sourceId], confidential: witness } });
    expect(allegation.status).toBe(201);
    allegationId = allegation.json.id;
  });
  afterAll(() => app.destroy());

  it('is returned in clear to members and admins only; others get records without the field', async () => {
    for (const token of [editor.token, viewer.token, admin.token]) {
      expect((await api(app, 'GET', `/sources/${sourceId}`, { token })).json.confidential).toBe(witness);
      expect((await api(app, 'GET', `/allegations/${allegationId}`, { token })).json.confidential).toBe(witness);
    }
    for (const options of [{}, { token: outsider.token }]) {
      for (const path of [`/sources/${sourceId}`, `/allegations/${allegationId}`, `/cases/${caseId}/sources`, `/cases/${caseId}/allegations`, `/cases/${caseId}/timeline`]) {
        const response = await api(app, 'GET', path, options);
        expect(response.status, path).toBe(200);
        expect(response.text, path).not.toContain('Layla');
        expect(response.text, path).not.toContain('confidential');
      }
    }
  });

  it('is encrypted at rest, and the audit chain holds only a marker', async () => {
    const row = await app.services.db.selectFrom('sources').select('confidential_sealed').where('id', '=', sourceId).executeTakeFirstOrThrow();
    expect(row.confidential_sealed).toMatch(/^v1\./);
    expect(row.confidential_sealed).not.toContain('Layla');
    const entries = await app.services.db.selectFrom('audit_entries').selectAll().execute();
    expect(JSON.stringify(entries)).not.toContain('Layla');
    const history = await api(app, 'GET', `/cases/${caseId}/history`, { token: editor.token });
    expect(history.status).toBe(200);
    expect(history.text).not.toContain('Layla');
    expect(history.text).toContain('"redacted":"confidential"');
    expect((await api(app, 'GET', `/cases/${caseId}/history`, { token: outsider.token })).status).toBe(404);
    expect((await api(app, 'GET', `/cases/${caseId}/history`)).status).toBe(404);
  });

  it('keeps its value when a change does not touch it, and the history shows (only) that it changed', async () => {
    await api(app, 'PATCH', `/sources/${sourceId}`, { token: editor.token, body: { title: 'Interview notes (1)' } });
    expect((await api(app, 'GET', `/sources/${sourceId}`, { token: editor.token })).json.confidential).toBe(witness);
    const changed = await api(app, 'PATCH', `/sources/${sourceId}`, { token: editor.token, body: { confidential: newWitness } });
    expect(changed.json.confidential).toBe(newWitness);
    const history = await api(app, 'GET', `/cases/${caseId}/history`, { token: editor.token });
    const updates = (history.json.items as { entityId: string; action: string; before: { confidential: { sealedSha256: string } }; after: { confidential: { sealedSha256: string } } }[]).filter(
      (entry) => entry.entityId === sourceId && entry.action === 'update',
    );
    expect(updates[0]!.before.confidential).toEqual(updates[0]!.after.confidential);
    expect(updates[1]!.before.confidential.sealedSha256).not.toBe(updates[1]!.after.confidential.sealedSha256);
    expect(history.text).not.toContain('Omar');
    const cleared = await api(app, 'PATCH', `/sources/${sourceId}`, { token: editor.token, body: { confidential: null } });
    expect(cleared.json.confidential).toBeNull();
    await api(app, 'PATCH', `/sources/${sourceId}`, { token: editor.token, body: { confidential: witness } });
  });

  it('is not on the public page, in English or Arabic', async () => {
    for (const locale of ['en', 'ar']) {
      const publicPage = await (await app.web.request(`/cases/${caseSlug}`, { headers: { cookie: `locale=${locale}`, 'accept-language': locale } })).text();
      expect(publicPage).toContain('Calls were stored abroad.');
      expect(publicPage).not.toContain('Layla');
    }
  });

  it('is in no export and no bundle, not even a full one made by an admin', async () => {
    const exported = JSON.stringify(await exportRecord(app.services, systemTestActor));
    expect(exported).toContain('Interview notes');
    expect(exported).not.toContain('Layla');
    expect(exported).not.toContain('v1.');
    const dir = await mkdtemp(join(tmpdir(), 'answerable-confidential-'));
    try {
      for (const scope of ['full', 'public'] as const) {
        const written = await bundleCase(app.services, systemTestActor, caseId, { outFile: join(dir, `${scope}.zip`), scope });
        const bytes = await readFile(written.file);
        expect(bytes.includes('Interview notes'), scope).toBe(true);
        expect(bytes.includes('Layla'), scope).toBe(false);
        expect(bytes.includes('confidential_sealed'), scope).toBe(false);
      }
      const response = await app.web.request(`/api/v1/cases/${caseId}/bundle`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).includes('Layla')).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not open when moved to another record (bound by associated data)', async () => {
    const other = await api(app, 'POST', `/cases/${caseId}/sources`, { token: editor.token, body: { title: 'Another source' } });
    const sealed = (await app.services.db.selectFrom('sources').select('confidential_sealed').where('id', '=', sourceId).executeTakeFirstOrThrow()).confidential_sealed;
    await app.services.db.updateTable('sources').set({ confidential_sealed: sealed }).where('id', '=', other.json.id).execute();
    const moved = await api(app, 'GET', `/sources/${other.json.id}`, { token: editor.token });
    expect(moved.status).toBe(422);
    expect(moved.json.code).toBe('INTEGRITY_FAILED');
    await app.services.db.updateTable('sources').set({ confidential_sealed: null }).where('id', '=', other.json.id).execute();
  });
});
