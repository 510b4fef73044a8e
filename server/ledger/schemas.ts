import * as z from 'zod';
import type { ActionRequest, LedgerApi } from '../../typings/api';

/**
 * Request schemas of the ledger actions: shapes and sizes are checked before any use case runs;
 * unknown fields are refused.
 */
function schemaFor<A extends keyof LedgerApi>(
  _action: A,
  schema: z.ZodType<ActionRequest<'ledger', A>>,
): z.ZodType<ActionRequest<'ledger', A>> {
  return schema;
}

const id = z.string().trim().min(1).max(96);
/** Numbers printed on paper (receipts, bank slips): they become part of transfer ids. */
const paperNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,40}$/, '编号只能包含字母、数字和连字符，最多 40 位');
const fileId = z.string().trim().min(1).max(500);
const instant = z.string().trim().min(1).max(40);
/** Up to 10 million yuan: more is a typing mistake, not a payment. */
const fen = z.number().int().min(1).max(1_000_000_000);
const reason = z.string().trim().max(200).optional();
const none = z.object({}).strict() as z.ZodType<Record<string, never>>;

export const schemas = {
  none,
  entries: schemaFor(
    'entries',
    z
      .object({
        beforeSeq: z.number().int().min(1).optional(),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
  ),
  units: schemaFor(
    'units',
    z
      .object({
        status: z.enum(['paid', 'partly', 'unpaid']),
        after: id.optional(),
        limit: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
  ),
  unitLedger: schemaFor('unitLedger', z.object({ unitId: id }).strict()),
  recordCash: schemaFor(
    'recordCash',
    z
      .object({
        unitId: id,
        amountFen: fen,
        receivedAt: instant,
        receiptNo: paperNo,
        photoFileId: fileId,
        payerName: z.string().trim().max(40).optional(),
      })
      .strict(),
  ),
  recordDeposit: schemaFor(
    'recordDeposit',
    z
      .object({
        slipNo: paperNo,
        amountFen: fen,
        depositedAt: instant,
        slipFileId: fileId,
        receiptIds: z.array(id).min(1).max(200),
      })
      .strict(),
  ),
  settleCash: schemaFor(
    'settleCash',
    z.object({ receiptId: id, decision: z.enum(['post', 'void']), reason }).strict(),
  ),
  confirmDeposit: schemaFor(
    'confirmDeposit',
    z.object({ depositId: id, decision: z.enum(['confirm', 'reject']), reason }).strict(),
  ),
  proposeExpense: schemaFor(
    'proposeExpense',
    z
      .object({
        milestone: z.enum(['deposit', 'installation', 'acceptance']),
        payee: z.string().trim().min(1).max(80),
        amountFen: fen,
        invoiceFileId: fileId,
        memo: z.string().trim().max(200).optional(),
      })
      .strict(),
  ),
  payExpense: schemaFor(
    'payExpense',
    z.object({ expenseId: id, decision: z.enum(['pay', 'reject']), reason }).strict(),
  ),
  export: schemaFor('export', z.object({ format: z.enum(['csv', 'xlsx']) }).strict()),
  importFund: schemaFor(
    'importFund',
    z
      .object({
        rows: z
          .array(
            z
              .object({
                unitNo: z.string().trim().min(1).max(20),
                firstDepositFen: z.number().int().min(1).max(1_000_000_000),
                balanceFen: z.number().int().min(0).max(1_000_000_000),
              })
              .strict(),
          )
          .min(1)
          .max(10_000),
      })
      .strict(),
  ),
};
