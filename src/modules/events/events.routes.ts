import { id } from '../../shared/fields.ts';
import { type Api, recordMeta } from '../../shared/http.ts';
import { registerCaseRecordRoutes } from '../cases/case-records.routes.ts';
import { eventInput, eventPatch } from './event.ts';
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from './events.service.ts';

export function registerEventRoutes(api: Api): void {
  registerCaseRecordRoutes(api, {
    collection: 'events',
    tag: 'Events',
    input: eventInput,
    patch: eventPatch,
    output: eventInput.extend({ ...recordMeta, caseId: id() }).meta({ id: 'Event' }),
    list: listEvents,
    get: getEvent,
    create: createEvent,
    update: updateEvent,
    remove: deleteEvent,
  });
}
