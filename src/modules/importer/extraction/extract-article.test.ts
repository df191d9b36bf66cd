import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { extractArticle, maxArticleChars } from './extract-article.ts';

const sharedArticles = resolve(import.meta.dirname, '../../../../../shared/fixtures/articles');
const microsoftText = readFileSync(resolve(sharedArticles, 'microsoft-letter-2025-10.txt'), 'utf8');

describe('extractArticle on the worked example (rights groups’ letter to Microsoft)', () => {
  const result = extractArticle(microsoftText, { published: '2025-10-11' });

  it('yields the letter with its senders, signatory count, questions and dates', () => {
    expect(result.letters).toHaveLength(1);
    const { span, ...letter } = result.letters[0]!;
    expect(letter).toEqual({
      senders: ['Human Rights Watch', 'Amnesty International', 'Access Now'],
      senderCount: 6,
      recipient: 'Microsoft',
      questionCount: 7,
      deadline: '2025-10-10',
      sent: '2025-09',
      published: '2025-10-10',
    });
    expect(microsoftText.slice(span[0], span[1])).toMatch(/letter/i);
  });

  it('finds Deborah Brown with her title and affiliation', () => {
    expect(result.people).toContainEqual(expect.objectContaining({
      name: 'Deborah Brown', title: 'technology and rights deputy director', affiliation: 'Human Rights Watch',
    }));
  });

  it('finds the reply promised for the end of the month', () => {
    expect(result.events).toContainEqual(expect.objectContaining({
      type: 'response_expected', date: '2025-10-31', actor: 'Microsoft',
    }));
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'letter_sent', date: '2025-09', actor: 'Human Rights Watch', target: 'Microsoft' }));
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'letter_published', date: '2025-10-10' }));
  });

  it('names each organisation once, with its kind and aliases merged', () => {
    const names = result.organizations.map((org) => org.name);
    expect(new Set(names).size).toBe(names.length);
    expect(result.organizations).toContainEqual(expect.objectContaining({ name: 'The Guardian', kind: 'media' }));
    expect(result.organizations).toContainEqual(expect.objectContaining({ name: 'Unit 8200', kind: 'military' }));
    expect(result.organizations).toContainEqual(expect.objectContaining({ name: 'Israel Ministry of Defense', kind: 'government' }));
    expect(names).not.toContain('Gaza');
    expect(names).not.toContain('Microsoft Azure');
  });

  it('attributes the block quote to Deborah Brown and not the letter’s words to anyone', () => {
    const brown = result.quotes.find((q) => q.speaker === 'Deborah Brown');
    expect(brown?.text).toMatch(/^Microsoft has taken an important first step/);
    expect(result.quotes.some((q) => q.text.startsWith('Israeli authorities have used the mass surveillance'))).toBe(false);
  });

  it('gives spans that point at the text each record came from', () => {
    for (const org of result.organizations) {
      for (const [start, end] of org.spans) expect([org.name, ...org.aliases]).toContain(microsoftText.slice(start, end));
    }
    for (const person of result.people) {
      for (const [start, end] of person.spans) expect(person.name).toContain(microsoftText.slice(start, end));
    }
    for (const quote of result.quotes) {
      expect(microsoftText.slice(quote.span[0], quote.span[1]).replace(/\s+/g, ' ')).toContain(quote.text.slice(0, 20));
    }
    for (const event of result.events) expect(microsoftText.slice(event.span[0], event.span[1])).toBe(event.evidence);
  });
});

