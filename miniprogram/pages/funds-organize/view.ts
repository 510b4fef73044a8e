import type {
  ComparisonView,
  DecisionDetailView,
  ExemptionInput,
  FloorCoefficient,
  ExpenseView,
  IssueChargesResult,
  MilestoneName,
  PlanKeyName,
  ProposeExpenseRequest,
  RedLineView,
  SchemeFieldsRequest,
  SchemeView,
  SplitMethodName,
} from '../../../typings/api';
import { formatCoefficient, parseCoefficient, parseYuan } from '../../utils/amount';
import { formatDateTime, formatFen, keepFiguresWhole } from '../../utils/format';
import { unitIn } from '../../utils/roomLookup';

/** One colour per compared scheme, the same on its card, its bars and its table column. */
export const SCHEME_COLORS = ['#07c160', '#576b95', '#fa9d3b', '#b04a9c'] as const;

export const METHODS: Array<{ key: SplitMethodName; label: string }> = [
  { key: 'area', label: '按面积分摊' },
  { key: 'floor-coefficient', label: '按楼层系数×面积分摊' },
  { key: 'equal', label: '每户均摊' },
];

// ---- Side-by-side comparison ------------------------------------------------------------------

export interface SchemeCard {
  id: string;
  color: string;
  title: string;
  methodLabel: string;
  statusLabel: string;
  totalLabel: string;
  /** "最低 ¥… · 中位 ¥… · 最高 ¥…" as three figures for big type. */
  minLabel: string;
  medianLabel: string;
  maxLabel: string;
  units: string;
  /** My units' total under this scheme, or a dash for someone with no unit. */
  mineFigure: string;
  mineLabel: string;
  exemptions: string[];
  link: string;
}

export interface FloorBar {
  color: string;
  /** Width as a percentage of the widest bar in the chart (0–100). */
  pct: number;
  label: string;
}

export interface FloorChartRow {
  floor: number;
  floorLabel: string;
  bars: FloorBar[];
}

export interface ShareTableRow {
  unitId: string;
  unitNo: string;
  floor: number;
  cells: string[];
  mine: boolean;
}

export interface ComparisonScreen {
  cards: SchemeCard[];
  chart: FloorChartRow[];
  columns: Array<{ title: string; color: string }>;
  rows: ShareTableRow[];
  pageLine: string;
  hasPrev: boolean;
  hasNext: boolean;
}

export function schemeCard(compared: ComparisonView['schemes'][number], index: number): SchemeCard {
  const { scheme, stats } = compared;
  return {
    id: scheme.id,
    color: SCHEME_COLORS[index % SCHEME_COLORS.length] ?? SCHEME_COLORS[0],
    title: scheme.title,
    methodLabel: scheme.methodLabel,
    statusLabel: scheme.statusLabel,
    totalLabel: scheme.totalLabel,
    minLabel: stats.minLabel,
    medianLabel: stats.medianLabel,
    maxLabel: stats.maxLabel,
    units:
      stats.exemptUnits > 0
        ? `${stats.payingUnits} 户分摊，${stats.exemptUnits} 户免缴`
        : `${stats.payingUnits} 户分摊`,
    mineFigure: compared.mine.length
      ? formatFen(compared.mine.reduce((sum, m) => sum + m.fen, 0))
      : '名下无房屋',
    mineLabel: compared.mineLabel ?? '您名下没有房屋',
    exemptions: scheme.exemptions.map((e) => `${e.unitNo} 免缴：${e.reason}`),
    link: scheme.link ? `${scheme.link.decisionTitle} · ${scheme.link.planLabel}` : '',
  };
}

/** Floor by floor, top floor first (as the building stands), one bar per scheme. */
export function floorChart(comparison: ComparisonView): FloorChartRow[] {
  const floors = new Map<number, Map<number, number>>();
  comparison.schemes.forEach((compared, index) => {
    for (const f of compared.floors) {
      const row = floors.get(f.floor) ?? new Map<number, number>();
      row.set(index, f.averageFen);
      floors.set(f.floor, row);
    }
  });
  let widest = 0;
  floors.forEach((row) => row.forEach((fen) => (widest = Math.max(widest, fen))));
  return [...floors.keys()]
    .sort((a, b) => b - a)
    .map((floor) => {
      const row = floors.get(floor) ?? new Map<number, number>();
      return {
        floor,
        floorLabel: `${floor}层`,
        bars: comparison.schemes.map((_, index) => {
          const fen = row.get(index) ?? 0;
          // A floor that pays something always shows a sliver, so it is not mistaken for 0.
          const pct =
            widest === 0 ? 0 : Math.max(fen > 0 ? 1 : 0, Math.round((fen * 100) / widest));
          return {
            color: SCHEME_COLORS[index % SCHEME_COLORS.length] ?? SCHEME_COLORS[0],
            pct,
            label: formatFen(fen),
          };
        }),
      };
    });
}

