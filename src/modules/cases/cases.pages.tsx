import type { Hono } from 'hono';
import { formatPartialDate } from '../../shared/partial-date.ts';
import type { AppEnv } from '../../shared/http.ts';
import { LetterDetails } from '../letters/letter-details.tsx';
import type { PageContext } from '../../shared/ui/layout.tsx';
import { renderPage } from '../../shared/ui/render.tsx';
import { type EvidenceOverview, getEvidenceOverview } from '../evidence/captures.service.ts';
import { EvidencePanel } from '../evidence/evidence.pages.tsx';
import type { ArticleImport } from '../importer/import.ts';
import { ImportPanel, importsForCasePage } from '../importer/imports.pages.tsx';
import type { CaseSummary } from './case.ts';
import { type CaseDossier, getCaseDossier } from './case-dossier.service.ts';
import { listCases } from './cases.service.ts';

function DateText({ page, value }: { page: PageContext; value: string | null }) {
  return value ? <time datetime={value}>{formatPartialDate(value, page.locale)}</time> : null;
}

function CaseList({ page, cases }: { page: PageContext; cases: CaseSummary[] }) {
  const { t } = page;
  return (
    <section>
      <h1>{t('cases')}</h1>
      {cases.length === 0 ? (
        <p>{t('noCases')}</p>
      ) : (
        <ul>
          {cases.map((item) => (
            <li>
              <a href={`/cases/${item.slug}`}>{item.title}</a> <span class="badge">{t(item.visibility === 'published' ? 'published' : 'private')}</span>{' '}
              <span class="meta">{item.companies.map((company) => company.name).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CasePage({ page, dossier, evidence, imports = null }: { page: PageContext; dossier: CaseDossier; evidence: EvidenceOverview; imports?: ArticleImport[] | null }) {
  const { t } = page;
  const { case: detail, names } = dossier;
  const sourceTitle = new Map(dossier.sources.map((source) => [source.id, source]));
  const SourceLink = ({ id }: { id: string | null }) => {
    const source = id ? sourceTitle.get(id) : undefined;
    if (!source) return null;
    return <span class="meta">{source.url ? <a href={source.url}>{source.title}</a> : source.title}</span>;
  };
  return (
    <article>
      <h1 dir="auto">{detail.title}</h1>
      <p class="meta">
        <span class="badge">{t(detail.visibility === 'published' ? 'published' : 'private')}</span>{' '}
        {detail.companies.length > 0 && (
          <span>
            {t('companies')}: {detail.companies.map((company) => company.name).join(', ')}
          </span>
        )}
      </p>
      {detail.summary && <p dir="auto">{detail.summary}</p>}

      <h2>{t('allegations')}</h2>
      {dossier.allegations.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        <ul>
          {dossier.allegations.map((allegation) => (
            <li dir="auto">
              {allegation.statement} <span class="badge">{t(`allegation.${allegation.status}`)}</span>{' '}
              {typeof allegation.confidential === 'string' && (
                <span class="meta">
                  [{t('confidential')}: {allegation.confidential}]{' '}
                </span>
              )}
              {allegation.sourceIds.map((id) => (
                <SourceLink id={id} />
              ))}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('letters')}</h2>
      {dossier.letters.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        dossier.letters.map((letter) => (
          <section aria-label={letter.subject}>
            <h3 dir="auto">
              <a href={`/letters/${letter.id}`}>{letter.subject}</a>
            </h3>
            <LetterDetails page={page} letter={letter} headingLevel={4} />
            {letter.questions.length > 0 && (
              <>
                <h4>{t('questions')}</h4>
                <ol>
                  {letter.questions.map((question) => (
                    <li dir="auto">{question.text}</li>
                  ))}
                </ol>
              </>
            )}
          </section>
        ))
      )}

      <h2>{t('statements')}</h2>
      {dossier.statements.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        dossier.statements.map((statement) => (
          <figure>
            <blockquote dir="auto">{statement.quote}</blockquote>
            <figcaption>
              — {names[statement.speakerPersonId ?? ''] ?? names[statement.speakerOrganizationId ?? '']} <DateText page={page} value={statement.statedOn} />{' '}
              <SourceLink id={statement.sourceId} />
            </figcaption>
          </figure>
        ))
      )}

      <h2>{t('timeline')}</h2>
      {dossier.timeline.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        <ol class="timeline">
          {dossier.timeline.map((item) => (
            <li>
              <DateText page={page} value={item.date} />
              <div>
                <strong>{t(`timeline.${item.kind}`)}</strong>
                {item.organization && <span class="meta"> · {item.organization}</span>}
                <div dir="auto">{item.label}</div>
                <SourceLink id={item.kind === 'source_published' ? null : item.sourceId} />
              </div>
            </li>
          ))}
        </ol>
      )}

      <h2>{t('sources')}</h2>
      {dossier.sources.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        <ul>
          {dossier.sources.map((source) => (
            <li>
              {source.url ? <a href={source.url}>{source.title}</a> : source.title} <span class="meta">{[source.publisher, source.publishedOn && formatPartialDate(source.publishedOn, page.locale)].filter(Boolean).join(', ')}</span>
              {typeof source.confidential === 'string' && (
                <span class="meta">
                  {' '}
                  [{t('confidential')}: {source.confidential}]
                </span>
              )}
            </li>
          ))}
        </ul>
      )}

      <EvidencePanel page={page} caseId={detail.id} published={detail.visibility === 'published'} evidence={evidence} sources={dossier.sources} />
      <ImportPanel page={page} caseId={detail.id} imports={imports} />
    </article>
  );
}

export function registerCasePages(app: Hono<AppEnv>): void {
  app.get('/', (c) => c.redirect('/cases', 302));
  app.get('/cases', async (c) => {
    const cases = await listCases(c.var.services, c.var.actor, { limit: 500 });
    return renderPage(c, ({ t }) => t('cases'), (page) => <CaseList page={page} cases={cases} />);
  });
  app.get('/cases/:reference', async (c) => {
    const dossier = await getCaseDossier(c.var.services, c.var.actor, c.req.param('reference'));
    const evidence = await getEvidenceOverview(c.var.services, c.var.actor, dossier.case.id);
    const imports = await importsForCasePage(c, dossier.case.id);
    return renderPage(c, () => dossier.case.title, (page) => <CasePage page={page} dossier={dossier} evidence={evidence} imports={imports} />);
  });
}
