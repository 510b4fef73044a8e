import * as z from 'zod';
import type { ActionRequest, FundsApi } from '../../typings/api';
import { PLAN_KEYS } from '../../core/decisions/model';
import { SPLIT_METHODS } from '../../core/funds/split';

/**
 * Request schemas of the funds actions: shapes and sizes only; what needs the registry, the
 * scheme or the ledger is the use case's job. Unknown fields are refused.
 */
function schemaFor<A extends keyof FundsApi>(
  _action: A,
  schema: z.ZodType<ActionRequest<'funds', A>>,
): z.ZodType<ActionRequest<'funds', A>> {
  return schema;
}

const id = z.string().trim().min(1).max(64);
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const link = z
  .object({ decisionId: id, planKey: z.enum(PLAN_KEYS).nullable() })
  .strict()
  .nullable();

const schemeFields = {
  title: z.string().trim().min(1, '请填写方案名称').max(60),
  method: z.enum(SPLIT_METHODS),
  totalFen: fen.optional(),
  coefficients: z
    .array(
      z
        .object({
          floor: z.number().int().min(-5).max(200),
          thousandths: z.number().int().min(0).max(100_000),
        })
        .strict(),
    )
    .max(200)
    .optional(),
  exemptions: z
    .array(
      z
        .object({ unitId: id, reason: z.string().trim().min(1, '请写明免摊理由').max(200) })
        .strict(),
    )
    .max(2000)
    .optional(),
  link: link.optional(),
};

const payByUnit = z.object({ unitId: id, amountFen: z.number().int() }).strict();
const payByLink = z
  .object({
    linkToken: z.string().trim().min(1).max(200),
    amountFen: z.number().int(),
    payerName: z.string().trim().min(1, '请填写付款人称呼').max(40),
  })
  .strict();

export const schemas = {
  none: schemaFor('listSchemes', z.object({}).strict() as z.ZodType<Record<string, never>>),
  createScheme: schemaFor('createScheme', z.object(schemeFields).strict()),
  editScheme: schemaFor(
    'editScheme',
    z
      .object({
        schemeId: id,
        title: schemeFields.title.optional(),
        method: schemeFields.method.optional(),
        totalFen: schemeFields.totalFen,
        coefficients: schemeFields.coefficients,
        exemptions: schemeFields.exemptions,
        link: schemeFields.link,
      })
      .strict(),
  ),
  compareSchemes: schemaFor(
    'compareSchemes',
    z
      .object({
        schemeIds: z.array(id).min(1, '请至少选择一个方案').max(4, '最多同时比较 4 个方案'),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),
  myShares: schemaFor('myShares', z.object({ decisionId: id }).strict()),
  issueCharges: schemaFor('issueCharges', z.object({ schemeId: id, dueDate: day }).strict()),
  createOrder: schemaFor('createOrder', z.union([payByUnit, payByLink])),
  orderStatus: schemaFor(
    'orderStatus',
    z.object({ outTradeNo: z.string().trim().min(1).max(32) }).strict(),
  ),
  createPayLink: schemaFor('createPayLink', z.object({ unitId: id }).strict()),
  payLinkInfo: schemaFor(
    'payLinkInfo',
    z.object({ linkToken: z.string().trim().min(1).max(200) }).strict(),
  ),
  receipt: schemaFor(
    'receipt',
    z.object({ transferId: z.string().trim().min(1).max(120) }).strict(),
  ),
  reconcile: schemaFor(
    'reconcile',
    z
      .object({
        olderThanMinutes: z
          .number()
          .int()
          .min(0)
          .max(7 * 24 * 60)
          .optional(),
      })
      .strict(),
  ),
  anomalies: schemaFor('anomalies', z.object({ includeResolved: z.boolean().optional() }).strict()),
  resolveAnomaly: schemaFor(
    'resolveAnomaly',
    z
      .object({ anomalyId: id, resolution: z.string().trim().min(1, '请写明处理结果').max(500) })
      .strict(),
  ),
};