export function shareRows(comparison: ComparisonView): ShareTableRow[] {
  return comparison.rows.map((row) => ({
    unitId: row.unitId,
    unitNo: row.unitNo,
    floor: row.floor,
    cells: row.sharesFen.map((fen, i) => (row.exempt[i] ? '免缴' : formatFen(fen))),
    mine: row.mine,
  }));
}

export function comparisonScreen(comparison: ComparisonView): ComparisonScreen {
  const first = comparison.rows.length === 0 ? 0 : comparison.offset + 1;
  const last = comparison.offset + comparison.rows.length;
  return {
    cards: comparison.schemes.map(schemeCard),
    chart: floorChart(comparison),
    columns: comparison.schemes.map((c, i) => ({
      title: c.scheme.title,
      color: SCHEME_COLORS[i % SCHEME_COLORS.length] ?? SCHEME_COLORS[0],
    })),
    rows: shareRows(comparison),
    pageLine: `第 ${first}–${last} 户，共 ${comparison.total} 户`,
    hasPrev: comparison.offset > 0,
    hasNext: last < comparison.total,
  };
}

// ---- The schemes list ------------------------------------------------------------------------

export interface SchemeListRow {
  id: string;
  title: string;
  detail: string;
  statusLabel: string;
  binding: boolean;
  selected: boolean;
}

export function schemeListRow(s: SchemeView, selected: boolean): SchemeListRow {
  const charged = s.chargedUnits > 0 ? keepFiguresWhole(` · 已出账 ${s.chargedUnits} 户`) : '';
  return {
    id: s.id,
    title: s.title,
    detail: `${s.methodLabel} · 总额 ${s.totalLabel}${charged}`,
    statusLabel: s.statusLabel,
    binding: s.status === 'binding',
    selected,
  };
}

/** Up to four schemes compared at once: the first ones listed when nobody has picked yet. */
export const MAX_COMPARED = 4;

export function toggleSelection(selected: string[], id: string): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  if (selected.length >= MAX_COMPARED) return selected;
  return [...selected, id];
}

// ---- Drafting a scheme -----------------------------------------------------------------------

/** A plan with a quoted cost the total can come from. */
export interface PlanOption {
  label: string;
  decisionId: string;
  planKey: PlanKeyName;
  costFen: number;
  /** The scheme can be attached to this plan for the vote (its decision is still a draft). */
  linkable: boolean;
}

export function planOptions(decisions: DecisionDetailView[]): PlanOption[] {
  const options: PlanOption[] = [];
  for (const d of decisions) {
    if (d.question.kind !== 'plans') continue;
    for (const p of d.question.plans) {
      if (p.costFen === null) continue;
      options.push({
        label: `${d.title} · 方案${p.key}：${p.title}（${formatFen(p.costFen)}）`,
        decisionId: d.id,
        planKey: p.key,
        costFen: p.costFen,
        linkable: d.status === 'draft',
      });
    }
  }
  return options;
}

export interface CoefficientField {
  floor: number;
  text: string;
}

export interface ExemptionField {
  unitNo: string;
  reason: string;
}

export interface SchemeForm {
  title: string;
  /** -1: the total is typed in; otherwise the index of the plan whose quote is the total. */
  planIndex: number;
  totalYuan: string;
  methodIndex: number;
  attach: boolean;
  coefficients: CoefficientField[];
  exemptions: ExemptionField[];
}

export function emptyForm(floors: number[]): SchemeForm {
  return {
    title: '',
    planIndex: -1,
    totalYuan: '',
    methodIndex: 0,
    attach: false,
    coefficients: floors.map((floor) => ({ floor, text: '1' })),
    exemptions: [],
  };
}

/**
 * A starting point residents recognise: the lowest floor pays 0.6 of a top-floor flat's rate per
 * m², rising evenly to 1.2 at the top (three decimals at most). The organizer edits from there.
 */
