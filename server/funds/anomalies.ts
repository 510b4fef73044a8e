/**
 * The treasurer's list of payment notifications that were not credited: forged or unconfirmed
 * "paid" events, amounts that differ from the order, orders that are not ours, overpayments.
 */
import type { AnomalyKindName, PayAnomalyView } from '../../typings/api';
import type { PayAnomaly } from '../../core/funds/model';
import { shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { auditEntry } from '../repository/audit';
import { find, inTransaction } from '../repository/docs';

const KIND_LABELS: Record<AnomalyKindName, string> = {
  unconfirmed: '未经微信确认的支付通知',
  'amount-mismatch': '金额不符',
  'unknown-order': '非本系统订单',
  overpaid: '多缴',
  malformed: '通知格式错误',
};

export function anomalyView(a: PayAnomaly): PayAnomalyView {
  return {
    id: a._id,
    kind: a.kind,
    kindLabel: KIND_LABELS[a.kind],
    outTradeNo: a.outTradeNo,
    unitNo: a.unitNo,
    expectedFen: a.expectedFen,
    reportedFen: a.reportedFen,
    detail: a.detail,
    at: a.at,
    resolved: a.resolved,
    resolution: a.resolution,
  };
}

export async function listAnomalies(
  request: { includeResolved?: boolean },
  ctx: UseCaseContext,
): Promise<{ anomalies: PayAnomalyView[] }> {
  const where = request.includeResolved ? {} : { resolved: false };
  const found = await find<PayAnomaly>(ctx.db, 'payAnomalies', where, {
    orderBy: ['at', 'desc'],
    limit: 200,
  });
  return { anomalies: found.map(anomalyView) };
}

export async function resolveAnomaly(
  request: { anomalyId: string; resolution: string },
  ctx: UseCaseContext,
): Promise<PayAnomalyView> {
  const caller = await ctx.caller();
  return inTransaction(ctx.db, async (tx) => {
    const current = await tx.get<PayAnomaly>('payAnomalies', request.anomalyId);
    if (!current) throw new AppError('NOT_FOUND', '没有找到这条支付异常');
    if (current.resolved) throw new AppError('CONFLICT', '这条支付异常已处理');
    const next: PayAnomaly = {
      ...current,
      _id: request.anomalyId,
      resolved: true,
      resolution: request.resolution,
      resolvedBy: caller.openid,
    };
    await tx.update('payAnomalies', request.anomalyId, {
      resolved: true,
      resolution: request.resolution,
      resolvedBy: caller.openid,
      resolvedAt: shanghaiIso(ctx.now),
    });
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'funds.resolveAnomaly', request.anomalyId, {
        resolution: request.resolution,
      }),
    );
    return anomalyView(next);
  });
}
