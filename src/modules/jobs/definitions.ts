import { z } from 'zod';
import { deliverEmail, deliverEmailJobKind } from '../mail/outbound-mail.ts';
import { renderEmail } from '../mail/messages.ts';
import { sweepReminders } from '../reminders/reminders.service.ts';
import { defineJob, type JobDefinition } from './job.ts';

/** Every kind of job, in one place: the worker runs these and nothing else. */
export const deliverEmailJob = defineJob({
  ...deliverEmailJobKind,
  payload: z.object({ emailId: z.string() }),
  handle: async (ctx, { emailId }) => {
    await deliverEmail(ctx, emailId, renderEmail);
  },
});

export const sweepRemindersJob = defineJob({
  name: 'sweep-reminders',
  version: 1,
  payload: z.object({}),
  maxAttempts: 3,
  handle: async (ctx) => {
    await sweepReminders(ctx);
  },
});

export const jobDefinitions: JobDefinition<never>[] = [deliverEmailJob, sweepRemindersJob] as JobDefinition<never>[];