export function risingCoefficients(floors: number[]): CoefficientField[] {
  const sorted = [...floors].sort((a, b) => a - b);
  const steps = Math.max(1, sorted.length - 1);
  return sorted.map((floor, i) => ({
    floor,
    text: formatCoefficient(600 + Math.round((600 * i) / steps)),
  }));
}

export type FormCheck =
  { ok: true; request: SchemeFieldsRequest; summary: string } | { ok: false; message: string };

/** Reads the form into a request, or says in one sentence what to fix. */
export function schemeRequest(
  form: SchemeForm,
  plans: PlanOption[],
  unitIdByNo: ReadonlyMap<string, string>,
): FormCheck {
  const title = form.title.trim();
  if (!title) return { ok: false, message: '请填写方案名称' };
  const method = METHODS[form.methodIndex]?.key;
  if (!method) return { ok: false, message: '请选择分摊方式' };

  const plan = form.planIndex >= 0 ? plans[form.planIndex] : undefined;
  let totalFen: number;
  if (plan) totalFen = plan.costFen;
  else {
    const typed = parseYuan(form.totalYuan);
    if (typed === null || typed <= 0) {
      return { ok: false, message: '请选择方案报价，或填写总额（元，最多两位小数）' };
    }
    totalFen = typed;
  }

  let coefficients: FloorCoefficient[] | undefined;
  if (method === 'floor-coefficient') {
    coefficients = [];
    for (const c of form.coefficients) {
      const thousandths = parseCoefficient(c.text);
      if (thousandths === null) {
        return { ok: false, message: `${c.floor}层的系数应为数字，最多三位小数（如 0.85）` };
      }
      coefficients.push({ floor: c.floor, thousandths });
    }
  }

  const exemptions: ExemptionInput[] = [];
  const seen = new Set<string>();
  for (const e of form.exemptions) {
    if (!e.unitNo.trim() && !e.reason.trim()) continue;
    // The room however it is written: 2-1, 201, 2楼1室.
    const found = unitIn(e.unitNo, unitIdByNo);
    if (!found.ok) {
      const typed = e.unitNo.trim() || '（空）';
      return {
        ok: false,
        message: found.reason === 'ambiguous' ? found.message : `没有找到房号 ${typed}`,
      };
    }
    const { unitNo, value: unitId } = found;
    if (seen.has(unitId)) return { ok: false, message: `房号 ${unitNo} 重复了` };
    if (!e.reason.trim()) return { ok: false, message: `请写明 ${unitNo} 免缴的原因` };
    seen.add(unitId);
    exemptions.push({ unitId, reason: e.reason.trim() });
  }

  const request: SchemeFieldsRequest = { title, method, exemptions };
  // Attached to a plan, the server takes the plan's cost as the total; otherwise we send it.
  if (plan && form.attach && plan.linkable) {
    request.link = { decisionId: plan.decisionId, planKey: plan.planKey };
  } else request.totalFen = totalFen;
  if (coefficients) request.coefficients = coefficients;
  const methodLabel = METHODS.find((m) => m.key === method)?.label ?? '';
  return {
    ok: true,
    request,
    summary: `${title}：${methodLabel}，总额 ${formatFen(totalFen)}${exemptions.length ? `，${exemptions.length} 户免缴` : ''}`,
  };
}

// ---- Issuing charges -------------------------------------------------------------------------

/** "12月31日" from a picker's "2026-12-31". */
export function shortDay(day: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : day;
}

/** What the confirmation modal says before charges are issued: what happens, and that it stays. */
export function issueConfirmText(scheme: SchemeView, payingUnits: number, dueDate: string): string {
  return (
    `将按「${scheme.title}」向 ${payingUnits} 户出具应缴款，合计 ${scheme.totalLabel}，` +
    `缴款截止 ${shortDay(dueDate)}。出具后不能修改或撤回，如有错误只能另记一笔更正。`
  );
}

export function issuedLine(r: IssueChargesResult): string {
  const fresh = r.issued > 0 ? `本次出具 ${r.issued} 户` : '没有新出具的应缴款';
  return `${fresh}；共 ${r.chargedUnits} 户，合计 ${formatFen(r.chargedFen)}`;
}

// ---- Expenses to the contractor ----------------------------------------------------------------

