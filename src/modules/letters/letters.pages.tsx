import type { Hono } from 'hono';
import { AppError } from '../../shared/errors.ts';
import type { AppEnv } from '../../shared/http.ts';
import { formatInstant, formatPartialDate } from '../../shared/partial-date.ts';
import { CsrfField, type PageContext } from '../../shared/ui/layout.tsx';
import { renderPage } from '../../shared/ui/render.tsx';
import { mailOf } from '../mail/mailer.ts';
import { classifyAnswer } from '../responses/classification.service.ts';
import { answerClassifications, type LetterResponse } from '../responses/response.ts';
import { listResponses } from '../responses/responses.service.ts';
import { loadAttachments } from '../portal/portal.service.ts';
import type { ResponseAttachment } from '../portal/portal.ts';
import { inviteRespondent } from '../portal/invitations.service.ts';
import { deadlineHistory, decideExtension, listExtensions } from './extensions.service.ts';
import type { Letter } from './letter.ts';
import { LetterDetails } from './letter-details.tsx';
import { contactInput, type DeadlineExtension, extensionDecisionInput, publishLetterInput, sendLetterInput } from './letter-lifecycle.ts';
import { approveLetter, getLetterStatus, publishLetter, sendLetter } from './letter-lifecycle.service.ts';
import type { LetterStatus } from './letter-status.ts';
import { requireLetterReader } from './letters.service.ts';
import { validationError } from '../../shared/http.ts';
import { z } from 'zod';

/** The status in words, as the pages show it: "No response — overdue by 10 days, since October 10, 2025". */
export function LetterStatusText({ page, status }: { page: PageContext; status: LetterStatus }) {
  const { t } = page;
  const timing =
    status.overdueByDays !== null
      ? t('overdueBy', { days: status.overdueByDays, date: formatPartialDate(status.overdueSince!, page.locale) })
      : status.dueInDays !== null
        ? status.dueInDays === 0
          ? t('dueToday')
          : t('dueInDays', { days: status.dueInDays })
        : null;
  return (
    <span class="status">
      <strong class={`badge state-${status.state}`}>{t(`state.${status.state}`)}</strong>
      {timing && <span> — {timing}</span>} <span class="meta">({t(`stage.${status.stage}`)})</span>
    </span>
  );
}

export function QuestionList({ page, letter, status, answers }: { page: PageContext; letter: Letter; status: LetterStatus; answers?: Map<number, string> }) {
  const stateOf = new Map(status.questions.map((question) => [question.number, question.state]));
  return (
    <ol>
      {letter.questions.map((question) => (
        <li>
          {question.text} <span class={`badge question-${stateOf.get(question.number)}`}>{page.t(`question.${stateOf.get(question.number)!}`)}</span>
          {answers?.get(question.number) && <blockquote>{answers.get(question.number)}</blockquote>}
        </li>
      ))}
    </ol>
  );
}

