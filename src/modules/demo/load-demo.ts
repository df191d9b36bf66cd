import type { ServiceContext } from '../../shared/service-context.ts';
import { createCompanyAction, listCompanyActions } from '../actions/company-actions.service.ts';
import { createAllegation, listAllegations } from '../allegations/allegations.service.ts';
import { findCaseIdBySlug } from '../cases/cases.repository.ts';
import { createCase } from '../cases/cases.service.ts';
import { createCommitment, listCommitments } from '../commitments/commitments.service.ts';
import { createEvent, listEvents } from '../events/events.service.ts';
import { createLetter, listLetters } from '../letters/letters.service.ts';
import { findOrganizationByName, listProductsOf } from '../organizations/organizations.repository.ts';
import { createOrganization, createProduct } from '../organizations/organizations.service.ts';
import { createPerson, findPersonByName } from '../people/people.service.ts';
import { createSource, listSources } from '../sources/sources.service.ts';
import { createStatement, listStatements } from '../statements/statements.service.ts';
import { systemActor } from '../users/actor.ts';
import {
  demoAction,
  demoAllegations,
  demoCase,
  demoCaseSlug,
  demoCommitments,
  demoInvestigation,
  demoLetter,
  demoOrganizations,
  demoPerson,
  demoProducts,
  demoSources,
  demoStatements,
} from './microsoft-unit-8200.ts';

const actor = systemActor('demo');

/**
 * Loads the worked example. Every record is found before it is created (organisations and people
 * by name, the case by its slug, the case's records by their text), so a second run, or a run
 * after an interrupted one, adds only what is missing: running it twice changes nothing.
 */
export async function loadDemo(ctx: ServiceContext, onStep: (step: string) => void = () => {}): Promise<{ caseId: string; created: number }> {
  let created = 0;
  async function ensure<T>(existing: T | undefined, create: () => Promise<T>): Promise<T> {
    if (existing !== undefined) return existing;
    created += 1;
    return create();
  }

  onStep('organisations');
  const organizationIds: Record<string, string> = {};
  for (const organization of demoOrganizations) {
    const parentId = organization.parent ? organizationIds[organization.parent]! : null;
    const found = await findOrganizationByName(ctx.db, organization.name);
    organizationIds[organization.key] = (
      await ensure(found, () => createOrganization(ctx, actor, { name: organization.name, kind: organization.kind, parentId, aliases: [], description: null, website: null }))
    ).id;
  }
  const microsoftId = organizationIds.microsoft!;
  const productIds: Record<string, string> = {};
  for (const product of demoProducts) {
    const found = (await listProductsOf(ctx.db, microsoftId)).find((candidate) => candidate.name === product.name);
    const parentId = product.parent ? productIds[product.parent]! : null;
    productIds[product.key] = (await ensure(found, () => createProduct(ctx, actor, microsoftId, { name: product.name, parentId, description: null }))).id;
  }
  const personId = (
    await ensure(await findPersonByName(ctx.db, demoPerson.name), () =>
      createPerson(ctx, actor, { name: demoPerson.name, title: demoPerson.title, affiliationId: organizationIds[demoPerson.affiliation]! }),
    )
  ).id;

  onStep('case');
  const existingCaseId = await findCaseIdBySlug(ctx.db, demoCaseSlug);
  const caseId =
    existingCaseId ??
    (await ensure(undefined, () => createCase(ctx, actor, { ...demoCase, visibility: 'published', companyIds: [microsoftId], members: [] }))).id;

  onStep('sources');
  const sources = await listSources(ctx, actor, caseId);
  const sourceId = async (source: (typeof demoSources)[keyof typeof demoSources]) =>
    (await ensure(sources.find((candidate) => candidate.title === source.title), () => createSource(ctx, actor, caseId, source))).id;
  const articleId = await sourceId(demoSources.article);
  const arabNewsId = await sourceId(demoSources.arabNews);

  onStep('allegations');
  const allegations = await listAllegations(ctx, actor, caseId);
  for (const statement of demoAllegations) {
    await ensure(allegations.find((candidate) => candidate.statement === statement), () =>
      createAllegation(ctx, actor, caseId, { statement, status: 'alleged', sourceIds: [articleId] }),
    );
  }

  onStep('letter');
  const letters = await listLetters(ctx, actor, { caseId });
  await ensure(letters.find((candidate) => candidate.subject === demoLetter.subject), () =>
    createLetter(ctx, actor, {
      ...demoLetter,
      caseId,
      recipientId: microsoftId,
      signatoryIds: [organizationIds.hrw!, organizationIds.amnesty!, organizationIds.accessNow!],
      followsLetterId: null,
    }),
  );

  onStep('commitments, actions, events and statements');
  const commitments = await listCommitments(ctx, actor, caseId);
  for (const commitment of demoCommitments) {
    await ensure(commitments.find((candidate) => candidate.text === commitment.text), () =>
      createCommitment(ctx, actor, caseId, { companyId: microsoftId, text: commitment.text, madeOn: null, dueOn: commitment.dueOn, status: 'open', sourceId: articleId }),
    );
  }
  const actions = await listCompanyActions(ctx, actor, caseId);
  await ensure(actions.find((candidate) => candidate.description === demoAction.description), () =>
    createCompanyAction(ctx, actor, caseId, { ...demoAction, companyId: microsoftId, sourceId: arabNewsId }),
  );
  const events = await listEvents(ctx, actor, caseId);
  await ensure(events.find((candidate) => candidate.title === demoInvestigation.title), () =>
    createEvent(ctx, actor, caseId, { ...demoInvestigation, description: null, sourceId: arabNewsId }),
  );
  const statements = await listStatements(ctx, actor, caseId);
  for (const statement of demoStatements) {
    const speaker = 'person' in statement.speaker ? { speakerPersonId: personId, speakerOrganizationId: null } : { speakerPersonId: null, speakerOrganizationId: organizationIds[statement.speaker.organization]! };
    await ensure(statements.find((candidate) => candidate.quote === statement.quote), () =>
      createStatement(ctx, actor, caseId, { quote: statement.quote, ...speaker, statedOn: null, sourceId: articleId }),
    );
  }
  return { caseId, created };
}
