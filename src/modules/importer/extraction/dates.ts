/**
 * Date mentions and their resolution against the article's publication date.
 *
 * chrono-node finds and parses the expressions. Its defaults suit forward-looking text, so a few
 * news conventions are applied on top: a bare weekday ("on Friday") is the most recent such day on
 * or before publication, "next Friday" the first one after it; a month without a year ("in September")
 * is the most recent such month not after publication (in the future tense, the next one); "the end
 * of the month/year" is its last day. Precision is kept: a month-only mention resolves to `YYYY-MM`,
 * a year-only one to `YYYY`.
 */
import * as chrono from 'chrono-node';
import type { PartialDate } from './types.ts';

/** "by 19 June", "until 15 May", "by the end of the day on 14 November": the words that make a date a limit. */
export const byDate = /\b(?:by|until|before|no later than)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?(?:day|business)\s+(?:on\s+)?)?$|\b(?:by|before|no later than)\s+(?:the\s+|its\s+|[\w.&]+['’]s\s+)?(?:company['’]s\s+)?(?:next\s+)?(?:annual\s+)?(?:general\s+|shareholder\s+|shareholders['’]\s+)?meeting\s+on\s+$/i;

export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: PartialDate;
  /** The characters just before the mention ("by the "), for attaching it to the right event. */
  precededBy?: string;
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const monthNames = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const datey = new RegExp(`\\b(${monthNames}|${weekdays.join('|')}|today|tonight|yesterday|this (?:morning|afternoon|evening)|month|year|\\d{4})\\b|\\d{1,2}/\\d{1,2}`, 'i');

export function parsePublished(published: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!match) throw new Error(`published must be YYYY-MM-DD, got "${published}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, monthIndex: number): Date {
  return new Date(Date.UTC(year, monthIndex + 1, 0, 12));
}

/**
 * Every date expression in `text`, resolved to a partial date. A release updated after it went out
 * ("UPDATE, 12 August: …" above "WASHINGTON, 20 July 2022 — Today …") tells its body as of its
 * dateline: relative dates after an earlier dateline resolve against the dateline's day.
 */
export function findDateMentions(text: string, published: string): DateMention[] {
  const mentions = mentionsAgainst(text, published);
  const dateline = mentions.find((m) => isDateline(text, m));
  if (!dateline || !/^\d{4}-\d{2}-\d{2}$/.test(dateline.value) || dateline.value >= published) return mentions;
  return [...mentions.filter((m) => m.start <= dateline.start), ...mentionsAgainst(text, dateline.value).filter((m) => m.start > dateline.start)];
}

/** "WASHINGTON, 20 July 2022 —", "LONDON, June 17 (Wire) -": a place, the date, then a dash or the wire's name. */
export function isDateline(text: string, date: { start: number; end: number }): boolean {
  const lineStart = text.lastIndexOf('\n', date.start - 1) + 1;
  return /^[\p{Lu}][\p{L} .,'’/-]{1,40},\s*$/u.test(text.slice(lineStart, date.start)) && /^,?\s*(?:\d{4}\s*)?[—–(-]/.test(text.slice(date.end, date.end + 8));
}

function mentionsAgainst(text: string, published: string): DateMention[] {
  const reference = parsePublished(published);
  const mentions: DateMention[] = [...findEndOfPeriod(text, reference), ...findWeeksAndSeasons(text, reference)];
  const results = chrono.parse(text, { instant: reference, timezone: 0 });
  for (const parsed of results) {
    // "on 12 September, 27% of shareholders": the number after the comma is not a year.
    // "this week. On Tuesday,": chrono joins a week to the day after it; the day is read on its own.
    const trimmed = parsed.text.replace(/,\s*\d{1,2}$/, '').replace(/^(?:this|last|next)\s+week\b[\s.,;]*(?=\S)/i, '');
    const result = trimmed !== parsed.text ? chrono.parse(trimmed, { instant: reference, timezone: 0 })[0] : parsed;
    if (!result) continue;
    const index = result === parsed ? parsed.index : parsed.index + parsed.text.indexOf(trimmed) + result.index;
    if (!datey.test(result.text)) continue; // bare numbers, times
    if (/\bweeks?\b/i.test(result.text)) continue; // "next week" is too vague to record
    // chrono keeps a trailing comma ("On Monday, the group…"); the mention ends before it.
    const mentionText = result.text.replace(/[\s,;:]+$/, '');
    const start = index;
    const end = start + mentionText.length;
    if (mentions.some((m) => m.start < end && start < m.end)) continue;
    // "will be voted on in May": in the future tense a month or weekday is the next one, not the last.
    const forward = futureTense.test(text.slice(Math.max(0, start - 80), start));
    // "asked to reply by 7 July": a deadline looks ahead (a bare weekday after "by" keeps its own reading).
    const ahead = forward || byDate.test(text.slice(Math.max(0, start - 80), start)) || /\bdeadline(?: of)?\s+$/i.test(text.slice(Math.max(0, start - 20), start));
    const value = resolveChronoResult(result, reference, mentionText, forward, ahead);
    if (value) mentions.push({ start, end, text: mentionText, value });
  }
  mentions.push(...findBareYears(text, mentions));
  for (const mention of mentions) mention.precededBy = text.slice(Math.max(0, mention.start - 32), mention.start);
  return mentions.sort((a, b) => a.start - b.start);
}

function findEndOfPeriod(text: string, reference: Date): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(/\b(?:the\s+)?end\s+of\s+(?:the|this)\s+(month|year)\b/gi)) {
    const year = reference.getUTCFullYear();
    const day = match[1]!.toLowerCase() === 'month'
      ? lastDayOfMonth(year, reference.getUTCMonth())
      : new Date(Date.UTC(year, 11, 31, 12));
    mentions.push({ start: match.index, end: match.index + match[0].length, text: match[0], value: formatDay(day) });
  }
  return mentions;
}

const seasonStarts: Record<string, number> = { spring: 2, summer: 5, autumn: 8, fall: 8, winter: 11 };

/** "this spring", "last summer": chrono reads no seasons; the year is as precise as the text is. Weeks give their month. */
function findWeeksAndSeasons(text: string, reference: Date): DateMention[] {
  const mentions: DateMention[] = [];
  // "last week", "this week": no day, but the month they fall in.
  for (const match of text.matchAll(/\b(last|this)\s+week\b/gi)) {
    const day = match[1]!.toLowerCase() === 'last' ? shiftDays(reference, -7) : reference;
    mentions.push({ start: match.index, end: match.index + match[0].length, text: match[0], value: formatDay(day).slice(0, 7) });
  }
  for (const match of text.matchAll(/\b(this|last|next)\s+(spring|summer|autumn|fall|winter)\b/gi)) {
    const [year, month] = [reference.getUTCFullYear(), reference.getUTCMonth()];
    const start = seasonStarts[match[2]!.toLowerCase()]!;
    // "last summer" is the latest one already over; "next summer" the first not yet begun.
    const value = { this: year, last: month >= start + 3 ? year : year - 1, next: month >= start ? year + 1 : year }[match[1]!.toLowerCase() as 'this' | 'last' | 'next'];
    mentions.push({ start: match.index, end: match.index + match[0].length, text: match[0], value: String(value) });
  }
  return mentions;
}

/** "in 2021", "since 2019", "a 2022 survey": a year on its own that chrono leaves alone. */
function findBareYears(text: string, known: DateMention[]): DateMention[] {
  const mentions: DateMention[] = [];
  // …or one that describes a noun: "a 2022 survey", "its 2019 report".
  for (const match of text.matchAll(/\b(?:in|since|during|from|until|by|late|early|mid-?)\s+((?:19|20)\d\d)\b(?![\d,%])|\b(?:a|an|the|its|their|his|her)\s+((?:19|20)\d\d)(?=\s+[a-z])/gi)) {
    const year = match[1] ?? match[2]!;
    const start = match.index + match[0].length - year.length;
    const end = start + year.length;
    if (known.some((m) => m.start < end && start < m.end)) continue;
    mentions.push({ start, end, text: year, value: year });
  }
  return mentions;
}

const futureTense = /\b(?:will|would|shall|is due to|are due to|scheduled|upcoming)\b[^.!?;]{0,60}$/i;

function resolveChronoResult(result: chrono.ParsedResult, reference: Date, text = result.text, forward = false, ahead = forward): PartialDate | null {
  // "On Monday evening" is a Monday.
  // "this morning", "tonight": the day of publication.
  if (/^(?:this\s+(?:morning|afternoon|evening)|tonight)$/i.test(text)) return formatDay(reference);
  const lower = text.toLowerCase().replace(/\s+(?:morning|afternoon|evening|night)$/, '');
  const weekday = weekdays.findIndex((day) => new RegExp(`^(?:on\\s+|last\\s+)?${day}$`).test(lower));
  if (weekday >= 0 && forward && !lower.startsWith('last')) return formatDay(nextWeekday(reference, weekday));
  // "last Friday" written on a Friday is a week ago; "on Friday" is today.
  if (weekday >= 0) return formatDay(mostRecentWeekday(lower.startsWith('last') ? shiftDays(reference, -1) : reference, weekday));
  // "next Monday": the first such day after publication.
  const next = weekdays.findIndex((day) => new RegExp(`^next\\s+${day}$`).test(lower));
  if (next >= 0) return formatDay(nextWeekday(reference, next));

  const start = result.start;
  const date = start.date();
  const year = date.getUTCFullYear();
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  if (/\b(last|this|next)\s+month\b/.test(lower)) return `${year}-${month}`;
  if (/\b(last|this|next)\s+year\b/.test(lower)) return String(year);
  // "On 7 July" in an article of 12 June is last year's 7 July, unless the text looks ahead.
  if (start.isCertain('day') && !start.isCertain('year') && !ahead && date.getTime() > shiftDays(reference, 1).getTime()) {
    return formatDay(new Date(Date.UTC(year - 1, date.getUTCMonth(), date.getUTCDate(), 12)));
  }
  if (start.isCertain('day')) return formatDay(date);
  if (start.isCertain('month')) {
    if (start.isCertain('year')) return `${year}-${month}`;
    if (forward) return nextMonth(reference, date.getUTCMonth());
    return mostRecentMonth(reference, date.getUTCMonth());
  }
  if (start.isCertain('year')) return String(year);
  return null;
}

/** The day `days` days after (or, negative, before) `date`. */
function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Past-tense news: "on Friday" is the latest Friday on or before publication. */
function mostRecentWeekday(reference: Date, weekday: number): Date {
  const back = (reference.getUTCDay() - weekday + 7) % 7;
  return shiftDays(reference, -back);
}

/** "next Friday": the first Friday after publication. */
function nextWeekday(reference: Date, weekday: number): Date {
  return shiftDays(mostRecentWeekday(reference, weekday), 7);
}

/** "in September" without a year: the latest September not after publication. */
function mostRecentMonth(reference: Date, monthIndex: number): PartialDate {
  const year = monthIndex <= reference.getUTCMonth() ? reference.getUTCFullYear() : reference.getUTCFullYear() - 1;
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}`;
}

/** Adds days to a full date; partial dates cannot be shifted and give null. */
export function addDays(date: PartialDate, days: number): PartialDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return formatDay(shiftDays(parsePublished(date), days));
}

/** Adds calendar months to a full date ("within a month" of 28 April is 28 May); partial dates give null. */
export function addMonths(date: PartialDate, months: number): PartialDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const day = parsePublished(date);
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return formatDay(target);
}

/** "will be voted on in May" without a year: the next May from publication (this one, if it is May now). */
function nextMonth(reference: Date, monthIndex: number): PartialDate {
  const year = monthIndex >= reference.getUTCMonth() ? reference.getUTCFullYear() : reference.getUTCFullYear() + 1;
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}`;
}
