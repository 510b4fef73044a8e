/**
 * What a household sees of its money: for each of its units what was charged, what was paid and
 * by whom, cash staff hold for it ("现金已收，待入账"), what is left — all read from the ledger,
 * never kept beside it — and the receipt of each payment, which the payer sees too.
 */
import type {
  MyAccountView,
  PayChannelName,
  ReceiptView,
  UnitAccountView,
  UnitMovementView,
} from '../../typings/api';
import type { Charge, PayOrder, Scheme } from '../../core/funds/model';
import { formatFen } from '../../core/funds/money';
import {
  PENDING_CASH_LABEL,
  leftToPay,
  payState,
  payStateLabel,
  type UnitMoney,
} from '../../core/funds/payments';
import { unitAccount } from '../../core/ledger/accounts';
import type { EntryDoc } from '../../core/ledger/transfers';
import { maskName } from '../../core/registry/privacy';
import { allows } from '../../core/registry/rights';
import type { UseCaseContext } from '../auth/guard';
import { requireOpenid } from '../auth/guard';
import { AppError } from '../errors';
import { docs, find } from '../repository/docs';
import { balancesOf, unitEntries } from '../ledger/balances';
import { myUnits, loadUnit, ownerName } from './registry';
import { chargesOfUnit } from './unitMoney';

const CHANNEL_LABELS: Record<PayChannelName, string> = {
  wechat: '微信支付',
  'pay-link': '代付链接',
  cash: '现金',
};

type MovementKind = UnitMovementView['kind'];

const KIND_LABELS: Record<MovementKind, string> = {
  charge: '应缴分摊款',
  payment: '缴款',
  cash: '现金缴款',
  correction: '更正',
  refund: '退款',
};

/**
 * The unit's movements, newest first. A cash receipt is one line whatever became of it: the
 * treasurer's posting or voiding (later entries naming it) only changes its status.
 */
export function movementsOf(unitId: string, entries: readonly EntryDoc[]): UnitMovementView[] {
  const settledBy = new Map<string, 'posted' | 'voided'>();
  for (const e of entries) {
    if (e.postPendingId) settledBy.set(e.postPendingId, 'posted');
    if (e.voidPendingId) settledBy.set(e.voidPendingId, 'voided');
  }
  const account = unitAccount(unitId);
  const out: UnitMovementView[] = [];
  for (const e of entries) {
    if (e.postPendingId || e.voidPendingId) continue;
    if (e.from !== account && e.to !== account) continue;
    const kind: MovementKind =
      e.kind === 'charge' || e.kind === 'payment' || e.kind === 'cash' || e.kind === 'refund'
        ? e.kind
        : 'correction';
    const state = e.pending ? (settledBy.get(e.id) ?? 'pending') : 'posted';
    const channelLabel = e.channel ? CHANNEL_LABELS[e.channel] : null;
    const statusLabel =
      state === 'pending'
        ? PENDING_CASH_LABEL
        : state === 'voided'
          ? '已作废'
          : kind === 'charge'
            ? '已出具'
            : '已入账';
    out.push({
      transferId: e.id,
      at: e.at,
      kind,
      kindLabel: kind === 'payment' && channelLabel ? channelLabel : KIND_LABELS[kind],
      amountFen: e.amountFen,
      amountLabel: formatFen(e.amountFen),
      channel: e.channel,
      channelLabel,
      payerName: e.payer?.name ?? null,
      pending: state === 'pending',
      statusLabel,
      hasReceipt: (kind === 'payment' || kind === 'cash') && state !== 'voided',
    });
  }
  return out.reverse();
}

