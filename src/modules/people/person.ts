import { z } from 'zod';
import { id, text, patchOf } from '../../shared/fields.ts';

export const personInput = z.object({
  name: text(300),
  title: text(300).nullable().default(null).meta({ example: 'technology and rights deputy director' }),
  affiliationId: id().nullable().default(null).meta({ description: 'The organisation the person speaks for.' }),
});
export type PersonInput = z.infer<typeof personInput>;
export const personPatch = patchOf(personInput);
export type PersonPatch = z.infer<typeof personPatch>;

export interface Person {
  id: string;
  name: string;
  title: string | null;
  affiliationId: string | null;
  createdAt: string;
  updatedAt: string;
}
