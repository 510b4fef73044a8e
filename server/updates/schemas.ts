import * as z from 'zod';
import type { ActionRequest, UpdatesApi } from '../../typings/api';
import {
  HELP_KINDS,
  MAX_PHOTOS,
  MILESTONE_STATUSES,
  STAGES,
  TIME_SLOTS,
} from '../../core/progress';
import { isCalendarDate } from '../../core/registry/time';

/**
 * Request schemas of the updates actions: shapes and sizes are checked before any use case runs;
 * unknown fields are refused. Rules that need stored data (stage order, outage days) live in core.
 */
function schemaFor<A extends keyof UpdatesApi>(
  _action: A,
  schema: z.ZodType<ActionRequest<'updates', A>>,
): z.ZodType<ActionRequest<'updates', A>> {
  return schema;
}

const id = z.string().trim().min(1).max(64);
const day = z.string().refine(isCalendarDate, '日期应写成 2027-06-30');
const stage = z.enum(STAGES);
const fileId = z.string().trim().min(1).max(500);

export const schemas = {
  overview: schemaFor('overview', z.object({}).strict() as z.ZodType<Record<string, never>>),
  updates: schemaFor(
    'updates',
    z
      .object({ stage: stage.optional(), offset: z.number().int().min(0).max(10_000).optional() })
      .strict(),
  ),
  update: schemaFor('update', z.object({ updateId: id }).strict()),
  post: schemaFor(
    'post',
    z
      .object({
        stage,
        text: z.string().trim().min(1, '请写下这次进展的内容').max(2000),
        photos: z
          .array(z.object({ fileId, caption: z.string().trim().max(60) }).strict())
          .max(MAX_PHOTOS, `一次最多 ${MAX_PHOTOS} 张照片`),
      })
      .strict(),
  ),
  setMilestone: schemaFor(
    'setMilestone',
    z
      .object({
        stage,
        status: z.enum(MILESTONE_STATUSES),
        plannedStart: day.nullable(),
        plannedEnd: day.nullable(),
        actualStart: day.nullable(),
        actualEnd: day.nullable(),
      })
      .strict(),
  ),
  publishOutage: schemaFor(
    'publishOutage',
    z
      .object({
        elevator: z.string().trim().min(1, '请写明是哪部电梯').max(20),
        from: day,
        to: day,
        note: z.string().trim().max(500),
      })
      .strict(),
  ),
  outage: schemaFor('outage', z.object({ outageId: id }).strict()),
  requestHelp: schemaFor(
    'requestHelp',
    z
      .object({
        outageId: id,
        unitNo: z.string().trim().min(1, '请填写房号').max(10),
        kind: z.enum(HELP_KINDS),
        date: day,
        slot: z.enum(TIME_SLOTS),
        note: z.string().trim().max(200),
      })
      .strict(),
  ),
  cancelHelp: schemaFor('cancelHelp', z.object({ requestId: id }).strict()),
  volunteer: schemaFor('volunteer', z.object({ requestId: id }).strict()),
  unvolunteer: schemaFor('unvolunteer', z.object({ requestId: id }).strict()),
};
