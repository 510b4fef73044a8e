/**
 * The documents and ledger transfers a charge and a WeChat payment are made of, as pure data: the
 * server writes them, and the demo seed can build the same ones without a cloud.
 */
import { unitAccount } from '../ledger/accounts';
import type { TransferRequest } from '../ledger/transfers';
import {
  type Charge,
  type PayOrder,
  type Scheme,
  chargeId,
  chargeTransferId,
  paymentTransferId,
} from './model';

export function newCharge(input: {
  scheme: Pick<Scheme, '_id' | 'buildingId' | 'link'>;
  unit: { unitId: string; unitNo: string };
  fen: number;
  dueDate: string;
  /** ISO instant (+08:00). */
  at: string;
  by: string;
}): Charge {
  const { scheme, unit } = input;
  return {
    _id: chargeId(scheme._id, unit.unitId),
    schemeId: scheme._id,
    decisionId: scheme.link?.decisionId ?? null,
    buildingId: scheme.buildingId,
    unitId: unit.unitId,
    unitNo: unit.unitNo,
    fen: input.fen,
    dueDate: input.dueDate,
    transferId: chargeTransferId(scheme._id, unit.unitId),
    issuedAt: input.at,
    issuedBy: input.by,
  };
}

/** The charge raises what the unit owes: assessments → unit:X. */
export function chargeTransfer(charge: Charge, schemeTitle: string): TransferRequest {
  return {
    id: charge.transferId,
    kind: 'charge',
    from: 'assessments',
    to: unitAccount(charge.unitId),
    amountFen: charge.fen,
    unitId: charge.unitId,
    memo: `${schemeTitle} 应缴分摊款`,
    refs: { schemeId: charge.schemeId, chargeId: charge._id, dueDate: charge.dueDate },
  };
}

/**
 * A confirmed WeChat payment lowers what the unit owes: unit:X → collection, keyed by WeChat's
 * transaction id, naming whoever paid (the owner, their proxy, or a friend through a link).
 */
export function paymentTransfer(
  order: Pick<PayOrder, '_id' | 'unitId' | 'amountFen' | 'channel' | 'payer'>,
  transactionId: string,
): TransferRequest {
  return {
    id: paymentTransferId(transactionId),
    kind: 'payment',
    from: unitAccount(order.unitId),
    to: 'collection',
    amountFen: order.amountFen,
    unitId: order.unitId,
    channel: order.channel,
    payer: {
      openid: order.payer.openid,
      ...(order.payer.personId ? { personId: order.payer.personId } : {}),
      name: order.payer.name,
    },
    memo: order.channel === 'pay-link' ? '代付链接缴款' : '微信支付缴款',
    refs: { orderNo: order._id, transactionId },
  };
}
