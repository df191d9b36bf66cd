import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { sessionCookie, sessionCookieOptions } from '../../shared/cookies.ts';
import { AppError } from '../../shared/errors.ts';
import { type AppEnv, validationError } from '../../shared/http.ts';
import { CsrfField, NewPasswordField, type PageContext } from '../../shared/ui/layout.tsx';
import { renderPage } from '../../shared/ui/render.tsx';
import { requestExtension } from '../letters/extensions.service.ts';
import { extensionRequestInput } from '../letters/letter-lifecycle.ts';
import { LetterDetails } from '../letters/letter-details.tsx';
import { ExtensionList, LetterStatusText, QuestionList, ResponseList } from '../letters/letters.pages.tsx';
import { newTotpSecret, totpUri } from '../users/secrets.ts';
import { acceptInvitation, findInvitation } from './invitations.service.ts';
import { acceptInvitationInput, attachmentLimits, attachmentNameInput, type Invitation } from './portal.ts';
import { attachFile, getPortalLetter, listPortalLetters, type PortalLetter, type PortalLetterSummary, removeDraftAttachment, saveAnswerDraft, submitResponse } from './portal.service.ts';
import { currentResponses } from '../letters/letter-status.ts';

function PortalHome({ page, letters }: { page: PageContext; letters: PortalLetterSummary[] }) {
  const { t } = page;
  return (
    <section>
      <h1>{t('yourLetters')}</h1>
      {letters.length === 0 ? (
        <p>{t('noLetters')}</p>
      ) : (
        <ul>
          {letters.map(({ letter, status }) => (
            <li>
              <a href={`/portal/letters/${letter.id}`}>{letter.subject}</a> <span class="meta">{letter.signatories.join(', ')}</span> <LetterStatusText page={page} status={status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PortalLetterPage({ page, data }: { page: PageContext; data: PortalLetter }) {
  const { t } = page;
  const { letter, status } = data;
  const draftOf = new Map(data.drafts.map((draft) => [draft.questionNumber, draft.text]));
  // A correction starts from what was submitted last.
  const submitted = new Map(currentResponses(data.responses).flatMap((response) => response.answers.map((answer) => [answer.questionNumber, answer.text] as const)));
  return (
    <article>
      <h1>{letter.subject}</h1>
      <p>
        {t('letterStatus')}: <LetterStatusText page={page} status={status} />
      </p>
      <LetterDetails page={page} letter={letter} />
      <h2>{t('questions')}</h2>
      <QuestionList page={page} letter={letter} status={status} />

      <form method="post" action={`/portal/letters/${letter.id}/answers`}>
        <h2>{t('yourAnswer')}</h2>
        <CsrfField page={page} />
        {letter.questions.map((question) => (
          <>
            <label for={`answer-${question.number}`}>
              {question.number}. {question.text}
            </label>
            <textarea id={`answer-${question.number}`} name={`answer-${question.number}`} rows={5}>
              {draftOf.get(question.number) ?? submitted.get(question.number) ?? ''}
            </textarea>
          </>
        ))}
        <label for="coverNote">{t('coverNote')}</label>
        <textarea id="coverNote" name="coverNote" rows={3}></textarea>
        <p class="meta">{t('submitHelp')}</p>
        <p>
          <button type="submit" name="action" value="save">
            {t('saveDrafts')}
          </button>{' '}
          <button type="submit" name="action" value="submit">
            {t('submitResponse')}
          </button>
        </p>
      </form>

      <h2>{t('attachments')}</h2>
      <ul>
        {data.draftAttachments.map((attachment) => (
          <li>
            {attachment.filename} <span class="meta">({attachment.contentType}, {attachment.size} B)</span>
            <form method="post" action={`/portal/letters/${letter.id}/attachments/${attachment.id}/remove`} class="inline">
              <CsrfField page={page} />
              <button type="submit">×</button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`/portal/letters/${letter.id}/attachments`} enctype="multipart/form-data">
        <CsrfField page={page} />
        <label for="file">{t('attach')}</label>
        <input id="file" name="file" type="file" required aria-describedby="attach-help" accept={attachmentLimits.types.join(',')} />
        <p id="attach-help" class="meta">
          {t('attachHelp')}
        </p>
        <button type="submit">{t('attach')}</button>
      </form>

      <h2>{t('extensions')}</h2>
      <ExtensionList page={page} letter={letter} extensions={data.extensions} canDecide={false} />
      <form method="post" action={`/portal/letters/${letter.id}/extension`}>
        <h3>{t('requestExtension')}</h3>
        <CsrfField page={page} />
        <label for="deadline">{t('newDeadline')}</label>
        <input id="deadline" name="date" type="text" required pattern="\d{4}-\d{2}-\d{2}" />
        <label for="reason">{t('reason')}</label>
        <textarea id="reason" name="reason" rows={3} required></textarea>
        <button type="submit">{t('requestExtension')}</button>
      </form>

      <h2>{t('responses')}</h2>
      <ResponseList page={page} letter={letter} responses={data.responses} attachments={data.responses.flatMap((response) => response.attachments)} canClassify={false} />
    </article>
  );
}

function AcceptForm({ page, token, invitation, totpSecret, error }: { page: PageContext; token: string; invitation: Invitation; totpSecret: string; error?: string }) {
  const { t } = page;
  return (
    <section>
      <h1>{t('acceptTitle')}</h1>
      <p>{t('acceptHelp', { company: invitation.companyName })}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`/invitations/${encodeURIComponent(token)}`}>
        <CsrfField page={page} />
        <p>
          {t('email')}: <strong>{invitation.email}</strong>
        </p>
        <label for="name">{t('name')}</label>
        <input id="name" name="name" type="text" autocomplete="name" required />
        <NewPasswordField page={page} />
        <fieldset>
          <legend>{t('secondFactor')}</legend>
          <p class="meta">{t('secondFactorHelp')}</p>
          <p>
            <code>{totpSecret}</code>
          </p>
          <p class="meta">
            <code>{totpUri(totpSecret, invitation.email)}</code>
          </p>
          <input type="hidden" name="totpSecret" value={totpSecret} />
          <label for="totpCode">{t('totpCode')}</label>
          <input id="totpCode" name="totpCode" type="text" inputmode="numeric" autocomplete="one-time-code" />
        </fieldset>
        <p>
          <button type="submit">{t('createAccount')}</button>
        </p>
      </form>
    </section>
  );
}

const formText = (value: unknown) => (typeof value === 'string' ? value : '');

/** The company portal's pages: the letters sent to the respondent's company, answering, attachments, extensions; and accepting an invitation. */
export function registerPortalPages(app: Hono<AppEnv>): void {
  app.get('/portal', async (c) => {
    if (c.var.actor.role === 'public') return c.redirect('/sign-in', 302);
    const letters = await listPortalLetters(c.var.services, c.var.actor);
    return renderPage(c, ({ t }) => t('portal'), (page) => <PortalHome page={page} letters={letters} />);
  });
  app.get('/portal/letters/:id', async (c) => {
    const data = await getPortalLetter(c.var.services, c.var.actor, c.req.param('id'));
    return renderPage(c, () => data.letter.subject, (page) => <PortalLetterPage page={page} data={data} />);
  });
  const back = (letterId: string) => `/portal/letters/${encodeURIComponent(letterId)}`;
  app.post('/portal/letters/:id/answers', async (c) => {
    const letterId = c.req.param('id');
    const form = await c.req.parseBody();
    const { letter, drafts } = await getPortalLetter(c.var.services, c.var.actor, letterId);
    for (const question of letter.questions) {
      const text = formText(form[`answer-${question.number}`]).trim();
      const current = drafts.find((draft) => draft.questionNumber === question.number)?.text ?? '';
      if (text !== current) await saveAnswerDraft(c.var.services, c.var.actor, letterId, question.number, { text });
    }
    if (form.action === 'submit') await submitResponse(c.var.services, c.var.actor, letterId, { coverNote: formText(form.coverNote).trim() });
    return c.redirect(back(letterId), 303);
  });
  app.post('/portal/letters/:id/attachments', async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw AppError.invalid('file', 'choose a file to attach');
    const name = attachmentNameInput.safeParse({ filename: file.name });
    if (!name.success) throw validationError(name.error.issues);
    await attachFile(c.var.services, c.var.actor, c.req.param('id'), { filename: name.data.filename, bytes: Buffer.from(await file.arrayBuffer()) });
    return c.redirect(back(c.req.param('id')), 303);
  });
  app.post('/portal/letters/:id/attachments/:attachmentId/remove', async (c) => {
    await removeDraftAttachment(c.var.services, c.var.actor, c.req.param('id'), c.req.param('attachmentId'));
    return c.redirect(back(c.req.param('id')), 303);
  });
  app.post('/portal/letters/:id/extension', async (c) => {
    const form = await c.req.parseBody();
    const { letter } = await getPortalLetter(c.var.services, c.var.actor, c.req.param('id'));
    const input = extensionRequestInput.safeParse({
      reason: formText(form.reason),
      requestedDeadline: { date: formText(form.date).trim(), timeZone: letter.responseDeadline?.timeZone ?? 'UTC' },
    });
    if (!input.success) throw validationError(input.error.issues);
    await requestExtension(c.var.services, c.var.actor, letter.id, input.data);
    return c.redirect(back(letter.id), 303);
  });

  app.get('/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await findInvitation(c.var.services, token);
    const totpSecret = newTotpSecret();
    return renderPage(c, ({ t }) => t('acceptTitle'), (page) => <AcceptForm page={page} token={token} invitation={invitation} totpSecret={totpSecret} />);
  });
  app.post('/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const code = formText(form.totpCode).trim();
    const input = acceptInvitationInput.safeParse({
      name: formText(form.name),
      password: formText(form.password),
      // The second factor is on only when a code was typed to prove the app holds the key.
      ...(code ? { totpSecret: formText(form.totpSecret), totpCode: code } : {}),
    });
    if (!input.success) {
      const invitation = await findInvitation(c.var.services, token);
      const message = input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return renderPage(c, ({ t }) => t('acceptTitle'), (page) => <AcceptForm page={page} token={token} invitation={invitation} totpSecret={formText(form.totpSecret) || newTotpSecret()} error={message} />, 400);
    }
    const { sessionToken } = await acceptInvitation(c.var.services, token, input.data);
    setCookie(c, sessionCookie, sessionToken, sessionCookieOptions(c));
    return c.redirect('/portal', 303);
  });
}