export async function myAccount(ctx: UseCaseContext): Promise<MyAccountView> {
  const caller = await ctx.caller();
  const mine = await myUnits(ctx, caller);
  if (!mine.length) return { units: [] };
  const ids = mine.map((m) => m.unit._id);
  const [charges, balances, entryLists] = await Promise.all([
    chargesOfUnit(ctx.db, ids),
    balancesOf(ids.map(unitAccount), ctx.db),
    Promise.all(ids.map((id) => unitEntries(id, ctx.db))),
  ]);
  const schemeIds = [...new Set(charges.map((c) => c.schemeId))];
  const schemes = schemeIds.length
    ? await find<Scheme>(ctx.db, 'schemes', { _id: ctx.db.command.in(schemeIds) })
    : [];
  const titleOf = (id: string): string | null => schemes.find((s) => s._id === id)?.title ?? null;
  const units: UnitAccountView[] = mine.map(({ unit, rights, asLabel }, i) => {
    const balance = balances.get(unitAccount(unit._id));
    const charged = balance?.chargedFen ?? 0;
    const money: UnitMoney = {
      chargedFen: charged,
      paidFen: charged - (balance?.postedFen ?? 0),
      pendingCashFen: -(balance?.pendingFen ?? 0),
    };
    const own: Charge[] = charges.filter((c) => c.unitId === unit._id);
    const latest = own.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0] ?? null;
    const canPay =
      rights.pay.kind === 'all' ||
      own.some((c) => c.decisionId !== null && allows(rights.pay, c.decisionId));
    const left = leftToPay(money);
    return {
      unitId: unit._id,
      unitNo: unit.unitNo,
      asLabel,
      canPay,
      chargedFen: money.chargedFen,
      paidFen: money.paidFen,
      pendingCashFen: money.pendingCashFen,
      leftFen: left,
      chargedLabel: formatFen(money.chargedFen),
      paidLabel: formatFen(money.paidFen),
      pendingCashLabel: formatFen(money.pendingCashFen),
      leftLabel: formatFen(left),
      state: payState(money),
      stateLabel: payStateLabel(money),
      dueDate: latest?.dueDate ?? null,
      schemeTitle: latest ? titleOf(latest.schemeId) : null,
      movements: movementsOf(unit._id, entryLists[i] ?? []),
    };
  });
  return { units };
}

function isMoneyKeeper(roles: readonly string[]): boolean {
  return ['treasurer', 'organizer', 'admin'].some((r) => roles.includes(r));
}

/**
 * A payment's receipt: for the unit's owners and proxies, for whoever paid it (a friend through
 * a link may have no role at all), and for the treasurer and the replacement group.
 */
export async function receipt(
  request: { transferId: string },
  ctx: UseCaseContext,
): Promise<ReceiptView> {
  const openid = requireOpenid(ctx);
  const entry = await docs(ctx.db).get<EntryDoc>('entries', request.transferId);
  const notFound = new AppError('NOT_FOUND', '没有找到这张收据');
  if (!entry || !entry.unitId || (entry.kind !== 'payment' && entry.kind !== 'cash'))
    throw notFound;
  const unitId = entry.unitId;
  const caller = await ctx.caller();
  const isPayer = entry.payer?.openid === openid;
  if (!isPayer && !isMoneyKeeper(caller.roles)) {
    const mine = await myUnits(ctx, caller);
    if (!mine.some((m) => m.unit._id === unitId)) throw notFound;
  }
  const unit = await loadUnit(docs(ctx.db), unitId);
  let pending = entry.pending;
  if (pending) {
    const [settlement] = await find<EntryDoc>(
      ctx.db,
      'entries',
      { postPendingId: entry.id },
      { limit: 1 },
    );
    pending = !settlement;
  }
  const channel: PayChannelName = entry.channel ?? (entry.kind === 'cash' ? 'cash' : 'wechat');
  const owner = await ownerName(ctx.db, unit, ctx.now);
  const orderNo = entry.refs.orderNo ?? null;
  let transactionId = entry.refs.transactionId ?? null;
  if (orderNo && !transactionId) {
    const order = await docs(ctx.db).get<PayOrder>('payOrders', orderNo);
    transactionId = order?.transactionId ?? null;
  }
  return {
    transferId: entry.id,
    receiptNo: `TT-${String(entry.seq).padStart(6, '0')}`,
    unitNo: unit.unitNo,
    ownerMasked: maskName(owner),
    amountFen: entry.amountFen,
    amountLabel: formatFen(entry.amountFen),
    channel,
    channelLabel: CHANNEL_LABELS[channel],
    payerName: entry.payer?.name ?? '业主',
    paidAt: entry.at,
    outTradeNo: orderNo,
    transactionId,
    pending,
    statusLabel: pending ? PENDING_CASH_LABEL : '已入账',
    entryHash: entry.hash,
    seq: entry.seq,
  };
}
