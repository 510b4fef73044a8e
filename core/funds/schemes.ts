/**
 * What a scheme means: the apportionment input it stands for, and whether it binds. A split other
 * than by area needs its own agreement (民法典 art. 283), so no scheme binds by being drafted: it
 * binds when the decision whose plan carries it is final and passed with that plan.
 */
import type { Decision, PlanKey } from '../decisions/model';
import type { Scheme, SchemeLink } from './model';
import type { SplitInput } from './split';

export interface SchemeUnit {
  unitId: string;
  unitNo: string;
  floor: number;
  areaHundredths: number;
}

/**
 * The split of `scheme` over the building's `units` (in the order given: it breaks ties). Units
 * are keyed by room number so the split's messages name rooms residents know.
 */
export function splitInputOf(
  scheme: Pick<Scheme, 'totalFen' | 'method' | 'coefficients' | 'exemptions'>,
  units: readonly SchemeUnit[],
): SplitInput {
  const noOf = new Map(units.map((u) => [u.unitId, u.unitNo]));
  const coefficients = new Map<number, number>();
  for (const [floor, thousandths] of Object.entries(scheme.coefficients)) {
    coefficients.set(Number(floor), thousandths);
  }
  return {
    totalFen: scheme.totalFen,
    method: scheme.method,
    coefficientsThousandths: coefficients,
    exempt: new Set(scheme.exemptions.map((e) => noOf.get(e.unitId) ?? e.unitNo)),
    units: units.map((u) => ({ unit: u.unitNo, floor: u.floor, areaHundredths: u.areaHundredths })),
  };
}

/** The default when a plan carries no scheme: by area, nobody exempt. */
export function areaInputOf(totalFen: number, units: readonly SchemeUnit[]): SplitInput {
  return splitInputOf({ totalFen, method: 'area', coefficients: {}, exemptions: [] }, units);
}

export type SchemeStatus = 'draft' | 'on-vote' | 'binding' | 'not-adopted';

export const STATUS_LABELS: Record<SchemeStatus, string> = {
  draft: '草案',
  'on-vote': '投票中',
  binding: '已生效',
  'not-adopted': '未通过',
};

/** Whether the plan `link` names is carried by `decision`'s final, passed result. */
export function carried(decision: Decision, planKey: PlanKey | null): boolean {
  if (decision.status !== 'final' || !decision.result?.passed) return false;
  if (decision.question.kind === 'proposal') return planKey === null;
  return planKey !== null && decision.result.winner === planKey;
}

/** Where a scheme stands, from the decision its plan belongs to (null: none or not found). */
export function schemeStatus(link: SchemeLink | null, decision: Decision | null): SchemeStatus {
  if (!link || !decision || decision.status === 'draft') return 'draft';
  if (decision.status !== 'final') return 'on-vote';
  return carried(decision, link.planKey) ? 'binding' : 'not-adopted';
}

/**
 * Why `planKey` cannot carry a scheme in `decision`, or null when it can: the plan must exist
 * (null only for a proposal) and the decision must still be a draft — what is voted on is what
 * was posted with the notice.
 */
export function linkRefusal(decision: Decision, planKey: PlanKey | null): string | null {
  if (decision.status !== 'draft') {
    return '表决议题已公示，不能再更改其分摊方案（表决的内容须与公示一致）';
  }
  if (decision.question.kind === 'proposal') {
    return planKey === null ? null : '该议题不是方案选择，不能指定方案字母';
  }
  if (planKey === null) return '请指定该议题中的方案（A、B…）';
  return decision.question.plans.some((p) => p.key === planKey) ? null : `该议题没有方案${planKey}`;
}

/** The plan's estimated cost, or null when it has none (or the decision is a proposal). */
export function planCost(decision: Decision, planKey: PlanKey | null): number | null {
  if (decision.question.kind !== 'plans' || planKey === null) return null;
  return decision.question.plans.find((p) => p.key === planKey)?.costFen ?? null;
}

/** "方案A：保留导轨…" or the decision's title for a proposal. */
export function planLabel(decision: Decision, planKey: PlanKey | null): string {
  if (decision.question.kind === 'plans' && planKey !== null) {
    const plan = decision.question.plans.find((p) => p.key === planKey);
    return `方案${planKey}：${plan?.title ?? ''}`;
  }
  return decision.title;
}
