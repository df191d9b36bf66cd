import type { Hono } from 'hono';
import type { AppEnv } from '../../shared/http.ts';
import type { PageContext } from '../../shared/ui/layout.tsx';
import { renderPage } from '../../shared/ui/render.tsx';
import { LetterStatusText } from '../letters/letters.pages.tsx';
import type { Scorecard } from './scorecard.ts';
import { getCompanyScorecard } from './scorecards.service.ts';

function ScorecardPage({ page, scorecard }: { page: PageContext; scorecard: Scorecard }) {
  const { t } = page;
  const percent = (value: number | null) => (value === null ? t('notApplicable') : `${Math.round(value * 1000) / 10}%`);
  const days = (value: number | null) => (value === null ? t('notApplicable') : String(Math.round(value * 10) / 10));
  const rows: [string, string][] = [
    ['Letters received', String(scorecard.lettersReceived)],
    ['Letters past deadline', String(scorecard.lettersPastDeadline)],
    ['Response rate', `${percent(scorecard.responseRate)} (${scorecard.respondedPastDeadline} / ${scorecard.lettersPastDeadline})`],
    ['Median days to respond', days(scorecard.medianDaysToRespond)],
    ['Mean days to respond', days(scorecard.meanDaysToRespond)],
    ['Share of questions answered', `${percent(scorecard.shareOfQuestionsAnswered)} (${scorecard.questionsAnswered} / ${scorecard.questionsCounted})`],
    ['Open commitments', `${scorecard.openCommitments} (past due: ${scorecard.pastDueCommitments})`],
    ['Broken commitments', String(scorecard.brokenCommitments)],
    ['Extensions requested', String(scorecard.extensionsRequested)],
  ];
  return (
    <article>
      <h1>
        {t('scorecard')}: {scorecard.company.name}
      </h1>
      <p class="meta">{scorecard.asOf}</p>
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
        {Object.entries(scorecard.definitions).map(([key, definition]) => (
          <>
            <dt>{key}</dt>
            <dd>{definition}</dd>
          </>
        ))}
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
