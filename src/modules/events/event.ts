import { z } from 'zod';
import { id, longText, partialDate, text, patchOf } from '../../shared/fields.ts';

/** A dated entry on a case's timeline that no other record already gives (an investigation's publication, a protest). */
export const eventInput = z.object({
  occurredOn: partialDate(),
  title: text(500),
  description: longText(10_000).nullable().default(null),
  sourceId: id().nullable().default(null),
});
export type EventInput = z.infer<typeof eventInput>;
export const eventPatch = patchOf(eventInput);

export interface CaseEvent extends EventInput {
  id: string;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}
