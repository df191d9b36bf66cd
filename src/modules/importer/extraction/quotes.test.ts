/** Who said a quote, in the attributions news writing uses. Every text is invented for the test. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.ts';

const quotesOf = (text: string) => extractArticle(text, { published: '2026-06-12' }).quotes.map((q) => `${q.speaker}: ${q.text}`);

describe('quote attribution', () => {
  it('gives "…," she said to the person last named', () => {
    const text = 'Vexa Systems\' head of communications, Ilse Marten, confirmed the letter had arrived. "We take these concerns seriously and will answer," she said.';
    expect(quotesOf(text)).toContain('Ilse Marten: We take these concerns seriously and will answer');
  });

  it('gives an unnamed spokesperson\'s words to the company, even twice in a sentence', () => {
    const text = 'The Harbour Rights Forum wrote to Vexa Systems. A company spokesperson said Vexa Systems "sells only to vetted public clients" and that it had "never supplied data used to target anyone."';
    expect(quotesOf(text)).toEqual(expect.arrayContaining(['Vexa Systems: sells only to vetted public clients', 'Vexa Systems: never supplied data used to target anyone']));
  });

  it('gives "…," the company said and "…," a company spokesperson said to the company in question', () => {
    const text = 'Vexa Systems rejected the claims. "Nobody uses our systems that way," the company said in a statement. "Riders value flexibility," a company spokesperson said.';
    expect(quotesOf(text)).toEqual(['Vexa Systems: Nobody uses our systems that way', 'Vexa Systems: Riders value flexibility']);
  });

  it('gives a quote opening a sentence to whoever the sentence before reports as saying something', () => {
    const text = 'Fairscore said Vexa Systems had approached it earlier in the year. "Vexa has agreed to let us hold it to these commitments."';
    expect(quotesOf(text)).toEqual(['Fairscore: Vexa has agreed to let us hold it to these commitments']);
  });

  it('reads a speaker whose surname has a particle: "said Pat de Brún,"', () => {
    expect(quotesOf('"That risk has not gone away," said Dara de Vries, head of policy at Vexa Watch.')).toEqual(['Dara de Vries: That risk has not gone away']);
  });

  it('takes two words that close a sentence, but not two words of scare quotes', () => {
    expect(quotesOf('Vexa Systems answered on 20 June, saying the audit was "commercially confidential."')).toContain('Vexa Systems: commercially confidential');
    expect(quotesOf('Vexa Systems said its "ethical AI" tools were safe for the public.')).toEqual([]);
  });

  it('reads a title before a name given with a comma', () => {
    const people = extractArticle('A Vexa Systems spokesperson, Jordan Blake, said the company would reply.', { published: '2026-06-12' }).people;
    expect(people).toContainEqual(expect.objectContaining({ name: 'Jordan Blake', title: 'spokesperson', affiliation: 'Vexa Systems' }));
  });

  it('gives "…," a spokesperson for X said to X, and no quote to the subject of the next sentence', () => {
    expect(quotesOf('"Respect starts with transparency for every worker," a spokesperson for Privacy Commons said.')).toContain('Privacy Commons: Respect starts with transparency for every worker');
    const quotes = quotesOf('Jessica Gonzalo of Free Press said Orbex Inc. treated the meeting "like a PR exercise". Jonathan Green said there had been no changes.');
    expect(quotes).toContain('Jessica Gonzalo: like a PR exercise');
  });

  it('gives a quote to the person after it, past a title or an apposition', () => {
    expect(quotesOf('"There is no emergency that makes this acceptable," UHRP executive director Omer Kanat said at the time.')).toContain('Omer Kanat: There is no emergency that makes this acceptable');
    expect(quotesOf('"Locking encryption behind a paywall hurts people," Ashley Boyd, Mozilla\'s vice-president of advocacy, said.')).toContain('Ashley Boyd: Locking encryption behind a paywall hurts people');
    expect(quotesOf('"Orbex cannot leave people waiting," said OpenMedia campaigner Matt Hatfield.')).toContain('Matt Hatfield: Orbex cannot leave people waiting');
  });

  it('takes two words said just before them, unless they name something', () => {
    expect(quotesOf('In its response, Orbex Inc. said it "fundamentally disagreed" with the report.')).toContain('Orbex Inc.: fundamentally disagreed');
    expect(quotesOf('Orbex Inc. called the findings "false, misleading, and wrong," and threatened to sue.')).toContain('Orbex Inc.: false, misleading, and wrong');
  });
});

