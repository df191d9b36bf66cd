import type { ServiceContext } from '../../shared/service-context.ts';
import { listAllegations } from '../allegations/allegations.service.ts';
import type { Allegation } from '../allegations/allegation.ts';
import type { Letter } from '../letters/letter.ts';
import type { LetterResponse } from '../responses/response.ts';
import { buildTimeline, readTimelineRecords, type TimelineRecords } from '../timeline/timeline.service.ts';
import type { TimelineItem } from '../timeline/timeline.ts';
import type { Actor } from '../users/actor.ts';
import type { CaseDetail } from './case.ts';
import { getCaseByReference } from './cases.service.ts';

/** Everything a case holds that the actor may read, with the names its records refer to. */
export interface CaseDossier extends Omit<TimelineRecords, 'letters' | 'responses'> {
  case: CaseDetail;
  allegations: Allegation[];
  letters: (Letter & { responses: LetterResponse[] })[];
  timeline: TimelineItem[];
}

export async function getCaseDossier(ctx: ServiceContext, actor: Actor, caseReference: string): Promise<CaseDossier> {
  const detail = await getCaseByReference(ctx, actor, caseReference);
  const [records, allegations] = await Promise.all([readTimelineRecords(ctx, actor, detail.id), listAllegations(ctx, actor, detail.id)]);
  const { letters, responses, ...rest } = records;
  return {
    ...rest,
    case: detail,
    allegations,
    letters: letters.map((letter) => ({ ...letter, responses: responses.filter((response) => response.letterId === letter.id) })),
    timeline: buildTimeline(records),
  };
}
