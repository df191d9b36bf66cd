import { isoNow } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { type CaseAccess, findCaseAccess } from '../cases/case-access.ts';
import { commitmentState } from '../commitments/commitment-status.ts';
import { isLetterPublic } from '../letters/letter.ts';
import { computeLetterStatus } from '../letters/letter-status.ts';
import { loadLetters } from '../letters/letters.repository.ts';
import { loadResponses } from '../responses/responses.service.ts';
import type { Actor } from '../users/actor.ts';
import { computeScorecard, type Scorecard } from './scorecard.ts';

/**
 * A company's scorecard over the letters and promises the actor may read: the public sees the
 * published record; members of a case see its embargoed letters too. Respondents have none.
 */
export async function getCompanyScorecard(ctx: ServiceContext, actor: Actor, companyId: string): Promise<Scorecard> {
  if (actor.role === 'respondent') throw AppError.notFound('Company');
  const company = await ctx.db.selectFrom('organizations').select(['id', 'name', 'kind']).where('id', '=', companyId).executeTakeFirst();
  if (!company || company.kind !== 'company') throw AppError.notFound('Company');
  const now = ctx.clock.now();
  const nowIso = isoNow(ctx.clock);
  const accessByCase = new Map<string, CaseAccess | undefined>();
  const accessTo = async (caseId: string) => {
    if (!accessByCase.has(caseId)) accessByCase.set(caseId, await findCaseAccess(ctx.db, actor, caseId));
    return accessByCase.get(caseId);
  };
  const letterIds = (await ctx.db.selectFrom('letters').select('id').where('recipient_id', '=', companyId).execute()).map((row) => row.id);
  const readable = [];
  for (const letter of await loadLetters(ctx.db, { ids: letterIds })) {
    const access = await accessTo(letter.caseId);
    if (access && (access.isInsider || isLetterPublic(letter, nowIso))) readable.push(letter);
  }
  // The company must be visible to the actor through at least one case, or be named in a readable letter.
  const commitments = await ctx.db.selectFrom('commitments').select(['case_id', 'status', 'due_on']).where('company_id', '=', companyId).execute();
  const readableCommitments = [];
  for (const commitment of commitments) if (await accessTo(commitment.case_id)) readableCommitments.push(commitment);
  if (readable.length === 0 && readableCommitments.length === 0 && actor.role === 'public') throw AppError.notFound('Company');
  const ids = readable.map((letter) => letter.id);
  const [responses, extensions] = await Promise.all([
    loadResponses(ctx.db, { letterIds: ids }),
    ids.length ? ctx.db.selectFrom('deadline_extensions').select('letter_id').where('letter_id', 'in', ids).execute() : Promise.resolve([]),
  ]);
  return computeScorecard({
    company: { id: company.id, name: company.name },
    now,
    letters: readable.map((letter) => ({
      id: letter.id,
      subject: letter.subject,
      sentOn: letter.sentOn,
      sentAt: letter.sentAt,
      deadlineAt: letter.responseDeadline?.at ?? null,
      deadlineDate: letter.responseDeadline?.date ?? null,
      status: computeLetterStatus({ letter, responses: responses.filter((response) => response.letterId === letter.id), approvals: [], now }),
    })),
    commitmentStates: readableCommitments.map((commitment) => commitmentState({ status: commitment.status as never, dueOn: commitment.due_on }, nowIso.slice(0, 10))),
    extensionsRequested: extensions.length,
  });
}

/** A company by its id or exact name, for the CLI. */
export async function findCompanyId(ctx: ServiceContext, reference: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('organizations')
    .select('id')
    .where('kind', '=', 'company')
    .where((eb) => eb.or([eb('id', '=', reference), eb('name', '=', reference)]))
    .executeTakeFirst();
  if (!row) throw AppError.notFound('Company');
  return row.id;
}
