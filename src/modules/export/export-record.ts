import type { ServiceContext } from '../../shared/service-context.ts';
import { type CaseDossier, getCaseDossier } from '../cases/case-dossier.service.ts';
import { listCases } from '../cases/cases.service.ts';
import { withoutConfidential } from '../evidence/confidential.ts';
import type { Organization } from '../organizations/organization.ts';
import { listOrganizations } from '../organizations/organizations.service.ts';
import { listPeople } from '../people/people.service.ts';
import type { Person } from '../people/person.ts';
import type { Actor } from '../users/actor.ts';

export interface RecordExport {
  format: 'answerable-export';
  version: 1;
  exportedAt: string;
  organizations: Organization[];
  people: Person[];
  cases: CaseDossier[];
}

/** Everything the actor may read, as one JSON document. Accounts, credentials and confidential fields are never exported. */
export async function exportRecord(ctx: ServiceContext, actor: Actor, onProgress: (done: number, total: number) => void = () => {}): Promise<RecordExport> {
  const organizations = await readAllPages((after) => listOrganizations(ctx, actor, { limit: 500, after }));
  const people = await readAllPages((after) => listPeople(ctx, actor, { limit: 500, after }));
  const summaries = await readAllPages((after) => listCases(ctx, actor, { limit: 500, after }));
  const cases: CaseDossier[] = [];
  for (const summary of summaries) {
    cases.push(withoutConfidential(await getCaseDossier(ctx, actor, summary.id)));
    onProgress(cases.length, summaries.length);
  }
  return { format: 'answerable-export', version: 1, exportedAt: ctx.clock.now().toISOString(), organizations, people, cases };
}

async function readAllPages<T extends { id: string }>(readPage: (after: string | undefined) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let page = await readPage(undefined); page.length > 0; page = await readPage(page[page.length - 1]!.id)) all.push(...page);
  return all;
}
