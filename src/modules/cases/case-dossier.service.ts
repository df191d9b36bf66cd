import type { ServiceContext } from '../../shared/service-context.ts';
import { listCompanyActions } from '../actions/company-actions.service.ts';
import type { CompanyAction } from '../actions/company-action.ts';
import { listAllegations } from '../allegations/allegations.service.ts';
import type { Allegation } from '../allegations/allegation.ts';
import { listCommitments } from '../commitments/commitments.service.ts';
import type { Commitment } from '../commitments/commitment.ts';
import { listEvents } from '../events/events.service.ts';
import type { CaseEvent } from '../events/event.ts';
import { listLetters } from '../letters/letters.service.ts';
import type { Letter } from '../letters/letter.ts';
import { loadResponses } from '../responses/responses.service.ts';
import type { LetterResponse } from '../responses/response.ts';
import { listSources } from '../sources/sources.service.ts';
import type { Source } from '../sources/source.ts';
import { listStatements } from '../statements/statements.service.ts';
import type { Statement } from '../statements/statement.ts';
import { getCaseTimeline } from '../timeline/timeline.service.ts';
import type { TimelineItem } from '../timeline/timeline.ts';
import type { Actor } from '../users/actor.ts';
import type { CaseDetail } from './case.ts';
import { getCaseByReference } from './cases.service.ts';

/** Everything a case holds that the actor may read, with the names its records refer to. */
export interface CaseDossier {
  case: CaseDetail;
  sources: Source[];
  allegations: Allegation[];
  letters: (Letter & { responses: LetterResponse[] })[];
  statements: Statement[];
  companyActions: CompanyAction[];
  commitments: Commitment[];
  events: CaseEvent[];
  timeline: TimelineItem[];
  /** Names of the organisations and people the records refer to, by id. */
  names: Record<string, string>;
}

export async function getCaseDossier(ctx: ServiceContext, actor: Actor, caseReference: string): Promise<CaseDossier> {
  const detail = await getCaseByReference(ctx, actor, caseReference);
  const caseId = detail.id;
  const [sources, allegations, letters, statements, companyActions, commitments, events, timeline] = await Promise.all([
    listSources(ctx, actor, caseId),
    listAllegations(ctx, actor, caseId),
    listLetters(ctx, actor, { caseId }),
    listStatements(ctx, actor, caseId),
    listCompanyActions(ctx, actor, caseId),
    listCommitments(ctx, actor, caseId),
    listEvents(ctx, actor, caseId),
    getCaseTimeline(ctx, actor, caseId),
  ]);
  const responses = await loadResponses(ctx.db, { letterIds: letters.map((letter) => letter.id) });
  const organizationIds = [
    ...statements.flatMap((statement) => statement.speakerOrganizationId ?? []),
    ...companyActions.map((action) => action.companyId),
    ...commitments.map((commitment) => commitment.companyId),
  ];
  const personIds = statements.flatMap((statement) => statement.speakerPersonId ?? []);
  const [organizations, people] = await Promise.all([
    organizationIds.length ? ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', organizationIds).execute() : [],
    personIds.length ? ctx.db.selectFrom('people').select(['id', 'name']).where('id', 'in', personIds).execute() : [],
  ]);
  return {
    case: detail,
    sources,
    allegations,
    letters: letters.map((letter) => ({ ...letter, responses: responses.filter((response) => response.letterId === letter.id) })),
    statements,
    companyActions,
    commitments,
    events,
    timeline,
    names: Object.fromEntries([...organizations, ...people].map(({ id, name }) => [id, name])),
  };
}
