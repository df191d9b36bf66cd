import type { Hono } from 'hono';
import type { AppEnv } from '../../shared/http.ts';
import { formatInstant } from '../../shared/partial-date.ts';
import type { PageContext } from '../../shared/ui/layout.tsx';
import { renderPage } from '../../shared/ui/render.tsx';
import { LetterStatusText } from '../letters/letters.pages.tsx';
import { type Scorecard, scorecardDefinitions } from './scorecard.ts';
import { getCompanyScorecard } from './scorecards.service.ts';

/** The page prints the same definitions as the API, in the reader's language. */
const definitionKeys = Object.keys(scorecardDefinitions) as (keyof typeof scorecardDefinitions)[];

function ScorecardPage({ page, scorecard }: { page: PageContext; scorecard: Scorecard }) {
  const { t } = page;
  const percent = (value: number | null) => (value === null ? t('notApplicable') : `${Math.round(value * 1000) / 10}%`);
  const days = (value: number | null) => (value === null ? t('notApplicable') : String(Math.round(value * 10) / 10));
  const rows: [string, string][] = [
    [t('scorecard.lettersReceived'), String(scorecard.lettersReceived)],
    [t('scorecard.lettersPastDeadline'), String(scorecard.lettersPastDeadline)],
    [t('scorecard.responseRate'), `${percent(scorecard.responseRate)} (${scorecard.respondedPastDeadline} / ${scorecard.lettersPastDeadline})`],
    [t('scorecard.medianDaysToRespond'), days(scorecard.medianDaysToRespond)],
    [t('scorecard.meanDaysToRespond'), days(scorecard.meanDaysToRespond)],
    [t('scorecard.shareOfQuestionsAnswered'), `${percent(scorecard.shareOfQuestionsAnswered)} (${scorecard.questionsAnswered} / ${scorecard.questionsCounted})`],
    [t('scorecard.openCommitments'), `${scorecard.openCommitments} (${t('scorecard.pastDue', { count: scorecard.pastDueCommitments })})`],
    [t('scorecard.brokenCommitments'), String(scorecard.brokenCommitments)],
    [t('scorecard.extensionsRequested'), String(scorecard.extensionsRequested)],
  ];
  return (
    <article>
      <h1>
        {t('scorecard')}: {scorecard.company.name}
      </h1>
      <p class="meta">{formatInstant(scorecard.asOf, page.locale)}</p>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('letters')}</h2>
      <ul>
        {scorecard.letters.map((letter) => (
          <li>
            <a href={`/letters/${letter.id}`}>{letter.subject}</a> <LetterStatusText page={page} status={letter.status} />
          </li>
        ))}
      </ul>
      <h2>{t('definitions')}</h2>
      <dl>
        {definitionKeys.map((key) => {
          const [term, ...meaning] = t(`scorecardDefinition.${key}`).split(': ');
          return (
            <>
              <dt>{term}</dt>
              <dd>{meaning.join(': ')}</dd>
            </>
          );
        })}
      </dl>
    </article>
  );
}

export function registerScorecardPages(app: Hono<AppEnv>): void {
  app.get('/companies/:id/scorecard', async (c) => {
    const scorecard = await getCompanyScorecard(c.var.services, c.var.actor, c.req.param('id'));
    return renderPage(c, ({ t }) => `${t('scorecard')}: ${scorecard.company.name}`, (page) => <ScorecardPage page={page} scorecard={scorecard} />);
  });
}
