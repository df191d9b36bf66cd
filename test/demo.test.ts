import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCaseDossier } from '../src/modules/cases/case-dossier.service.ts';
import { loadDemo } from '../src/modules/demo/load-demo.ts';
import { publicActor } from '../src/modules/users/actor.ts';
import { verifyAuditChain } from '../src/modules/audit/verify-audit.ts';
import { engines, openTestApplication, type TestApplication } from './support/engines.ts';
import { auditCount } from './support/http.ts';

describe.each(engines)('the worked example on %s', (engine) => {
  let app: TestApplication;
  beforeAll(async () => {
    app = await openTestApplication(engine, { at: '2026-11-29T12:00:00Z' });
    await loadDemo(app.services);
  });
  afterAll(() => app.destroy());

  it('changes nothing when loaded a second time', async () => {
    const entries = await auditCount(app);
    expect((await loadDemo(app.services)).created).toBe(0);
    expect(await auditCount(app)).toBe(entries);
    expect(await verifyAuditChain(app.services.db)).toMatchObject({ ok: true });
  });

  it('is published, and tells the letter as the news report does', async () => {
    const dossier = await getCaseDossier(app.services, publicActor, 'microsoft-unit-8200');
    expect(dossier.case.visibility).toBe('published');
    const [letter] = dossier.letters;
    expect(letter!.recipient.name).toBe('Microsoft');
    expect(letter!.signatories.map((s) => s.name)).toEqual(['Human Rights Watch', 'Amnesty International', 'Access Now']);
    expect(letter!.signatoryCount).toBe(6);
    expect(letter!.questions).toHaveLength(7);
    expect(letter!.questions.every((q) => /not been made public/.test(q.text))).toBe(true);
    expect(letter!.sentOn).toBe('2025-09');
    expect(letter!.responseDeadline?.date).toBe('2025-10-10');
    expect(letter!.publishedOn).toBe('2025-10-10');
    expect(letter!.responses).toEqual([]);
  });

  it('dates the investigation and the suspension from Arab News, and the promise to reply from the report', async () => {
    const dossier = await getCaseDossier(app.services, publicActor, 'microsoft-unit-8200');
    const arabNews = dossier.sources.find((source) => source.publisher === 'Arab News')!;
    expect(arabNews).toMatchObject({ url: 'https://www.arabnews.com/node/2618521/media', publishedOn: '2025-10-11' });
    expect(dossier.companyActions).toEqual([expect.objectContaining({ occurredOn: '2025-09-25', sourceId: arabNews.id })]);
    expect(dossier.events).toEqual([expect.objectContaining({ occurredOn: '2025-08', sourceId: arabNews.id })]);
    expect(dossier.commitments.find((c) => c.dueOn === '2025-10-31')).toMatchObject({ status: 'open' });
    const speakers = dossier.statements.map((s) => dossier.names[s.speakerPersonId ?? s.speakerOrganizationId ?? '']);
    expect(speakers).toContain('Deborah Brown');
    expect(dossier.timeline.map((item) => `${item.date} ${item.kind}`)).toEqual([
      '2025-08 event',
      '2025-09 letter_sent',
      '2025-09-25 company_action',
      '2025-10-10 letter_published',
      '2025-10-10 response_deadline',
      '2025-10-11 source_published',
      '2025-10-11 source_published',
      '2025-10-31 commitment_due',
    ]);
  });

  it('nests the organisations as the brief describes', async () => {
    const rows = await app.services.db.selectFrom('organizations').select(['id', 'name', 'parent_id']).execute();
    const byName = new Map(rows.map((row) => [row.name, row]));
    const parentOf = (name: string) => rows.find((row) => row.id === byName.get(name)!.parent_id)?.name;
    expect(parentOf('Unit 8200')).toBe('Israeli military');
    expect(parentOf('Israeli military')).toBe('Israel Ministry of Defense');
  });
});

describe.each(engines)('the worked example’s letter and promise, on a chosen day, on %s', (engine) => {
  it('shows the Microsoft letter as no response, overdue since 10 October 2025, and the promise to reply as past due, awaiting a decision', async () => {
    const { getLetterStatus } = await import('../src/modules/letters/letter-lifecycle.service.ts');
    const { getCompanyScorecard } = await import('../src/modules/scorecards/scorecards.service.ts');
    const { PageClient } = await import('./support/browser.ts');
    const app = await openTestApplication(engine, { at: '2025-11-03T12:00:00Z' });
    try {
      await loadDemo(app.services);
      const dossier = await getCaseDossier(app.services, publicActor, 'microsoft-unit-8200');
      const letter = dossier.letters[0]!;
      expect(await getLetterStatus(app.services, publicActor, letter.id)).toMatchObject({ stage: 'published', state: 'no_response', overdueByDays: 24, overdueSince: '2025-10-10' });
      const scorecard = await getCompanyScorecard(app.services, publicActor, letter.recipient.id);
      expect(scorecard).toMatchObject({ lettersReceived: 1, lettersPastDeadline: 1, responseRate: 0, openCommitments: 2, pastDueCommitments: 1 });
      const page = await new PageClient(app).get(`/letters/${letter.id}`);
      expect(page.html).toContain('No response');
      expect(page.html).toContain('since October 10, 2025');
      app.clock.set('2025-10-20T12:00:00Z');
      expect((await getLetterStatus(app.services, publicActor, letter.id)).summary).toBe('No response: overdue by 10 days, since 2025-10-10');
      expect((await getCompanyScorecard(app.services, publicActor, letter.recipient.id)).pastDueCommitments).toBe(0);
    } finally {
      await app.destroy();
    }
  });
});
