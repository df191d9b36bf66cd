import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { jobDefinitions } from '../../src/modules/jobs/definitions.ts';
import { runDueJobs } from '../../src/modules/jobs/worker.ts';
import { approveLetter, sendLetter } from '../../src/modules/letters/letter-lifecycle.service.ts';
import { actorOf, createApiToken, createUser } from '../../src/modules/users/users.service.ts';
import type { ServiceContext } from '../../src/shared/service-context.ts';
import type { TestApplication } from './engines.ts';
import { buildCase, buildCompany, buildLetter, buildOrganization, buildUser, systemTestActor } from './factories.ts';
import { api } from './http.ts';

const unique = () => randomUUID().slice(0, 8);

export interface ReceivedEmail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** The .eml files in the outbox, decoded enough for tests (headers, quoted-printable body). */
export function readOutbox(dataDir: string): ReceivedEmail[] {
  let files: string[];
  try {
    files = readdirSync(join(dataDir, 'outbox')).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return files.map((name) => parseEml(readFileSync(join(dataDir, 'outbox', name), 'utf8')));
}

export function parseEml(raw: string): ReceivedEmail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  let body = rest.join('\n\n');
  if (/quoted-printable/i.test(header('Content-Transfer-Encoding'))) {
    body = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');
  } else if (/base64/i.test(header('Content-Transfer-Encoding'))) {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { to: header('To'), subject: decodeWords(header('Subject')), text: body, messageId: header('Message-ID') };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes non-plain subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

export function deliverAll(services: ServiceContext) {
  return runDueJobs(services, jobDefinitions);
}

export async function buildMember(services: ServiceContext, organizationId: string, role: 'editor' | 'viewer' = 'editor') {
  const email = `${role}-${unique()}@example.org`;
  const password = `correct horse ${unique()}`;
  const user = await createUser(services, systemTestActor, { email, name: `Signer ${unique()}`, role, password, organizationId });
  const { token } = await createApiToken(services, systemTestActor, { email });
  return { actor: actorOf(user), token, email, password };
}

/** A case with an editor, a letter from one signatory to a new company, approved and sent to one contact; the emails delivered. */
export async function buildSentLetter(app: TestApplication, options: { questions?: number; deadline?: string | null; companyId?: string; contact?: string } = {}) {
  const services = app.services;
  const editor = await buildUser(services, 'editor');
  const company = options.companyId ? { id: options.companyId } : await buildCompany(services);
  const signatory = await buildOrganization(services);
  const signer = await buildMember(services, signatory.id, 'viewer');
  const caseId = (await buildCase(services, editor.actor, { members: [{ userId: signer.actor.userId!, role: 'viewer' }] })).id;
  const letter = await buildLetter(
    services,
    caseId,
    {
      questions: (options.questions ?? 3) as never,
      recipientId: company.id,
      signatoryIds: [signatory.id],
      responseDeadline: options.deadline === null ? null : { date: options.deadline ?? '2026-02-01', time: '23:59', timeZone: 'UTC' },
    },
    editor.actor,
  );
  await approveLetter(services, signer.actor, letter.id);
  const contact = options.contact ?? `press-${unique()}@company.example`;
  await sendLetter(services, editor.actor, letter.id, { contacts: [{ email: contact, name: 'Press office' }] });
  await deliverAll(services);
  return { letter, caseId, companyId: company.id, editor, signer, contact };
}

export function invitationToken(dataDir: string, email: string): string {
  const message = readOutbox(dataDir)
    .filter((candidate) => candidate.to.includes(email))
    .find((candidate) => /\/invitations\//.test(candidate.text));
  expect(message, `an invitation to ${email}`).toBeDefined();
  return /\/invitations\/([A-Za-z0-9_-]+)/.exec(message!.text)![1]!;
}

/** Accepts the contact's invitation through the API; returns the respondent's API token. */
export async function acceptAsRespondent(app: TestApplication, email: string, name = 'Company Counsel') {
  const token = invitationToken(app.dataDir, email);
  const accepted = await api(app, 'POST', `/invitations/${token}/acceptance`, { body: { name, password: 'a long enough passphrase' } });
  expect(accepted.status, JSON.stringify(accepted.json)).toBe(201);
  return { apiToken: accepted.json.token as string, userId: accepted.json.userId as string, invitationToken: token, password: 'a long enough passphrase' };
}
