import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/verify-audit.ts';
import { updateOrganization } from '../src/modules/organizations/organizations.service.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { buildCase, buildOrganization, systemTestActor } from './support/factories.ts';

describe.each(engines)('audit chain on %s', (engine) => {
  let app: TestApplication;
  beforeAll(async () => {
    app = await openTestApplication(engine);
  });
  afterAll(() => app.destroy());

  beforeEach(async () => {
    // Each test tampers with its own fresh chain of five entries.
    await app.services.db.deleteFrom('audit_entries').execute();
    await app.services.db.updateTable('audit_head').set({ seq: 0, hash: '0'.repeat(64) }).execute();
    const organization = await buildOrganization(app.services, { name: 'Human Rights Watch' });
    await updateOrganization(app.services, systemTestActor, organization.id, { aliases: ['HRW'] });
    await buildCase(app.services);
    await buildOrganization(app.services);
    await buildOrganization(app.services);
  });

  const entries = () => app.services.db.selectFrom('audit_entries').selectAll().orderBy('seq').execute();

  it('writes one entry per change, with the actor’s name, before and after, chained by hash', async () => {
    const rows = await entries();
    expect(rows.map((row) => row.action)).toEqual(['create', 'update', 'create', 'create', 'create']);
    expect(rows[0]!.actor_name).toBe('test');
    expect(JSON.parse(rows[1]!.before!).aliases).toEqual([]);
    expect(JSON.parse(rows[1]!.after!).aliases).toEqual(['HRW']);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(await verifyAuditChain(app.services.db)).toMatchObject({ ok: true, entries: 5 });
  });

  it('names the entry whose content was edited in the database', async () => {
    await app.services.db.updateTable('audit_entries').set({ actor_name: 'someone else' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(app.services.db)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('catches an edit whose author also recomputed that entry’s hash', async () => {
    const { hashEntry } = await import('../src/modules/audit/audit-entry.ts');
    const { toContent } = await import('../src/modules/audit/audit.repository.ts');
    const row = (await entries())[1]!;
    const forged = { ...toContent(row), after: '{"name":"forged"}' };
    await app.services.db.updateTable('audit_entries').set({ after: forged.after, hash: hashEntry(forged) }).where('seq', '=', 2).execute();
    expect(await verifyAuditChain(app.services.db)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('names the first missing entry when one is deleted from the middle or the end', async () => {
    await app.services.db.deleteFrom('audit_entries').where('seq', '=', 2).execute();
    expect(await verifyAuditChain(app.services.db)).toMatchObject({ ok: false, badSeq: 2 });
  });

  it('notices that the newest entry was deleted', async () => {
    await app.services.db.deleteFrom('audit_entries').where('seq', '=', 5).execute();
    expect(await verifyAuditChain(app.services.db)).toMatchObject({ ok: false, badSeq: 5 });
  });

  it('names an inserted entry', async () => {
    const last = (await entries())[4]!;
    await app.services.db.insertInto('audit_entries').values({ ...last, seq: 6, entity_id: 'inserted', prev_hash: last.hash }).execute();
    expect(await verifyAuditChain(app.services.db)).toMatchObject({ ok: false, badSeq: 6 });
  });

  it('names reordered entries', async () => {
    // Swap the numbers of entries 2 and 3 (through a free number, as the primary key requires).
    const db = app.services.db;
    await db.updateTable('audit_entries').set({ seq: 1000 }).where('seq', '=', 2).execute();
    await db.updateTable('audit_entries').set({ seq: 2 }).where('seq', '=', 3).execute();
    await db.updateTable('audit_entries').set({ seq: 3 }).where('seq', '=', 1000).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, badSeq: 2 });
  });

  it('keeps the chain whole when writers race', async () => {
    await Promise.all(Array.from({ length: 20 }, () => buildOrganization(app.services)));
    expect(await verifyAuditChain(app.services.db)).toMatchObject({ ok: true, entries: 25 });
  });

  it('rolls back the change when its audit entry cannot be written', async () => {
    const before = await app.services.db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // A row already holding the next number makes the append fail inside the transaction.
    const last = (await entries())[4]!;
    await app.services.db.insertInto('audit_entries').values({ ...last, seq: 6 }).execute();
    await expect(buildOrganization(app.services)).rejects.toThrow();
    const after = await app.services.db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
