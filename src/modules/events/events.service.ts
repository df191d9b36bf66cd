import type { EventsTable } from '../../db/schema.ts';
import { assertSourcesInCase, caseRecordUseCases, selectCaseRows } from '../cases/case-records.ts';
import type { CaseEvent, EventInput } from './event.ts';

function toEvent(row: EventsTable): CaseEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    occurredOn: row.occurred_on,
    title: row.title,
    description: row.description,
    sourceId: row.source_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(input: EventInput) {
  return { occurred_on: input.occurredOn, title: input.title, description: input.description, source_id: input.sourceId };
}

const events = caseRecordUseCases<CaseEvent, EventInput>({
  entityType: 'event',
  label: 'Event',
  read: async (db, filter) => (await selectCaseRows(db, 'events', filter)).map(toEvent),
  checkReferences: (db, caseId, input) => assertSourcesInCase(db, caseId, [input.sourceId], 'sourceId'),
  async insert(tx, { id, caseId, now }, input) {
    await tx.insertInto('events').values({ id, case_id: caseId, ...toRow(input), created_at: now, updated_at: now }).execute();
  },
  async update(tx, id, input, now) {
    await tx.updateTable('events').set({ ...toRow(input), updated_at: now }).where('id', '=', id).execute();
  },
  toInput: ({ occurredOn, title, description, sourceId }) => ({ occurredOn, title, description, sourceId }),
});

export const listEvents = events.list;
export const getEvent = events.get;
export const createEvent = events.create;
export const updateEvent = events.update;
export const deleteEvent = events.remove;
