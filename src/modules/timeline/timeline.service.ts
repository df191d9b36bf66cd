import type { ServiceContext } from '../../shared/service-context.ts';
import type { CompanyAction } from '../actions/company-action.ts';
import { listCompanyActions } from '../actions/company-actions.service.ts';
import type { Commitment } from '../commitments/commitment.ts';
import { listCommitments } from '../commitments/commitments.service.ts';
import type { CaseEvent } from '../events/event.ts';
import { listEvents } from '../events/events.service.ts';
import type { Letter } from '../letters/letter.ts';
import { listLetters } from '../letters/letters.service.ts';
import type { LetterResponse } from '../responses/response.ts';
import { loadResponses } from '../responses/responses.service.ts';
import type { Source } from '../sources/source.ts';
import { listSources } from '../sources/sources.service.ts';
import type { Statement } from '../statements/statement.ts';
import { listStatements } from '../statements/statements.service.ts';
import type { Actor } from '../users/actor.ts';
import { sortTimeline, type TimelineItem, timelineItem } from './timeline.ts';

/** The records a timeline is computed from, as the actor may read them. */
export interface TimelineRecords {
  events: CaseEvent[];
  sources: Source[];
  letters: Letter[];
  responses: LetterResponse[];
  statements: Statement[];
  companyActions: CompanyAction[];
  commitments: Commitment[];
  /** Names of the organisations and people the records refer to, by id. */
  names: Record<string, string>;
}

/** A case's timeline, computed from its records and its manual events; nothing here is stored. */
export async function getCaseTimeline(ctx: ServiceContext, actor: Actor, caseId: string): Promise<TimelineItem[]> {
  return buildTimeline(await readTimelineRecords(ctx, actor, caseId));
}

/** Each list checks the actor's right to read the case (and hides embargoed letters) itself. */
export async function readTimelineRecords(ctx: ServiceContext, actor: Actor, caseId: string): Promise<TimelineRecords> {
  const [events, sources, letters, statements, companyActions, commitments] = await Promise.all([
    listEvents(ctx, actor, caseId),
    listSources(ctx, actor, caseId),
    listLetters(ctx, actor, { caseId }),
    listStatements(ctx, actor, caseId),
    listCompanyActions(ctx, actor, caseId),
    listCommitments(ctx, actor, caseId),
  ]);
  const responses = await loadResponses(ctx.db, { letterIds: letters.map((letter) => letter.id) });
  const organizationIds = [
    ...statements.flatMap((statement) => statement.speakerOrganizationId ?? []),
    ...companyActions.map((action) => action.companyId),
    ...commitments.map((commitment) => commitment.companyId),
  ];
  const personIds = statements.flatMap((statement) => statement.speakerPersonId ?? []);
  const [organizations, people] = await Promise.all([
    organizationIds.length ? ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', organizationIds).execute() : [],
    personIds.length ? ctx.db.selectFrom('people').select(['id', 'name']).where('id', 'in', personIds).execute() : [],
  ]);
  const names = Object.fromEntries([...organizations, ...people].map(({ id, name }) => [id, name]));
  return { events, sources, letters, responses, statements, companyActions, commitments, names };
}

export function buildTimeline(records: TimelineRecords): TimelineItem[] {
  const { names } = records;
  const items: TimelineItem[] = [];
  const add = (date: string | null, item: Omit<TimelineItem, 'precision' | 'date'>) => {
    if (date) items.push(timelineItem({ date, ...item }));
  };
  for (const event of records.events) add(event.occurredOn, { kind: 'event', label: event.title, organization: null, record: { type: 'event', id: event.id }, sourceId: event.sourceId });
  for (const source of records.sources) {
    add(source.publishedOn, { kind: 'source_published', label: source.title, organization: source.publisher, record: { type: 'source', id: source.id }, sourceId: source.id });
  }
  for (const letter of records.letters) {
    const common = { label: letter.subject, organization: letter.recipient.name, record: { type: 'letter', id: letter.id }, sourceId: null };
    add(letter.sentOn, { kind: 'letter_sent', ...common });
    add(letter.responseDeadline?.date ?? null, { kind: 'response_deadline', ...common });
    add(letter.publishedOn, { kind: 'letter_published', ...common });
  }
  for (const response of records.responses) {
    const letter = records.letters.find((candidate) => candidate.id === response.letterId)!;
    add(response.receivedOn, { kind: 'response_received', label: letter.subject, organization: letter.recipient.name, record: { type: 'response', id: response.id }, sourceId: null });
  }
  for (const statement of records.statements) {
    const speaker = names[statement.speakerPersonId ?? ''] ?? names[statement.speakerOrganizationId ?? ''] ?? null;
    add(statement.statedOn, { kind: 'statement', label: statement.quote, organization: speaker, record: { type: 'statement', id: statement.id }, sourceId: statement.sourceId });
  }
  for (const action of records.companyActions) {
    add(action.occurredOn, { kind: 'company_action', label: action.description, organization: names[action.companyId] ?? null, record: { type: 'company_action', id: action.id }, sourceId: action.sourceId });
  }
  for (const commitment of records.commitments) {
    const common = { label: commitment.text, organization: names[commitment.companyId] ?? null, record: { type: 'commitment', id: commitment.id }, sourceId: commitment.sourceId };
    add(commitment.madeOn, { kind: 'commitment_made', ...common });
    add(commitment.dueOn, { kind: 'commitment_due', ...common });
  }
  return sortTimeline(items);
}
