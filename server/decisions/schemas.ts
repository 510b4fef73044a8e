import * as z from 'zod';
import type { ActionRequest, DecisionsApi } from '../../typings/api';
import { BALLOT_PRIVACIES, DOCUMENT_KINDS, PLAN_KEYS, STAFF_CHANNELS } from '../../core/decisions';
import { MATTERS } from '../../core/tally';

/**
 * Request schemas of the decisions actions: shapes and sizes are checked before any use case
 * runs; unknown fields are refused. Rules that need the decision (status, windows, plan letters)
 * are the lifecycle's job.
 */
function schemaFor<A extends keyof DecisionsApi>(
  _action: A,
  schema: z.ZodType<ActionRequest<'decisions', A>>,
): z.ZodType<ActionRequest<'decisions', A>> {
  return schema;
}

const id = z.string().trim().min(1).max(64);
const decisionId = id;
const fileId = z.string().trim().min(1).max(500);
const text = (max: number) => z.string().max(max);
const instant = z.string().trim().max(40);

const plan = z
  .object({
    key: z.enum(PLAN_KEYS),
    title: text(80),
    summary: text(2000),
    costFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  })
  .strict();

const question = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('proposal'), text: text(500) }).strict(),
  z.object({ kind: z.literal('plans'), text: text(500), plans: z.array(plan).max(5) }).strict(),
]);

const documentSchema = z
  .object({ kind: z.enum(DOCUMENT_KINDS), title: text(80).min(1), fileId })
  .strict();

const fields = {
  title: text(80),
  summary: text(5000),
  matter: z.enum(MATTERS),
  question,
  documents: z.array(documentSchema).max(20),
  noticeDays: z.number().int(),
  objectionDays: z.number().int(),
  opensAt: instant.nullable(),
  closesAt: instant.nullable(),
  emergency: z
    .object({ authority: text(80), fileId })
    .strict()
    .nullable(),
  privacy: z.enum(BALLOT_PRIVACIES, { error: '公示方式须为“公开每户意见”或“只公示回执”' }),
};

const optionalFields = {
  summary: fields.summary.optional(),
  documents: fields.documents.optional(),
  noticeDays: fields.noticeDays.optional(),
  objectionDays: fields.objectionDays.optional(),
  opensAt: fields.opensAt.optional(),
  closesAt: fields.closesAt.optional(),
  emergency: fields.emergency.optional(),
  privacy: fields.privacy.optional(),
};

const byId = z.object({ decisionId }).strict();
const choice = z.string().trim().min(1).max(20);

export const schemas = {
  byId: byId as z.ZodType<{ decisionId: string }>,
  published: schemaFor(
    'published',
    z
      .object({
        decisionId,
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  create: schemaFor(
    'create',
    z
      .object({
        title: fields.title,
        matter: fields.matter,
        question: fields.question,
        ...optionalFields,
      })
      .strict(),
  ),
  edit: schemaFor(
    'edit',
    z
      .object({
        decisionId,
        title: fields.title.optional(),
        matter: fields.matter.optional(),
        question: fields.question.optional(),
        ...optionalFields,
      })
      .strict(),
  ),
  extend: schemaFor('extend', z.object({ decisionId, closesAt: instant }).strict()),
  cast: schemaFor('cast', z.object({ decisionId, unitId: id, choice }).strict()),
  paperBallot: schemaFor(
    'paperBallot',
    z
      .object({
        decisionId,
        unitId: id,
        choice,
        channel: z
          .enum(STAFF_CHANNELS, { error: '表决方式须为纸质、现场、视频或上门之一' })
          .optional(),
        photoFileId: fileId,
        witness: id.optional(),
        signedBy: z.enum(['owner', 'proxy']),
      })
      .strict(),
  ),
  decidePaperOverride: schemaFor(
    'decidePaperOverride',
    z
      .object({
        overrideId: id,
        confirm: z.boolean(),
        reason: z.string().trim().min(4, '请写明理由（至少 4 个字）').max(500),
      })
      .strict(),
  ),
  object: schemaFor(
    'object',
    z
      .object({
        decisionId,
        unitId: id,
        text: z.string().trim().min(1, '请写下异议的内容').max(1000),
        photoFileId: fileId.optional(),
      })
      .strict(),
  ),
  answerObjection: schemaFor(
    'answerObjection',
    z.object({ objectionId: id, text: z.string().trim().min(1, '请写下答复').max(2000) }).strict(),
  ),
  unitStatus: schemaFor(
    'unitStatus',
    z
      .object({
        decisionId,
        unitId: id.optional(),
        unitNo: z.string().trim().min(1).max(20).optional(),
      })
      .strict()
      .refine((r) => (r.unitId === undefined) !== (r.unitNo === undefined), {
        message: '请给出房屋编号或房号之一',
      }),
  ),
};
