import { z } from 'zod';
import { idPattern } from './ids.ts';
import { isCalendarDate, isPartialDate } from './partial-date.ts';
import { isTimeZone } from './zoned-time.ts';

/**
 * Field schemas shared by every module's input schemas. Text is trimmed, bounded, and must be
 * well-formed Unicode without NUL or other control characters (PostgreSQL refuses NUL; a lone
 * surrogate would be silently replaced on the way to the database).
 */
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function cleanText(schema: z.ZodString) {
  return schema
    .refine((value) => value.isWellFormed(), 'must be well-formed Unicode (no lone surrogates)')
    .refine((value) => !controlCharacters.test(value), 'must not contain control characters');
}

export const text = (max = 1000) => cleanText(z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));
export const longText = (max = 100_000) => cleanText(z.string().trim().max(max, `must be at most ${max} characters`));

export const id = () => z.string().regex(idPattern, 'must be an id (a UUID)');

export const partialDate = () =>
  z.string().refine(isPartialDate, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD').meta({ example: '2025-09' });

export const calendarDate = () => z.string().refine(isCalendarDate, 'must be a date as YYYY-MM-DD').meta({ example: '2025-10-10' });

export const timeZone = () => z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Brussels').meta({ example: 'UTC' });

export const httpUrl = () =>
  z
    .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
    .max(2000);

/** The query parameters of every list. */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: id().optional().meta({ description: 'Return items after this id (the last id of the previous page).' }),
});
export type ListQuery = z.infer<typeof listQuery>;

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : T;

/**
 * The schema of a PATCH: every field optional, and no defaults. (Zod 4 applies a field's default
 * even inside .partial(), which would quietly reset fields the client did not send.)
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[K]>> }>;
}
