import type { ServiceContext } from '../../shared/service-context.ts';
import { listCompanyActions } from '../actions/company-actions.service.ts';
import { listCommitments } from '../commitments/commitments.service.ts';
import { listEvents } from '../events/events.service.ts';
import { listLetters } from '../letters/letters.service.ts';
import { loadResponses } from '../responses/responses.service.ts';
import { listSources } from '../sources/sources.service.ts';
import { listStatements } from '../statements/statements.service.ts';
import type { Actor } from '../users/actor.ts';
import { sortTimeline, type TimelineItem, timelineItem } from './timeline.ts';

/** A case's timeline, computed from its records and its manual events; nothing here is stored. */
export async function getCaseTimeline(ctx: ServiceContext, actor: Actor, caseId: string): Promise<TimelineItem[]> {
  // Each list checks the actor's right to read the case (and hides embargoed letters) itself.
  const [events, sources, letters, statements, actions, commitments] = await Promise.all([
    listEvents(ctx, actor, caseId),
    listSources(ctx, actor, caseId),
    listLetters(ctx, actor, { caseId }),
    listStatements(ctx, actor, caseId),
    listCompanyActions(ctx, actor, caseId),
    listCommitments(ctx, actor, caseId),
  ]);
  const responses = await loadResponses(ctx.db, { letterIds: letters.map((letter) => letter.id) });
  const names = await organizationNames(ctx, [
    ...actions.map((action) => action.companyId),
    ...commitments.map((commitment) => commitment.companyId),
    ...statements.flatMap((statement) => (statement.speakerOrganizationId ? [statement.speakerOrganizationId] : [])),
  ]);
  const speakers = await personNames(ctx, statements.flatMap((statement) => (statement.speakerPersonId ? [statement.speakerPersonId] : [])));
  const items: TimelineItem[] = [];
  const add = (date: string | null, item: Omit<TimelineItem, 'precision' | 'date'>) => {
    if (date) items.push(timelineItem({ date, ...item }));
  };

  for (const event of events) add(event.occurredOn, { kind: 'event', label: event.title, organization: null, record: { type: 'event', id: event.id }, sourceId: event.sourceId });
  for (const source of sources) {
    add(source.publishedOn, { kind: 'source_published', label: source.title, organization: source.publisher, record: { type: 'source', id: source.id }, sourceId: source.id });
  }
  for (const letter of letters) {
    const common = { label: letter.subject, organization: letter.recipient.name, record: { type: 'letter', id: letter.id }, sourceId: null };
    add(letter.sentOn, { kind: 'letter_sent', ...common });
    add(letter.responseDeadline?.date ?? null, { kind: 'response_deadline', ...common });
    add(letter.publishedOn, { kind: 'letter_published', ...common });
  }
  for (const response of responses) {
    const letter = letters.find((candidate) => candidate.id === response.letterId)!;
    add(response.receivedOn, { kind: 'response_received', label: letter.subject, organization: letter.recipient.name, record: { type: 'response', id: response.id }, sourceId: null });
  }
  for (const statement of statements) {
    const speaker = (statement.speakerPersonId && speakers.get(statement.speakerPersonId)) || (statement.speakerOrganizationId && names.get(statement.speakerOrganizationId)) || null;
    add(statement.statedOn, { kind: 'statement', label: statement.quote, organization: speaker, record: { type: 'statement', id: statement.id }, sourceId: statement.sourceId });
  }
  for (const action of actions) {
    add(action.occurredOn, { kind: 'company_action', label: action.description, organization: names.get(action.companyId) ?? null, record: { type: 'company_action', id: action.id }, sourceId: action.sourceId });
  }
  for (const commitment of commitments) {
    const common = { label: commitment.text, organization: names.get(commitment.companyId) ?? null, record: { type: 'commitment', id: commitment.id }, sourceId: commitment.sourceId };
    add(commitment.madeOn, { kind: 'commitment_made', ...common });
    add(commitment.dueOn, { kind: 'commitment_due', ...common });
  }
  return sortTimeline(items);
}

async function organizationNames(ctx: ServiceContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function personNames(ctx: ServiceContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('people').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