export const MILESTONES: Array<{ key: MilestoneName; label: string }> = [
  { key: 'deposit', label: '合同定金' },
  { key: 'installation', label: '安装完成款' },
  { key: 'acceptance', label: '验收后尾款' },
];

export interface ExpenseForm {
  milestoneIndex: number;
  payee: string;
  amountYuan: string;
  memo: string;
  invoiceFileId: string;
}

export function emptyExpenseForm(payee = ''): ExpenseForm {
  return { milestoneIndex: 0, payee, amountYuan: '', memo: '', invoiceFileId: '' };
}

export type ExpenseCheck =
  { ok: true; request: ProposeExpenseRequest; summary: string } | { ok: false; message: string };

export function expenseRequest(form: ExpenseForm): ExpenseCheck {
  const milestone = MILESTONES[form.milestoneIndex];
  if (!milestone) return { ok: false, message: '请选择付款节点' };
  const payee = form.payee.trim();
  if (!payee) return { ok: false, message: '请填写收款单位（电梯公司）' };
  const amountFen = parseYuan(form.amountYuan);
  if (amountFen === null || amountFen <= 0) {
    return { ok: false, message: '请填写付款金额（元，最多两位小数）' };
  }
  if (!form.invoiceFileId) return { ok: false, message: '请拍摄或上传发票' };
  const request: ProposeExpenseRequest = {
    milestone: milestone.key,
    payee,
    amountFen,
    invoiceFileId: form.invoiceFileId,
  };
  if (form.memo.trim()) request.memo = form.memo.trim();
  return {
    ok: true,
    request,
    summary: `${milestone.label} ${formatFen(amountFen)}，付给 ${payee}`,
  };
}

export function proposeConfirmText(summary: string): string {
  return `提出付款：${summary}。提出后由出纳付款并记入公开账本；提出的内容不能修改，出纳可以驳回。`;
}

export interface ExpenseRow {
  id: string;
  title: string;
  amountText: string;
  line: string;
  statusLabel: string;
  paid: boolean;
}

export function expenseRow(e: ExpenseView): ExpenseRow {
  const when = e.paidAt
    ? `付于 ${formatDateTime(e.paidAt)}`
    : `${e.proposedByLabel} 提出于 ${formatDateTime(e.proposedAt)}`;
  return {
    id: e.id,
    title: e.milestoneLabel,
    amountText: e.amountText,
    line: `付给 ${e.payee} · ${when}${e.reason ? ` · 驳回原因：${e.reason}` : ''}`,
    statusLabel: e.statusLabel,
    paid: e.status === 'paid',
  };
}

// ---- Maintenance-fund red line -----------------------------------------------------------------

export interface RedLineScreen {
  headline: string;
  building: string;
  topUp: string;
  selfRaised: string;
  consequences: string[];
  lowest: Array<{ unitNo: string; percent: string; detail: string; below: boolean }>;
  empty: boolean;
}

/** Percent with one decimal, as the server gives it (0–100). */
function percentText(percent: number): string {
  return `${percent.toFixed(1).replace(/\.0$/, '')}%`;
}

export function redLineScreen(r: RedLineView): RedLineScreen {
  if (r.units === 0) {
    return {
      headline: '还没有导入维修基金余额',
      building: '',
      topUp: '',
      selfRaised: '',
      consequences: r.consequences,
      lowest: [],
      empty: true,
    };
  }
  return {
    headline: `${r.units} 户中有 ${r.belowRedLine} 户的维修基金余额低于首期归集的 30%`,
    building: `全楼余额 ${formatFen(r.balanceFen)}，为首期归集 ${formatFen(r.firstDepositFen)} 的 ${percentText(r.percent)}`,
    topUp: `若动用维修基金：这 ${r.belowRedLine} 户须续筹到首期的 50%，共 ${r.topUpText}`,
    selfRaised: `自筹方案：目标 ${formatFen(r.selfRaisedTargetFen)}，按分摊方案由各户缴纳，不动用维修基金，不触发续筹`,
    consequences: r.consequences,
    lowest: r.lowest.map((u) => ({
      unitNo: u.unitNo,
      percent: percentText(u.percent),
      detail: `${formatFen(u.balanceFen)} / ${formatFen(u.firstDepositFen)}`,
      below: u.percent < 30,
    })),
    empty: false,
  };
}