export function ResponseList({ page, letter, responses, attachments, canClassify }: { page: PageContext; letter: Letter; responses: LetterResponse[]; attachments: ResponseAttachment[]; canClassify: boolean }) {
  const { t } = page;
  if (responses.length === 0) return <p>{t('noneYet')}</p>;
  return (
    <>
      {responses.map((response) => (
        <section aria-label={response.id} class="response">
          <h3>
            <time datetime={response.receivedOn}>{formatPartialDate(response.receivedOn, page.locale)}</time>
            {response.supersedesId && <span class="meta"> · {t('corrects')}</span>}
          </h3>
          {response.submittedAt && <p class="meta">{t('submittedBy', { name: response.submittedBy ?? '', at: response.submittedAt })}</p>}
          {response.sha256 && (
            <p class="meta">
              {t('receipt')}: <code>{response.sha256}</code>
            </p>
          )}
          {response.text && <blockquote>{response.text}</blockquote>}
          <ol>
            {response.answers.map((answer) => (
              <li value={answer.questionNumber}>
                <blockquote>{answer.text}</blockquote>
                {answer.classification && (
                  <span class="badge">
                    {t(`question.${answer.classification}`)}
                    {answer.classifiedBy && ` · ${answer.classifiedBy}`}
                  </span>
                )}
                {canClassify && (
                  <form method="post" action={`/responses/${response.id}/classify`} class="inline">
                    <CsrfField page={page} />
                    <input type="hidden" name="letterId" value={letter.id} />
                    <input type="hidden" name="question" value={String(answer.questionNumber)} />
                    <select name="classification" aria-label={t('classify')}>
                      {answerClassifications.map((value) => (
                        <option value={value} selected={value === answer.classification}>
                          {t(`question.${value}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit">{t('classify')}</button>
                  </form>
                )}
              </li>
            ))}
          </ol>
          {attachments.filter((attachment) => attachment.responseId === response.id).length > 0 && (
            <ul>
              {attachments
                .filter((attachment) => attachment.responseId === response.id)
                .map((attachment) => (
                  <li>
                    <a href={`/api/v1/letters/${letter.id}/attachments/${attachment.id}`}>{attachment.filename}</a>{' '}
                    <span class="meta">
                      {attachment.contentType}, {attachment.size} B, SHA-256 {attachment.sha256}
                    </span>
                  </li>
                ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

export function ExtensionList({ page, letter, extensions, canDecide }: { page: PageContext; letter: Letter; extensions: DeadlineExtension[]; canDecide: boolean }) {
  const { t } = page;
  const history = deadlineHistory(letter, extensions);
  const when = (instant: string) => formatInstant(instant, page.locale, letter.responseDeadline?.timeZone ?? 'UTC');
  return (
    <>
      <h3>{t('deadlines')}</h3>
      {history.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        <ol>
          {history.map((entry, index) => (
            <li>{index < history.length - 1 ? <del>{when(entry.at)}</del> : <strong>{when(entry.at)}</strong>}</li>
          ))}
        </ol>
      )}
      <h3>{t('extensions')}</h3>
      {extensions.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        <ul>
          {extensions.map((extension) => (
            <li>
              {extension.requestedBy}: {when(extension.requestedDeadlineAt)} — {extension.reason} <span class="badge">{extension.status}</span>
              {extension.decidedBy && <span class="meta"> ({extension.decidedBy}{extension.decisionNote ? `: ${extension.decisionNote}` : ''})</span>}
              {canDecide && extension.status === 'pending' && (
                <form method="post" action={`/extensions/${extension.id}/decide`} class="inline">
                  <CsrfField page={page} />
                  <input type="hidden" name="letterId" value={letter.id} />
                  <label for={`note-${extension.id}`}>{t('note')}</label>
                  <input id={`note-${extension.id}`} name="note" type="text" />
                  <button type="submit" name="decision" value="granted">
                    {t('grant')}
                  </button>
                  <button type="submit" name="decision" value="refused">
                    {t('refuse')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface LetterPageData {
  letter: Letter;
  status: LetterStatus;
  responses: LetterResponse[];
  attachments: ResponseAttachment[];
  extensions: DeadlineExtension[];
  isInsider: boolean;
  canEdit: boolean;
  outboxDir: string | undefined;
}

function LetterPage({ page, data }: { page: PageContext; data: LetterPageData }) {
  const { t } = page;
  const { letter, status, canEdit } = data;
  const sent = letter.sentAt !== null || letter.sentOn !== null;
  return (
    <article>
      <h1>{letter.subject}</h1>
      <p>
        {t('letterStatus')}: <LetterStatusText page={page} status={status} />
      </p>
      {letter.publishAt && status.stage !== 'published' && <p class="meta">{t('embargoedUntil', { at: letter.publishAt })}</p>}
      <LetterDetails page={page} letter={letter} />
      <h2>{t('questions')}</h2>
      <QuestionList page={page} letter={letter} status={status} />

      {data.isInsider && (
        <>
          <h2>{t('approvals')}</h2>
          <ul>
            {status.approvals.map((approval) => (
              <li>
                {approval.organizationName}: {approval.approvedBy ? `${approval.approvedBy} (${approval.approvedAt})` : <em>{t('waiting')}</em>}
              </li>
            ))}
          </ul>
          {!sent && (
            <form method="post" action={`/letters/${letter.id}/approve`}>
              <CsrfField page={page} />
              <button type="submit">{t('approve')}</button>
            </form>
          )}
        </>
      )}

      {canEdit && (
        <>
          <p class="meta">{data.outboxDir ? t('outboxNotice', { dir: data.outboxDir }) : t('smtpNotice')}</p>
          {!sent ? (
            <form method="post" action={`/letters/${letter.id}/send`}>
              <h2>{t('sendLetter')}</h2>
              <CsrfField page={page} />
              <label for="contacts">{t('contacts')}</label>
              <textarea id="contacts" name="contacts" rows={3} aria-describedby="contacts-help" required></textarea>
              <p id="contacts-help" class="meta">
                {t('contactsHelp')}
              </p>
              <button type="submit">{t('sendLetter')}</button>
            </form>
          ) : (
            <>
              <h2>{t('publish')}</h2>
              <form method="post" action={`/letters/${letter.id}/publish`}>
                <CsrfField page={page} />
                <label for="at">{t('publishAt')}</label>
                <input id="at" name="at" type="text" />
                <button type="submit">{t('schedule')}</button>{' '}
                <button type="submit" name="now" value="1">
                  {t('publishNow')}
                </button>
              </form>
              <form method="post" action={`/letters/${letter.id}/invite`}>
                <CsrfField page={page} />
                <label for="invite">{t('inviteContact')}</label>
                <input id="invite" name="email" type="email" required />
                <button type="submit">{t('inviteContact')}</button>
              </form>
            </>
          )}
        </>
      )}

      {sent && (
        <>
          <h2>{t('extensions')}</h2>
          <ExtensionList page={page} letter={letter} extensions={data.extensions} canDecide={canEdit} />
          <h2>{t('responses')}</h2>
          <ResponseList page={page} letter={letter} responses={data.responses} attachments={data.attachments} canClassify={canEdit} />
        </>
      )}
    </article>
  );
}

/** "Name <email>" or "email", one per line. */
export function parseContacts(text: string): { email: string; name: string | null }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*)<([^>]+)>$/.exec(line);
      return match ? { name: match[1]!.trim() || null, email: match[2]!.trim() } : { name: null, email: line };
    });
}

function parsed<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}

const formText = (value: unknown) => (typeof value === 'string' ? value : '');

/** The staff page of a letter: its status, approvals, sending, publication, extensions and responses. Read-only for the public. */
export function registerLetterPages(app: Hono<AppEnv>): void {
  app.get('/letters/:id', async (c) => {
    const services = c.var.services;
    const letterId = c.req.param('id');
    if (c.var.actor.role === 'respondent') return c.redirect(`/portal/letters/${encodeURIComponent(letterId)}`, 302);
    const { letter, access } = await requireLetterReader(services, services.db, c.var.actor, letterId);
    const [status, responses, attachments, extensions] = await Promise.all([
      getLetterStatus(services, c.var.actor, letterId),
      listResponses(services, c.var.actor, letterId),
      loadAttachments(services.db, letterId),
      listExtensions(services, c.var.actor, letterId),
    ]);
    const mail = mailOf(services);
    const data: LetterPageData = { letter, status, responses, attachments, extensions, isInsider: access.isInsider, canEdit: access.canEdit, outboxDir: mail.mailer.outboxDir };
    return renderPage(c, () => letter.subject, (page) => <LetterPage page={page} data={data} />);
  });

  const back = (letterId: string) => `/letters/${encodeURIComponent(letterId)}`;
  app.post('/letters/:id/approve', async (c) => {
    await approveLetter(c.var.services, c.var.actor, c.req.param('id'));
    return c.redirect(back(c.req.param('id')), 303);
  });
  app.post('/letters/:id/send', async (c) => {
    const form = await c.req.parseBody();
    await sendLetter(c.var.services, c.var.actor, c.req.param('id'), parsed(sendLetterInput, { contacts: parseContacts(formText(form.contacts)) }));
    return c.redirect(back(c.req.param('id')), 303);
  });
  app.post('/letters/:id/publish', async (c) => {
    const form = await c.req.parseBody();
    const at = form.now ? null : formText(form.at).trim() || null;
    await publishLetter(c.var.services, c.var.actor, c.req.param('id'), parsed(publishLetterInput, { at }));
    return c.redirect(back(c.req.param('id')), 303);
  });
  app.post('/letters/:id/invite', async (c) => {
    const form = await c.req.parseBody();
    await inviteRespondent(c.var.services, c.var.actor, c.req.param('id'), parsed(contactInput, { email: formText(form.email) }));
    return c.redirect(back(c.req.param('id')), 303);
  });
  app.post('/extensions/:id/decide', async (c) => {
    const form = await c.req.parseBody();
    await decideExtension(c.var.services, c.var.actor, c.req.param('id'), parsed(extensionDecisionInput, { decision: form.decision, note: formText(form.note) }));
    return c.redirect(back(formText(form.letterId)), 303);
  });
  app.post('/responses/:id/classify', async (c) => {
    const form = await c.req.parseBody();
    const question = Number(formText(form.question));
    if (!Number.isInteger(question)) throw AppError.invalid('question', 'must be a question number');
    const classification = parsed(z.enum(answerClassifications), form.classification);
    await classifyAnswer(c.var.services, c.var.actor, c.req.param('id'), question, classification);
    return c.redirect(back(formText(form.letterId)), 303);
  });
}