describe('extractArticle rules on short texts', () => {
  it('merges an acronym given in parentheses and reads a title before the name', () => {
    const text = 'Halcyon Cloud said on Wednesday it had suspended the service, after the Nordic Digital Liberties network (NDL) wrote to chief executive Marta Olsen. "This is a partial answer," said Sofia Lindqvist, head of policy at NDL.';
    const result = extractArticle(text, { published: '2026-05-22' });
    expect(result.organizations).toContainEqual(expect.objectContaining({ name: 'Nordic Digital Liberties', kind: 'ngo', aliases: ['NDL'] }));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Sofia Lindqvist', title: 'head of policy', affiliation: 'Nordic Digital Liberties' }));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Marta Olsen', title: 'chief executive', affiliation: 'Halcyon Cloud' }));
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'company_action', date: '2026-05-20', actor: 'Halcyon Cloud' }));
  });

  it('finds an unfamiliar name right after a title, but not an organisation after "head of x at"', () => {
    const text = 'The letter went to Corvex Ltd\'s chief executive Anvi Raghunathan on 2 May. A Corvex spokesperson, Tobiah Wrenfield, said the company would reply. "We need answers," said Ola Berg, head of stewardship at Fjordline Asset Management.';
    const people = extractArticle(text, { published: '2026-05-22' }).people.map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Anvi Raghunathan', 'Tobiah Wrenfield', 'Ola Berg']));
    expect(people).not.toContain('Fjordline Asset Management');
  });

  it('knows an association without its legal form, more kinds of titles, and drops a plural noun opening a line', () => {
    const text = 'Netzrechte e.V. wrote to Velora AG on 2 May. "Answer us," said Lena Vogt, head of campaigns at Netzrechte. "It is urgent," said Marco Reyes, senior technologist at Velora AG.\n\n- Investors, including the Alder Pension Fund, should sell their shares.';
    const result = extractArticle(text, { published: '2026-05-22' });
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Lena Vogt', title: 'head of campaigns', affiliation: 'Netzrechte e.V.' }));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Marco Reyes', title: 'senior technologist', affiliation: 'Velora AG' }));
    expect(result.organizations.map((o) => o.name)).not.toContain('Investors');
  });

  it('makes one event per recipient of a letter to two companies', () => {
    const text = 'The Electronic Frontier Foundation (EFF) wrote to Amazon and Google in late September 2024, asking them to respond by November 1, 2024. Amazon never responded.';
    const result = extractArticle(text, { published: '2026-05-14' });
    const sent = result.events.filter((e) => e.type === 'letter_sent');
    expect(sent.map((e) => [e.actor, e.target, e.date])).toEqual([
      ['Electronic Frontier Foundation', 'Amazon', '2024-09'], ['Electronic Frontier Foundation', 'Google', '2024-09'],
    ]);
    expect(result.letters.map((l) => l.recipient)).toEqual(['Amazon', 'Google']);
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'no_response', actor: 'Amazon', target: 'Electronic Frontier Foundation' }));
  });

  it('does not count a request for comment as an unanswered letter', () => {
    const text = 'Rights groups wrote to Stratalink Inc. on 2 May. Stratalink did not respond to a request for comment.';
    const result = extractArticle(text, { published: '2026-05-10' });
    expect(result.events.map((e) => e.type)).not.toContain('no_response');
  });

  it('uses the caller’s dictionary of organisations and people', () => {
    const text = 'Acme said it would answer. Jo Bloggs welcomed that.';
    const result = extractArticle(text, {
      published: '2026-01-10',
      knownOrganizations: [{ name: 'Acme Widgets', kind: 'company', aliases: ['Acme'] }],
      knownPeople: [{ name: 'Jo Bloggs', title: 'director', affiliation: 'Watchers United' }],
    });
    expect(result.organizations).toContainEqual(expect.objectContaining({ name: 'Acme Widgets', kind: 'company', spans: [[0, 4]] }));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Jo Bloggs', title: 'director' }));
  });
});

describe('extractArticle with the record’s own names', () => {
  const known = { published: '2026-03-12', knownOrganizations: [{ name: 'Human Rights Watch', kind: 'ngo' as const, aliases: ['HRW'] }] };

  it('splits "HRW and Amnesty International" into two senders, and knows HRW by its alias', () => {
    const result = extractArticle('HRW and Amnesty International wrote to Acme Cloud Inc. on 3 March 2026, asking five questions and requesting answers by 20 March 2026.', known);
    expect(result.organizations.map((org) => org.name)).toEqual(expect.arrayContaining(['Human Rights Watch', 'Amnesty International', 'Acme Cloud Inc.']));
    expect(result.letters[0]).toMatchObject({ senders: ['Human Rights Watch', 'Amnesty International'], recipient: 'Acme Cloud Inc.', questionCount: 5, deadline: '2026-03-20', sent: '2026-03-03' });
  });

  it('counts named senders with "and two partner groups", and finds "both companies"', () => {
    const result = extractArticle('Amazon and Google hold the contract. The Pacific Privacy Project and two partner groups wrote to both companies on Nov. 20, requesting replies by Jan. 9.', { published: '2026-01-14' });
    expect(result.letters.map((letter) => [letter.recipient, letter.senderCount, letter.sent, letter.deadline])).toEqual([
      ['Amazon', 3, '2025-11-20', '2026-01-09'],
      ['Google', 3, '2025-11-20', '2026-01-09'],
    ]);
  });
});

