import type { Hono } from 'hono';
import { type AppEnv, validationError } from '../../shared/http.ts';
import { CsrfField, type PageContext } from '../../shared/ui/layout.tsx';
import { renderPage } from '../../shared/ui/render.tsx';
import { requireStaff } from '../users/actor.ts';
import { commitmentDecisionInput, decideCommitment, type FollowUp, listFollowUps } from './follow-ups.service.ts';

function FollowUpsPage({ page, items }: { page: PageContext; items: FollowUp[] }) {
  const { t } = page;
  return (
    <section>
      <h1>{t('followUps')}</h1>
      {items.length === 0 ? (
        <p>{t('noneYet')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li>
              <blockquote>{item.commitment.text}</blockquote>
              <span class="badge">{t(`commitment.${item.commitment.state}`)}</span> <span class="meta">{item.dueOn}</span>
              <form method="post" action={`/commitments/${item.commitment.id}/decide`}>
                <CsrfField page={page} />
                <label for={`note-${item.id}`}>{t('note')}</label>
                <input id={`note-${item.id}`} name="note" type="text" />
                <label for={`source-${item.id}`}>{t('evidenceSource')}</label>
                <input id={`source-${item.id}`} name="sourceId" type="text" />
                <button type="submit" name="status" value="kept">
                  {t('kept')}
                </button>{' '}
                <button type="submit" name="status" value="broken">
                  {t('broken')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function registerFollowUpPages(app: Hono<AppEnv>): void {
  app.get('/follow-ups', async (c) => {
    requireStaff(c.var.actor);
    const items = await listFollowUps(c.var.services, c.var.actor);
    return renderPage(c, ({ t }) => t('followUps'), (page) => <FollowUpsPage page={page} items={items} />);
  });
  app.post('/commitments/:id/decide', async (c) => {
    const form = await c.req.parseBody();
    const input = commitmentDecisionInput.safeParse({ status: form.status, note: typeof form.note === 'string' ? form.note : '', sourceId: typeof form.sourceId === 'string' && form.sourceId.trim() ? form.sourceId.trim() : null });
    if (!input.success) throw validationError(input.error.issues);
    await decideCommitment(c.var.services, c.var.actor, c.req.param('id'), input.data);
    return c.redirect('/follow-ups', 303);
  });
}
