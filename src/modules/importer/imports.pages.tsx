import type { Context, Hono } from 'hono';
import { AppError } from '../../shared/errors.ts';
import type { AppEnv } from '../../shared/http.ts';
import type { MessageKey } from '../../shared/ui/i18n.ts';
import { CsrfField, type PageContext } from '../../shared/ui/layout.tsx';
import { renderPage } from '../../shared/ui/render.tsx';
import { findCaseAccess } from '../cases/case-access.ts';
import { getCaseByReference } from '../cases/cases.service.ts';
import { eventTypes, orgKinds } from './extraction/types.ts';
import type { ArticleImport, ImportReview, Suggestion, SuggestionKind } from './import.ts';
import { getImportReview, importArticle, listImports } from './import-article.service.ts';
import { acceptSuggestion, getSuggestion, rejectSuggestion } from './review-suggestion.service.ts';

/**
 * The importer in the workspace: a form on the case page (editors only), and the review page —
 * the article's text with each suggestion's span marked, beside the suggestions with Accept, Edit
 * (a form with its fields filled in, inside <details>) and Reject. Plain forms and anchors: no
 * JavaScript.
 */

/** The case page's import form and list of imports; nothing for those who may not edit the case. */
export function ImportPanel({ page, caseId, imports }: { page: PageContext; caseId: string; imports: ArticleImport[] | null }) {
  const { t } = page;
  if (imports === null) return null;
  return (
    <section id="imports" aria-labelledby="imports-heading">
      <h2 id="imports-heading">{t('importArticle')}</h2>
      <form method="post" action={`/cases/${caseId}/imports`} enctype="multipart/form-data">
        <CsrfField page={page} />
        <label for="import-url">{t('importUrl')}</label>
        <input id="import-url" name="url" type="url" dir="ltr" />
        <label for="import-file">{t('importFile')}</label>
        <input id="import-file" name="file" type="file" accept=".txt,.html,.htm,text/plain,text/html" />
        <label for="import-published">{t('importPublished')}</label>
        <input id="import-published" name="published" type="date" />{' '}
        <button type="submit">{t('importButton')}</button>
      </form>
      {imports.length > 0 && (
        <>
          <h3>{t('imports')}</h3>
          <ul>
            {imports.map((item) => (
              <li>
                <a href={`/imports/${item.id}`} dir="auto">
                  {item.title}
                </a>{' '}
                <span class="meta">{t('suggestionCounts', item.counts)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The imports of a case for its editors; null for everyone else (the panel is then left out). */
export async function importsForCasePage(c: Context<AppEnv>, caseId: string): Promise<ArticleImport[] | null> {
  const access = await findCaseAccess(c.var.services.db, c.var.actor, caseId);
  return access?.canEdit ? listImports(c.var.services, c.var.actor, caseId) : null;
}

interface Segment {
  start: number;
  end: number;
  covering: Suggestion[];
}

/** The text cut at every span boundary, each piece with the suggestions whose spans cover it. */
function segmentsOf(text: string, suggestions: Suggestion[]): Segment[] {
  const cuts = new Set([0, text.length]);
  const spans = suggestions.filter((s) => s.span[1] > s.span[0] && s.span[0] >= 0 && s.span[1] <= text.length);
  for (const s of spans) cuts.add(s.span[0]).add(s.span[1]);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    segments.push({ start, end, covering: spans.filter((s) => s.span[0] <= start && s.span[1] >= end) });
  }
  return segments;
}

function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, index) => (
        <>
          {line}
          {index < lines.length - 1 && <br />}
        </>
      ))}
    </>
  );
}

function ArticleText({ review }: { review: ImportReview }) {
  const starts = new Map<number, Suggestion[]>();
  for (const s of review.suggestions) starts.set(s.span[0], [...(starts.get(s.span[0]) ?? []), s]);
  return (
    <div class="article-text" dir="auto">
      {segmentsOf(review.text, review.suggestions).map((segment) => {
        const anchors = (starts.get(segment.start) ?? []).map((s) => <span id={`span-${s.position}`} />);
        const piece = <Lines text={review.text.slice(segment.start, segment.end)} />;
        // The innermost (shortest) span decides what a marked piece links to.
        const innermost = [...segment.covering].sort((a, b) => a.span[1] - a.span[0] - (b.span[1] - b.span[0]))[0];
        return (
          <>
            {anchors}
            {innermost ? (
              <mark class={`kind-${innermost.kind}`} title={segment.covering.map((s) => `#${s.position + 1} ${s.kind}`).join(', ')}>
                <a href={`#suggestion-${innermost.position}`}>{piece}</a>
              </mark>
            ) : (
              piece
            )}
          </>
        );
      })}
    </div>
  );
}

function summaryOf(suggestion: Suggestion): string {
  const p = suggestion.payload as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
  switch (suggestion.kind) {
    case 'organization':
      return `${String(p.name)} (${String(p.kind)})${list(p.aliases) ? ` · ${list(p.aliases)}` : ''}`;
    case 'person':
      return [p.name, p.title, p.affiliation].filter(Boolean).join(', ');
    case 'quote':
      return `${String(p.speaker)}: “${String(p.text)}”`;
    case 'event':
      return `${String(p.date ?? '?')} · ${String(p.type)} · ${[p.actor, p.target].filter(Boolean).join(' → ')}`;
    case 'letter':
      return `${list(p.senders) || '?'} → ${String(p.recipient)} · ${p.questionCount ?? '?'} Q · sent ${p.sent ?? '?'} · due ${p.deadline ?? '?'} · public ${p.published ?? '?'}`;
  }
}

type FieldSpec = { name: string; type: 'text' | 'textarea' | 'number' | 'list' | 'date' } | { name: string; type: 'select'; options: readonly string[]; optional?: boolean };

const fieldsOf: Record<SuggestionKind, FieldSpec[]> = {
  organization: [{ name: 'name', type: 'text' }, { name: 'kind', type: 'select', options: orgKinds }, { name: 'aliases', type: 'list' }],
  person: [{ name: 'name', type: 'text' }, { name: 'title', type: 'text' }, { name: 'affiliation', type: 'text' }],
  quote: [{ name: 'speaker', type: 'text' }, { name: 'text', type: 'textarea' }, { name: 'statedOn', type: 'date' }],
  event: [
    { name: 'type', type: 'select', options: eventTypes },
    { name: 'date', type: 'date' },
    { name: 'actor', type: 'text' },
    { name: 'target', type: 'text' },
    { name: 'evidence', type: 'textarea' },
  ],
  letter: [
    { name: 'senders', type: 'list' },
    { name: 'senderCount', type: 'number' },
    { name: 'recipient', type: 'text' },
    { name: 'questionCount', type: 'number' },
    { name: 'sent', type: 'date' },
    { name: 'deadline', type: 'date' },
    { name: 'published', type: 'date' },
  ],
};

function EditForm({ page, suggestion }: { page: PageContext; suggestion: Suggestion }) {
  const { t } = page;
  const values = suggestion.payload as Record<string, unknown>;
  const idOf = (name: string) => `s${suggestion.position}-${name}`;
  return (
    <details>
      <summary>{t('edit')}</summary>
      <form method="post" action={`/suggestions/${suggestion.id}/accept`}>
        <CsrfField page={page} />
        <input type="hidden" name="edited" value="1" />
        {fieldsOf[suggestion.kind].map((field) => {
          const value = values[field.name];
          const label = (
            <label for={idOf(field.name)}>
              {t(`field.${field.name}` as MessageKey)}
              {field.type === 'list' && <span class="meta"> ({t('onePerLine')})</span>}
              {field.type === 'date' && <span class="meta"> (YYYY, YYYY-MM, YYYY-MM-DD)</span>}
            </label>
          );
          if (field.type === 'select') {
            return (
              <>
                {label}
                <select id={idOf(field.name)} name={field.name}>
                  {field.options.map((option) => (
                    <option value={option} selected={option === value}>
                      {option}
                    </option>
                  ))}
                </select>
              </>
            );
          }
          if (field.type === 'textarea' || field.type === 'list') {
            const text = field.type === 'list' ? (Array.isArray(value) ? value.join('\n') : '') : String(value ?? '');
            return (
              <>
                {label}
                <textarea id={idOf(field.name)} name={field.name} rows={field.type === 'list' ? 3 : 4} dir="auto">
                  {text}
                </textarea>
              </>
            );
          }
          return (
            <>
              {label}
              <input id={idOf(field.name)} name={field.name} type={field.type === 'number' ? 'number' : 'text'} value={value === null || value === undefined ? '' : String(value)} dir="auto" />
            </>
          );
        })}{' '}
        <button type="submit">{t('acceptEdited')}</button>
      </form>
    </details>
  );
}

function SuggestionItem({ page, suggestion }: { page: PageContext; suggestion: Suggestion }) {
  const { t } = page;
  return (
    <li id={`suggestion-${suggestion.position}`} class={`suggestion status-${suggestion.status}`}>
      <div>
        <strong>{t(`kind.${suggestion.kind}` as MessageKey)}</strong> <span class="badge">{t(`suggestion.${suggestion.status}` as MessageKey)}</span>{' '}
        <a href={`#span-${suggestion.position}`} class="meta">
          {t('showInText')}
        </a>
      </div>
      <div dir="auto">{summaryOf(suggestion)}</div>
      {(suggestion.kind === 'organization' || suggestion.kind === 'person') && suggestion.status === 'pending' && (
        <div class="meta">{suggestion.match ? t('linksTo', { name: suggestion.match.name }) : t('willCreate')}</div>
      )}
      {suggestion.status === 'pending' ? (
        <>
          <form method="post" action={`/suggestions/${suggestion.id}/accept`} class="inline">
            <CsrfField page={page} />
            <button type="submit">{t('accept')}</button>
          </form>{' '}
          <form method="post" action={`/suggestions/${suggestion.id}/reject`} class="inline">
            <CsrfField page={page} />
            <button type="submit">{t('reject')}</button>
          </form>
          <EditForm page={page} suggestion={suggestion} />
        </>
      ) : (
        <div class="meta">
          {suggestion.decidedBy} · {suggestion.decidedAt?.slice(0, 16).replace('T', ' ')}
          {suggestion.result && (
            <>
              {' '}
              · {t('createdRecord')}: {suggestion.result.type} <code>{suggestion.result.id}</code>
            </>
          )}
        </div>
      )}
    </li>
  );
}

function ReviewPage({ page, review, caseSlug }: { page: PageContext; review: ImportReview; caseSlug: string }) {
  const { t } = page;
  return (
    <article>
      <p class="meta">
        <a href={`/cases/${caseSlug}#imports`}>← {t('backToCase')}</a>
      </p>
      <h1 dir="auto">{review.import.title}</h1>
      <p class="meta">
        {t('publishedOn')}: {review.import.published} · {t('suggestionCounts', review.import.counts)}
      </p>
      {review.import.notice && <p class="error">{review.import.notice}</p>}
      <div class="review">
        <section aria-labelledby="article-heading">
          <h2 id="article-heading">{t('articleText')}</h2>
          <ArticleText review={review} />
        </section>
        <section aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{t('suggestions')}</h2>
          <ol class="suggestions">
            {review.suggestions.map((suggestion) => (
              <SuggestionItem page={page} suggestion={suggestion} />
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}

const nullable = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The edit form's fields as a payload of the suggestion's kind (the service validates it). */
export function payloadFromForm(kind: SuggestionKind, form: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fieldsOf[kind]) {
    const value = form[field.name];
    if (field.type === 'list') {
      payload[field.name] = typeof value === 'string' ? value.split('\n').map((line) => line.trim()).filter(Boolean) : [];
    } else if (field.type === 'number') {
      const text = nullable(value);
      payload[field.name] = text === null ? null : /^\d+$/.test(text) ? Number(text) : text;
    } else if (field.type === 'text' || field.type === 'date' || field.type === 'select') {
      payload[field.name] = field.name === 'name' || field.name === 'speaker' || field.name === 'recipient' || field.type === 'select' ? (typeof value === 'string' ? value.trim() : '') : nullable(value);
    } else {
      payload[field.name] = typeof value === 'string' ? value.trim() : '';
    }
  }
  return payload;
}

export function registerImportPages(app: Hono<AppEnv>): void {
  app.post('/cases/:reference/imports', async (c) => {
    if (c.var.actor.role === 'public') throw new AppError('UNAUTHENTICATED');
    const detail = await getCaseByReference(c.var.services, c.var.actor, c.req.param('reference'));
    const form = await c.req.parseBody();
    const url = typeof form.url === 'string' ? form.url.trim() : '';
    const file = form.file instanceof File && form.file.size > 0 ? form.file : null;
    if (!url && !file) throw AppError.invalid('url', 'give the address of an article or choose a file');
    if (url && file) throw AppError.invalid('url', 'give an address or a file, not both');
    const published = typeof form.published === 'string' && form.published.trim() !== '' ? form.published.trim() : undefined;
    const from = file ? { file: { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name || null } } : { url };
    const review = await importArticle(c.var.services, c.var.actor, detail.id, from, { published });
    return c.redirect(`/imports/${review.import.id}`, 303);
  });

  app.get('/imports/:id', async (c) => {
    const review = await getImportReview(c.var.services, c.var.actor, c.req.param('id'));
    const detail = await getCaseByReference(c.var.services, c.var.actor, review.import.caseId);
    return renderPage(c, ({ t }) => `${t('reviewImport')}: ${review.import.title}`, (page) => <ReviewPage page={page} review={review} caseSlug={detail.slug} />);
  });

  app.post('/suggestions/:id/accept', async (c) => {
    const form = await c.req.parseBody();
    const id = c.req.param('id');
    let payload: Record<string, unknown> | undefined;
    if (form.edited === '1') {
      // The suggestion's kind decides which fields the form had.
      payload = payloadFromForm((await getSuggestion(c.var.services, c.var.actor, id)).kind, form);
    }
    const decided = await acceptSuggestion(c.var.services, c.var.actor, id, payload ? { payload } : {});
    return c.redirect(`/imports/${decided.importId}#suggestion-${decided.position}`, 303);
  });

  app.post('/suggestions/:id/reject', async (c) => {
    const decided = await rejectSuggestion(c.var.services, c.var.actor, c.req.param('id'));
    return c.redirect(`/imports/${decided.importId}#suggestion-${decided.position}`, 303);
  });
}