describe('extractArticle on bad input', () => {
  it('returns an empty result for empty text and for other scripts', () => {
    const empty = { organizations: [], people: [], quotes: [], events: [], letters: [] };
    expect(extractArticle('', { published: '2026-01-01' })).toEqual(empty);
    expect(extractArticle('قالت منظمة العفو الدولية إن الشركة لم ترد على الرسالة.', { published: '2026-01-01' })).toEqual(empty);
    expect(extractArticle('ארגון זכויות האדם שלח מכתב לחברה ביום שישי.', { published: '2026-01-01' })).toEqual(empty);
  });

  it('refuses a text over the size limit with a clear error', () => {
    const error = (() => { try { extractArticle('a'.repeat(maxArticleChars + 1), { published: '2026-01-01' }); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    expect((error as AppError).message).toMatch(/over the 200,000-character limit/);
  });

  it('refuses a publication date that is not YYYY-MM-DD', () => {
    expect(() => extractArticle('Text.', { published: '10/11/2025' })).toThrow(/published: must be a date YYYY-MM-DD/);
  });

  it('survives a long text without sentence breaks', () => {
    const result = extractArticle('Word '.repeat(20_000), { published: '2026-01-01' });
    expect(result.events).toEqual([]);
  });
});

describe('extractArticle on phrasings of real coverage', () => {
  it('separates a company from its chief executive, and finds a group by its title holders and its "27 other groups"', () => {
    const text = 'Fair Roads Now and 27 other groups sent a letter to Zoomly CEO Erin Vale on Wednesday. "This must end," said Cal Rees, campaign director at Fair Roads Now.';
    const result = extractArticle(text, { published: '2026-06-12' });
    expect(result.organizations.map((o) => o.name)).toEqual(['Fair Roads Now', 'Zoomly']);
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Erin Vale', title: 'CEO', affiliation: 'Zoomly' }));
    expect(result.letters[0]).toMatchObject({ senders: ['Fair Roads Now'], senderCount: 28, recipient: 'Zoomly', sent: '2026-06-10' });
  });

  it('keeps an opening verb in a name the text repeats mid-sentence, and reads an acronym "along with" others', () => {
    const text = 'Stand Up Tenants wrote to Nestwise Inc. on 2 June. The letter was drafted by Stand Up Tenants and OTF. OTF, along with the other signatories, asked for answers.';
    const names = extractArticle(text, { published: '2026-06-12' }).organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Stand Up Tenants', 'OTF']));
  });

  it('keeps "Center for X and Y" and "Safety and Y Project" whole, reads "led by X", and a capitalised title before a name', () => {
    const text = 'A coalition of 45 groups led by Open Streets Forward on Wednesday asked Spotlyte to drop the feature, in a letter to Chief Executive Dara Quill. "It is disappointing," said Ama Owusu, co-director of the Safety and Speech Project at the Center for Privacy and Technology.';
    const result = extractArticle(text, { published: '2026-06-12' });
    expect(result.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['Open Streets Forward', 'Spotlyte', 'Safety and Speech Project', 'Center for Privacy and Technology']));
    expect(result.people).toContainEqual(expect.objectContaining({ name: 'Dara Quill', title: 'chief executive' }));
    expect(result.letters[0]).toMatchObject({ senders: ['Open Streets Forward'], senderCount: 45, recipient: 'Spotlyte' });
  });
});
