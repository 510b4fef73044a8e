import type { UnitPayStatus } from '../ledger/balances';
import {
  CHANNEL_LABELS,
  KIND_LABELS,
  maskFullName,
  phaseOf,
  PHASE_LABELS,
  statusLabel,
} from '../ledger/labels';
import type { LedgerEntry } from '../ledger/transfers';
import type { Unit } from '../registry/model';
import { byUnitNo } from './decisionSheets';
import { fileDateTime, namesCell, type Cell, type NameView, type Sheet } from './sheet';

/**
 * The money for the property office: each unit's charge and what came in (one row per unit of the
 * registry, charged or not), and every payment, cash receipt and refund in order. The ledger
 * itself, with its hashes, is the ledger export's own sheet (server/ledger/exportLedger.ts).
 */

/** A unit's balance as the ledger keeps it (`balances`, kind 'unit'). */
export interface UnitBalance {
  unitId: string;
  /** What the unit still owes, posted. */
  postedFen: number;
  /** Negative while cash received at the door awaits the treasurer. */
  pendingFen: number;
  chargedFen: number;
  status: UnitPayStatus | null;
}

export interface UnitMoneyInput {
  units: readonly Pick<Unit, '_id' | 'unitNo' | 'areaHundredths'>[];
  balances: readonly UnitBalance[];
  /** Unit id → the names of its current owners. */
  owners: ReadonlyMap<string, readonly string[]>;
  /** The payment entries (isPaymentEntry), for how many payments each unit made and when. */
  payments: readonly Pick<
    LedgerEntry,
    'id' | 'kind' | 'unitId' | 'at' | 'postPendingId' | 'voidPendingId'
  >[];
  view: NameView;
}

const PAID_KINDS: ReadonlySet<string> = new Set(['payment', 'cash', 'refund']);

/** Entries the payments sheet lists: money paid by or for a unit, and refunds to it. */
export function isPaymentEntry(entry: Pick<LedgerEntry, 'kind' | 'unitId'>): boolean {
  return entry.unitId !== null && PAID_KINDS.has(entry.kind);
}

export function unitMoneySheet(input: UnitMoneyInput): Sheet {
  const balances = new Map(input.balances.map((b) => [b.unitId, b]));
  // A cash receipt and its confirmation are one payment; a voided receipt is none; refunds none.
  const voided = new Set(input.payments.map((p) => p.voidPendingId).filter((id) => id !== null));
  const paidCount = new Map<string, number>();
  const lastPaid = new Map<string, string>();
  for (const p of input.payments) {
    if (!p.unitId || p.kind === 'refund' || p.postPendingId || p.voidPendingId) continue;
    if (voided.has(p.id)) continue;
    const seen = lastPaid.get(p.unitId);
    if (!seen || seen < p.at) lastPaid.set(p.unitId, p.at);
    paidCount.set(p.unitId, (paidCount.get(p.unitId) ?? 0) + 1);
  }
  const rows = [...input.units].sort(byUnitNo).map((unit): Cell[] => {
    const b = balances.get(unit._id);
    const charged = b?.chargedFen ?? 0;
    const posted = b?.postedFen ?? 0;
    const pendingCash = Math.max(0, -(b?.pendingFen ?? 0));
    const status = b?.status ?? 'none';
    const last = lastPaid.get(unit._id);
    return [
      unit.unitNo,
      unit.areaHundredths,
      namesCell(input.owners.get(unit._id) ?? [], input.view),
      charged,
      charged - posted,
      pendingCash,
      Math.max(0, posted),
      statusLabel(status, pendingCash),
      paidCount.get(unit._id) ?? 0,
      last ? fileDateTime(last) : '',
    ];
  });
  return {
    name: '各户缴款',
    columns: [
      { header: '房号', kind: 'text', width: 10 },
      { header: '面积（m²）', kind: 'area', width: 12 },
      { header: '业主', kind: 'text', width: 14 },
      { header: '应缴（元）', kind: 'money', width: 14 },
      { header: '已缴（元）', kind: 'money', width: 14 },
      { header: '现金待入账（元）', kind: 'money', width: 16 },
      { header: '尚欠（元）', kind: 'money', width: 14 },
      { header: '状态', kind: 'text', width: 16 },
      { header: '缴款笔数', kind: 'count', width: 10 },
      { header: '最近缴款', kind: 'text', width: 20 },
    ],
    rows,
  };
}

/** Every payment, cash receipt (and its confirmation or voiding) and refund, oldest first. */
export function paymentsSheet(
  entries: readonly LedgerEntry[],
  unitNos: ReadonlyMap<string, string>,
  view: NameView,
): Sheet {
  const rows = entries.filter(isPaymentEntry).map((e): Cell[] => {
    const payer = e.payer ? (view === 'full' ? e.payer.name : maskFullName(e.payer.name)) : '';
    return [
      fileDateTime(e.at),
      e.unitId ? (unitNos.get(e.unitId) ?? e.unitId) : '',
      KIND_LABELS[e.kind],
      PHASE_LABELS[phaseOf(e)] || '已入账',
      e.channel ? CHANNEL_LABELS[e.channel] : '',
      payer,
      e.amountFen,
      e.memo ?? '',
      e.id,
    ];
  });
  return {
    name: '缴款记录',
    columns: [
      { header: '时间', kind: 'text', width: 20 },
      { header: '房号', kind: 'text', width: 10 },
      { header: '类型', kind: 'text', width: 8 },
      { header: '状态', kind: 'text', width: 10 },
      { header: '渠道', kind: 'text', width: 10 },
      { header: '付款人', kind: 'text', width: 12 },
      { header: '金额（元）', kind: 'money', width: 14 },
      { header: '说明', kind: 'text', width: 30 },
      { header: '转账编号', kind: 'text', width: 36 },
    ],
    rows,
  };
}
