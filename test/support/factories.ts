import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import { createCase } from '../../src/modules/cases/cases.service.ts';
import type { CaseInput } from '../../src/modules/cases/case.ts';
import { createLetter } from '../../src/modules/letters/letters.service.ts';
import type { LetterInput } from '../../src/modules/letters/letter.ts';
import { createOrganization } from '../../src/modules/organizations/organizations.service.ts';
import type { OrganizationInput } from '../../src/modules/organizations/organization.ts';
import { type Actor, type StaffRole, systemActor } from '../../src/modules/users/actor.ts';
import { actorOf, createApiToken, createUser } from '../../src/modules/users/users.service.ts';

/** Factories give each test its own data: unique names, and only the fields a test cares about. */
const admin = systemActor('test');
const unique = () => randomUUID().slice(0, 8);

export async function buildOrganization(services: ServiceContext, overrides: Partial<OrganizationInput> = {}) {
  return createOrganization(services, admin, { name: `Organisation ${unique()}`, kind: 'ngo', parentId: null, aliases: [], description: null, website: null, ...overrides });
}

export const buildCompany = (services: ServiceContext, overrides: Partial<OrganizationInput> = {}) => buildOrganization(services, { kind: 'company', ...overrides });

export async function buildUser(services: ServiceContext, role: StaffRole = 'editor'): Promise<{ actor: Actor; token: string; email: string; password: string }> {
  const email = `${role}-${unique()}@example.org`;
  const password = `correct horse ${unique()}`;
  const user = await createUser(services, admin, { email, name: `${role} ${unique()}`, role, password, organizationId: null });
  const { token } = await createApiToken(services, admin, { email });
  return { actor: actorOf(user), token, email, password };
}

export async function buildCase(services: ServiceContext, actor: Actor = admin, overrides: Partial<CaseInput> = {}) {
  return createCase(services, actor, { title: `Case ${unique()}`, summary: '', visibility: 'private', companyIds: [], members: [], ...overrides });
}

export async function buildLetter(services: ServiceContext, caseId: string, options: { questions?: number } & Partial<LetterInput> = {}, actor: Actor = admin) {
  const { questions = 3, ...overrides } = options;
  const recipient = overrides.recipientId ?? (await buildCompany(services)).id;
  const signatory = (await buildOrganization(services)).id;
  return createLetter(services, actor, {
    caseId,
    recipientId: recipient,
    signatoryIds: [signatory],
    signatoryCount: null,
    subject: `Letter ${unique()}`,
    body: '',
    demands: [],
    questions: Array.from({ length: questions }, (_, index) => `Question ${index + 1}?`),
    sentOn: null,
    responseDeadline: null,
    publishedOn: null,
    followsLetterId: null,
    ...overrides,
  });
}

export { admin as systemTestActor };
