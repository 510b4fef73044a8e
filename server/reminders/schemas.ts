import * as z from 'zod';
import type { ActionRequest } from '../../typings/api';

/** Request schemas of the reminders actions. */
const answer = z.enum(['accept', 'reject', 'ban', 'filter']);

export const schemas = {
  subscribe: z
    .object({
      answers: z
        .record(z.string().trim().min(1).max(64), answer)
        .refine((a) => Object.keys(a).length >= 1 && Object.keys(a).length <= 5, {
          message: '一次可订阅 1 至 5 种提醒',
        }),
    })
    .strict() satisfies z.ZodType<ActionRequest<'reminders', 'subscribe'>>,
};
