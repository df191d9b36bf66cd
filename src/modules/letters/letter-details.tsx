import { formatInstant, formatPartialDate } from '../../shared/partial-date.ts';
import type { PageContext } from '../../shared/ui/layout.tsx';
import type { Letter } from './letter.ts';

/**
 * A letter as every page shows it — the case page, the staff letter page and the company portal:
 * who wrote to whom, when, by when answers are due, its text and its demands.
 */
export function LetterDetails({ page, letter, headingLevel = 2 }: { page: PageContext; letter: Letter; headingLevel?: 2 | 4 }) {
  const { t } = page;
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const deadline = letter.responseDeadline;
  return (
    <>
      <dl>
        <dt>{t('to')}</dt>
        <dd>{letter.recipient.name}</dd>
        <dt>{t('signatories')}</dt>
        <dd>
          {letter.signatories.map((signatory) => signatory.name).join(', ')}
          {letter.signatoryCount !== null && letter.signatoryCount > letter.signatories.length && (
            <span class="meta"> ({t('signatoriesOfTotal', { named: letter.signatories.length, total: letter.signatoryCount })})</span>
          )}
        </dd>
        {letter.followsLetterId && (
          <>
            <dt>{t('followsLetter')}</dt>
            <dd>
              <a href={`/letters/${letter.followsLetterId}`}>{letter.followsLetterId}</a>
            </dd>
          </>
        )}
        {letter.sentOn && (
          <>
            <dt>{t('sent')}</dt>
            <dd>
              <time datetime={letter.sentOn}>{formatPartialDate(letter.sentOn, page.locale)}</time>
            </dd>
          </>
        )}
        {deadline && (
          <>
            <dt>{t('deadline')}</dt>
            <dd>
              <time datetime={deadline.at}>{formatInstant(deadline.at, page.locale, deadline.timeZone)}</time>
            </dd>
          </>
        )}
        {letter.publishedOn && (
          <>
            <dt>{t('publishedOn')}</dt>
            <dd>
              <time datetime={letter.publishedOn}>{formatPartialDate(letter.publishedOn, page.locale)}</time>
            </dd>
          </>
        )}
      </dl>
      {letter.body && <blockquote dir="auto">{letter.body}</blockquote>}
      {letter.demands.length > 0 && (
        <>
          <Heading>{t('demands')}</Heading>
          <ul>
            {letter.demands.map((demand) => (
              <li dir="auto">{demand}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
