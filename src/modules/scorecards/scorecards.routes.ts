import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { id } from '../../shared/fields.ts';
import { type Api, errorResponses, idParams, jsonContent } from '../../shared/http.ts';
import { letterStatusSchema } from '../letters/letter-lifecycle.routes.ts';
import { scorecardDefinitions } from './scorecard.ts';
import { getCompanyScorecard } from './scorecards.service.ts';

const ratio = z.number().min(0).max(1).nullable();
const scorecardSchema = z
  .object({
    company: z.object({ id: id(), name: z.string() }),
    asOf: z.string(),
    lettersReceived: z.number().int(),
    lettersPastDeadline: z.number().int(),
    respondedPastDeadline: z.number().int(),
    responseRate: ratio,
    medianDaysToRespond: z.number().nullable(),
    meanDaysToRespond: z.number().nullable(),
    questionsCounted: z.number().int(),
    questionsAnswered: z.number().int(),
    shareOfQuestionsAnswered: ratio,
    openCommitments: z.number().int(),
    pastDueCommitments: z.number().int(),
    brokenCommitments: z.number().int(),
    keptCommitments: z.number().int(),
    extensionsRequested: z.number().int(),
    letters: z.array(z.object({ id: id(), subject: z.string(), sentOn: z.string().nullable(), deadline: z.string().nullable(), status: letterStatusSchema })),
    definitions: z.object(Object.fromEntries(Object.keys(scorecardDefinitions).map((key) => [key, z.string()]))),
  })
  .meta({ id: 'Scorecard', description: Object.values(scorecardDefinitions).join('\n') });

export function registerScorecardRoutes(api: Api): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/companies/{id}/scorecard',
      tags: ['Scorecards'],
      summary: "A company's record of answering: letters, response rate, time to respond, questions answered, promises, extensions",
      request: { params: idParams },
      responses: { 200: jsonContent(scorecardSchema, 'The scorecard, computed now, with its definitions'), ...errorResponses },
    }),
    async (c) => c.json(await getCompanyScorecard(c.var.services, c.var.actor, c.req.valid('param').id), 200),
  );
}
