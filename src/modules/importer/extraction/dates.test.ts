import { describe, expect, it } from 'vitest';
import { addDays, findDateMentions } from './dates.ts';

function resolve(text: string, published: string): (string | null)[] {
  return findDateMentions(text, published).map((mention) => mention.value);
}

describe('findDateMentions', () => {
  it('reads a bare weekday as the latest such day on or before publication', () => {
    expect(resolve('The letter was released on Friday.', '2025-10-11')).toEqual(['2025-10-10']);
    expect(resolve('Shareholders voted on Thursday.', '2026-06-18')).toEqual(['2026-06-18']);
    expect(resolve('They protested on Saturday.', '2026-09-11')).toEqual(['2026-09-05']);
    expect(resolve('They wrote last Friday.', '2026-06-12')).toEqual(['2026-06-05']);
  });

  it('reads a day and month without a year as the past one, unless the text looks ahead', () => {
    expect(resolve('On 7 July the group wrote to the company.', '2026-06-12')).toEqual(['2025-07-07']);
    expect(resolve('It asked for a reply by 7 July.', '2026-06-12')).toEqual(['2026-07-07']);
    expect(resolve('The tool would be switched off on 14 August.', '2026-06-12')).toEqual(['2026-08-14']);
  });

  it('reads "last week" and "this week" as the month they fall in', () => {
    expect(resolve('The company said in a statement last week that it had paused.', '2023-08-04')).toEqual(['2023-07']);
    expect(resolve('They met this week.', '2023-08-04')).toEqual(['2023-08']);
    // chrono reads "this week. On Tuesday," as one date; the day is kept.
    expect(resolve('It reached him this week. On Tuesday, the group sent a letter.', '2025-11-12')).toEqual(['2025-11', '2025-11-11']);
  });

  it('reads a limit "by the end of the day on" a date as looking ahead', () => {
    expect(resolve('It asked for a reply by the end of the day on 14 July.', '2026-06-12')).toEqual(['2026-07-14']);
  });

  it('reads a season as its year', () => {
    expect(resolve('The regulator turned down the request this spring.', '2022-05-20')).toEqual(['2022']);
    expect(resolve('They met last summer; they will meet again next winter.', '2022-03-01')).toEqual(['2021', '2022']);
    expect(resolve('They met last summer.', '2022-10-01')).toEqual(['2022']);
  });

  it('reads the body of a release updated later as of its dateline', () => {
    const text = 'UPDATE, 12 August 2022: two companies replied on Monday.\n\nWASHINGTON, 20 July 2022 — Today the groups wrote to four brokers, as they had said on Monday they would.';
    expect(resolve(text, '2022-08-12')).toEqual(['2022-08-12', '2022-08-08', '2022-07-20', '2022-07-20', '2022-07-18']);
    // A dateline on the day of publication changes nothing; a later one is not a dateline of the past.
    expect(resolve('LONDON, June 17 (Wire) - The group wrote on Monday.', '2026-06-17')).toEqual(['2026-06-17', '2026-06-15']);
  });

  it('reads a month without a year as the latest such month not after publication', () => {
    expect(resolve('The letter was sent in September.', '2025-10-11')).toEqual(['2025-09']);
    expect(resolve('They met in December.', '2025-10-11')).toEqual(['2024-12']);
    expect(resolve('a report published in March', '2026-07-02')).toEqual(['2026-03']);
  });

  it('resolves the end of the month and of the year to their last day', () => {
    expect(resolve('It intends to reply at the end of the month.', '2025-10-11')).toEqual(['2025-10-31']);
    expect(resolve('It intends to reply by the end of the month.', '2024-02-10')).toEqual(['2024-02-29']);
    expect(resolve('before the end of the year', '2026-05-22')).toEqual(['2026-12-31']);
  });

  it('keeps the precision the text gives', () => {
    expect(resolve('with answers expected by October 10', '2025-10-11')).toEqual(['2025-10-10']);
    expect(resolve('in late September 2024', '2026-05-14')).toEqual(['2024-09']);
    expect(resolve('a statement posted last month', '2026-03-06')).toEqual(['2026-02']);
    expect(resolve('it wrote twice last year', '2026-07-02')).toEqual(['2025']);
    expect(resolve('the contract signed in 2021', '2026-07-02')).toEqual(['2021']);
    expect(resolve('by November 1, 2024', '2026-05-14')).toEqual(['2024-11-01']);
  });

  it('places day-and-month dates in the nearest year', () => {
    expect(resolve('Lumina replied on 2 December.', '2026-02-03')).toEqual(['2025-12-02']);
    expect(resolve('a progress update by 30 September', '2026-05-22')).toEqual(['2026-09-30']);
  });

  it('leaves vague spans and bare numbers alone', () => {
    expect(resolve('We will publish it next week. About 250 people came.', '2026-03-06')).toEqual([]);
  });

  it('gives offsets into the text', () => {
    const text = 'The letter, dated 29 April, had given the company until 15 May to respond.';
    const mentions = findDateMentions(text, '2026-05-22');
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['29 April', '15 May']);
    expect(mentions.map((m) => m.value)).toEqual(['2026-04-29', '2026-05-15']);
  });
});

describe('addDays', () => {
  it('counts from full dates only', () => {
    expect(addDays('2025-10-14', 30)).toBe('2025-11-13');
    expect(addDays('2025-10', 30)).toBeNull();
  });
});
