/** The group whose page an article is: found in page furniture only when the page speaks as "we". Texts are invented. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.ts';
import { findPublisher } from './publisher.ts';
import { maskBoilerplate } from './text.ts';

const publisherOf = (text: string) => findPublisher(text, maskBoilerplate(text))?.name ?? null;

describe('the publisher of a page', () => {
  it('is the group in the byline or copyright line when the page says "we wrote"', () => {
    const blog = 'Posted 4 May 2026 by the Tenant Data Observatory\n\nOn 2 April we wrote to Nestwise Inc. with six questions.';
    expect(publisherOf(blog)).toBe('Tenant Data Observatory');
    const page = 'Fairfield Watchers\nHome › News\n\nOur letter to Nestwise Inc. asked four questions. We wrote on 2 April.\n\n© 2026 Fairfield Watchers. Registered charity.';
    expect(publisherOf(page)).toBe('Fairfield Watchers');
    const [letter] = extractArticle(blog, { published: '2026-05-04' }).letters;
    expect(letter).toMatchObject({ senders: ['Tenant Data Observatory'], recipient: 'Nestwise Inc.', sent: '2026-04-02' });
  });

  it('is the group in a masthead line, or a coined one-word name in the copyright line', () => {
    expect(publisherOf('Business & Tenant Rights Resource Centre\nHome > News\n\nOn 16 February we invited Nestwise Inc. to respond.')).toBe('Business & Tenant Rights Resource Centre');
    expect(publisherOf('Posted 8 October by the team\n\nWe asked the company to agree to a date.\n\n© Riders4Rights · Privacy policy')).toBe('Riders4Rights');
  });

  it('is nobody when the page does not speak as "we", or when the byline names a person', () => {
    expect(publisherOf('Posted by the Tenant Data Observatory\n\nThe Renters Forum wrote to Nestwise Inc. on 2 April.')).toBeNull();
    expect(publisherOf('Posted by Maria Lindholm\n\nWe wrote to Nestwise Inc. on 2 April. "We are waiting," said Maria Lindholm.\n\n© Maria Lindholm')).toBeNull();
    expect(publisherOf('Posted by the Tenant Data Observatory\n\n"We wrote to them in April," said a Renters Forum official.')).toBeNull();
  });
});
