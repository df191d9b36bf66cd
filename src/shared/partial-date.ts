/**
 * A date with the precision it really has: "2025" (year), "2025-09" (month) or "2025-09-25" (day).
 * "September 2025" is stored as "2025-09", never as 1 September. As text these sort correctly,
 * a month before the days within it, which is the order a timeline wants.
 */
export const datePrecisions = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

const partialDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const match = partialDatePattern.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const dayNumber = Number(day);
  return dayNumber >= 1 && dayNumber <= daysInMonth(Number(year), monthNumber);
}

export function isCalendarDate(value: string): boolean {
  return value.length === 10 && isPartialDate(value);
}

export function datePrecision(value: string): DatePrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2025-09" in English is "September 2025"; in Arabic, "سبتمبر 2025". */
export function formatPartialDate(value: string, locale: string): string {
  const [year, month, day] = value.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', numberingSystem: 'latn' };
  if (month !== undefined) options.month = 'long';
  if (day !== undefined) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1)));
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** An instant as people read it: "October 10, 2025 at 23:59 UTC", in the zone that matters to them. */
export function formatInstant(instant: string, locale: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone, hourCycle: 'h23', numberingSystem: 'latn' }).format(new Date(instant)) + ` (${timeZone})`;
}
