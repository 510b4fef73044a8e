import type {
  LedgerOverviewView,
  MeView,
  MyAccountView,
  SchemeView,
  UnitAccountView,
  UnitMovementView,
} from '../../../typings/api';
import { formatDate, formatFen, formatDateTime } from '../../utils/format';

export interface MovementRow {
  id: string;
  when: string;
  kind: string;
  amount: string;
  /** "钟霞 缴纳" / "王小明（朋友） 代付"; empty for charges. */
  who: string;
  status: string;
  pending: boolean;
  hasReceipt: boolean;
}

export interface UnitCard {
  unitId: string;
  unitNo: string;
  /** "业主" / "代理人" */
  asLabel: string;
  /** Proxies say on whose behalf: "代 钟霞（5-02）缴费"; empty for the owner. */
  actingLine: string;
  share: string;
  paid: string;
  /** "现金已收，待入账 ¥500.00" while the treasurer has not posted cash yet. */
  pendingLine: string;
  left: string;
  leftFen: number;
  stateLabel: string;
  settled: boolean;
  dueLine: string;
  /** "按面积分摊 · 2026年电梯更换分摊方案" */
  schemeLine: string;
  roundingRule: string;
  /** Something is left and the caller may pay it. */
  canPay: boolean;
  /** The caller may send a pay link for it (owner, or proxy with a pay scope). */
  canShare: boolean;
  payLabel: string;
  movements: MovementRow[];
}

export interface ProgressView {
  collected: string;
  target: string;
  percent: string;
  /** CSS width of the bar, never over 100 %. */
  barWidth: string;
  pendingLine: string;
}

export interface MoneyView {
  units: UnitCard[];
  /** Shown instead of units to someone with no unit to pay for. */
  noUnitLine: string;
  progress: ProgressView | null;
}

const PENDING_CASH = '现金已收，待入账';

/** The owner a proxy acts for, by unit, from the proxies the caller holds. */
function ownersActedFor(me: MeView | null): Map<string, string> {
  const names = new Map<string, string>();
  for (const proxy of me?.proxiesHeld ?? []) {
    if (proxy.state !== 'active') continue;
    for (const unitId of proxy.unitIds) names.set(unitId, proxy.ownerName);
  }
  return names;
}

/**
 * The account names its scheme by title only; match it among the schemes I may see, else the one
 * binding scheme (charges only come from a binding scheme).
 */
function schemeOf(account: UnitAccountView, schemes: readonly SchemeView[]): SchemeView | null {
  const byTitle = schemes.find((s) => s.title === account.schemeTitle);
  if (byTitle) return byTitle;
  const binding = schemes.filter((s) => s.status === 'binding');
  return account.schemeTitle !== null && binding.length === 1 ? (binding[0] ?? null) : null;
}

export function movementRow(m: UnitMovementView): MovementRow {
  let who = '';
  if (m.payerName) who = m.channel === 'pay-link' ? `${m.payerName} 代付` : `${m.payerName} 缴纳`;
  return {
    id: m.transferId,
    when: formatDateTime(m.at),
    kind: m.channelLabel && m.kind !== 'charge' ? m.channelLabel : m.kindLabel,
    amount: m.amountLabel,
    who,
    status: m.pending ? PENDING_CASH : m.statusLabel,
    pending: m.pending,
    hasReceipt: m.hasReceipt,
  };
}

/**
 * The last payment is what a resident looks for. ISO instants with the same offset sort as text;
 * the sort is stable, so movements of the same minute keep the server's order.
 */
function newestFirst(movements: readonly UnitMovementView[]): UnitMovementView[] {
  return [...movements].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

function unitCard(
  account: UnitAccountView,
  ownerName: string | undefined,
  schemes: readonly SchemeView[],
): UnitCard {
  const isProxy = account.asLabel === '代理人';
  let actingLine = '';
  if (isProxy) {
    actingLine = ownerName
      ? `代 ${ownerName}（${account.unitNo}）缴费`
      : `代 ${account.unitNo} 业主缴费`;
  }
  const scheme = schemeOf(account, schemes);
  const schemeLine = scheme
    ? `${scheme.methodLabel} · ${scheme.title}`
    : (account.schemeTitle ?? '分摊方案尚未生效，暂无应缴');
  const canPay = account.canPay && account.leftFen > 0;
  return {
    unitId: account.unitId,
    unitNo: account.unitNo,
    asLabel: account.asLabel,
    actingLine,
    share: account.chargedLabel,
    paid: account.paidLabel,
    pendingLine: account.pendingCashFen > 0 ? `${PENDING_CASH} ${account.pendingCashLabel}` : '',
    left: account.leftLabel,
    leftFen: account.leftFen,
    stateLabel: account.stateLabel,
    settled: account.state === 'paid' || account.state === 'overpaid',
    dueLine:
      account.dueDate && account.leftFen > 0 ? `请于 ${formatDate(account.dueDate)}前缴清` : '',
    schemeLine,
    roundingRule: scheme?.roundingRule ?? '',
    canPay,
    canShare: account.canPay,
    payLabel: isProxy ? `代缴 ${account.leftLabel}` : `缴纳 ${account.leftLabel}`,
    movements: newestFirst(account.movements).map(movementRow),
  };
}

export function progressView(overview: LedgerOverviewView): ProgressView {
  const percent = Math.min(Math.max(overview.percent, 0), 100);
  return {
    collected: overview.collectedText,
    target: overview.targetText,
    percent: overview.percentText,
    barWidth: `${percent}%`,
    pendingLine:
      overview.pendingCashFen > 0
        ? `另有现金 ${formatFen(overview.pendingCashFen)} 已收，待出纳入账`
        : '',
  };
}

export function toMoneyView(
  account: MyAccountView | null,
  me: MeView | null,
  schemes: readonly SchemeView[],
  overview: LedgerOverviewView | null,
): MoneyView {
  const owners = ownersActedFor(me);
  const units = (account?.units ?? []).map((u) => unitCard(u, owners.get(u.unitId), schemes));
  return {
    units,
    noUnitLine: units.length ? '' : '绑定房屋后，这里会显示您家的应缴、已缴和缴款记录。',
    progress: overview ? progressView(overview) : null,
  };
}
