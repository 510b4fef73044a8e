/**
 * Schemes side by side, and "my share under each plan" before a vote. Both split over every unit
 * of the building (the split needs the whole weight), then show a page of rows: a scheme costs
 * the units (a thousand a request) and the decisions, whatever is shown.
 */
import type {
  ComparedScheme,
  ComparisonView,
  MyShare,
  MySharesView,
  PlanShareView,
  ShareRow,
} from '../../typings/api';
import type { Decision, PlanKey } from '../../core/decisions/model';
import { floorTotals, shareStats } from '../../core/funds/compare';
import { formatFen } from '../../core/funds/money';
import { type Scheme, type SchemeLinkDoc } from '../../core/funds/model';
import { areaInputOf, type SchemeUnit } from '../../core/funds/schemes';
import { SPLIT_METHOD_LABELS, splitCost, type SplitMethod } from '../../core/funds/split';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { docs, find } from '../repository/docs';
import { buildingUnits, myUnits } from './registry';
import { isOrganizer, linkedDecisions, schemeView, sharesOf, statusOf } from './schemes';

const DEFAULT_ROWS = 200;

function mineOf(
  units: readonly SchemeUnit[],
  shares: readonly number[],
  mine: ReadonlySet<string>,
) {
  const out: MyShare[] = [];
  units.forEach((u, i) => {
    if (!mine.has(u.unitId)) return;
    const fen = shares[i] ?? 0;
    out.push({ unitId: u.unitId, unitNo: u.unitNo, fen, label: formatFen(fen) });
  });
  return out;
}

function yourHome(mine: readonly MyShare[]): string | null {
  if (!mine.length) return null;
  return `您家约 ${formatFen(mine.reduce((sum, m) => sum + m.fen, 0))}`;
}

export async function compareSchemes(
  request: { schemeIds: string[]; offset?: number; limit?: number },
  ctx: UseCaseContext,
): Promise<ComparisonView> {
  const caller = await ctx.caller();
  const ids = [...new Set(request.schemeIds)];
  const schemes = await find<Scheme>(ctx.db, 'schemes', { _id: ctx.db.command.in(ids) });
  const decisions = await linkedDecisions(ctx.db, schemes);
  const organizer = isOrganizer(caller);
  const ordered = ids.map((id) => {
    const scheme = schemes.find((s) => s._id === id);
    // A draft is the organizers' working paper: others are told it does not exist.
    if (!scheme || (!organizer && statusOf(scheme, decisions) === 'draft')) {
      throw new AppError('NOT_FOUND', '没有找到这个分摊方案');
    }
    return scheme;
  });
  const buildingId = ordered[0]?.buildingId ?? '';
  const [units, mineUnits] = await Promise.all([
    buildingUnits(ctx.db, buildingId),
    myUnits(ctx, caller),
  ]);
  const mine = new Set(mineUnits.map((m) => m.unit._id));
  const shareLists = ordered.map((s) =>
    sharesOf(s, s.link ? (decisions.get(s.link.decisionId) ?? null) : null, units),
  );
  const compared: ComparedScheme[] = ordered.map((scheme, k) => {
    const shares = shareLists[k] ?? [];
    const exempt = new Set(scheme.exemptions.map((e) => e.unitId));
    const stats = shareStats(
      units.map((u, i) => ({ fen: shares[i] ?? 0, exempt: exempt.has(u.unitId) })),
    );
    const myShares = mineOf(units, shares, mine);
    return {
      scheme: schemeView(scheme, decisions),
      stats: {
        ...stats,
        minLabel: formatFen(stats.minFen),
        medianLabel: formatFen(stats.medianFen),
        maxLabel: formatFen(stats.maxFen),
      },
      mine: myShares,
      mineLabel: yourHome(myShares),
      floors: floorTotals(units.map((u, i) => ({ floor: u.floor, fen: shares[i] ?? 0 }))).map(
        (f) => ({ ...f, averageLabel: formatFen(f.averageFen) }),
      ),
    };
  });
  const offset = request.offset ?? 0;
  const limit = request.limit ?? DEFAULT_ROWS;
  const exemptSets = ordered.map((s) => new Set(s.exemptions.map((e) => e.unitId)));
  const rows: ShareRow[] = [];
  for (let i = offset; i < Math.min(units.length, offset + limit); i += 1) {
    const u = units[i];
    if (!u) break;
    rows.push({
      unitId: u.unitId,
      unitNo: u.unitNo,
      floor: u.floor,
      areaHundredths: u.areaHundredths,
      sharesFen: shareLists.map((list) => list[i] ?? 0),
      exempt: exemptSets.map((set) => set.has(u.unitId)),
      mine: mine.has(u.unitId),
    });
  }
  return { schemes: compared, rows, offset, total: units.length };
}

/** Plans of a decision that have a cost, with their letter (null for a proposal). */
function costedPlans(
  decision: Decision,
): Array<{ key: PlanKey | null; title: string; costFen: number }> {
  if (decision.question.kind !== 'plans') return [];
  return decision.question.plans.flatMap((p) =>
    p.costFen === null ? [] : [{ key: p.key, title: p.title, costFen: p.costFen }],
  );
}

/**
 * Before voting: the caller's share under each plan that has a cost — under the scheme the plan
 * carries, or by area (art. 283's default) when it carries none. A proposal with a scheme shows
 * that scheme's share.
 */
export async function myShares(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<MySharesView> {
  const caller = await ctx.caller();
  const decision = await docs(ctx.db).get<Decision>('decisions', request.decisionId);
  if (!decision || (decision.status === 'draft' && !isOrganizer(caller))) {
    throw new AppError('NOT_FOUND', '没有找到这个表决议题');
  }
  const [links, mineUnits] = await Promise.all([
    find<SchemeLinkDoc>(ctx.db, 'schemeLinks', { decisionId: decision._id }, { limit: 10 }),
    myUnits(ctx, caller),
  ]);
  const schemeIds = links.map((l) => l.schemeId);
  const schemes = schemeIds.length
    ? await find<Scheme>(ctx.db, 'schemes', { _id: ctx.db.command.in(schemeIds) })
    : [];
  const schemeFor = (key: PlanKey | null): Scheme | null => {
    const link = links.find((l) => l.planKey === key);
    return link ? (schemes.find((s) => s._id === link.schemeId) ?? null) : null;
  };
  const plans = costedPlans(decision);
  if (decision.question.kind === 'proposal') {
    const scheme = schemeFor(null);
    if (scheme) plans.push({ key: null, title: decision.title, costFen: scheme.totalFen });
  }
  if (!plans.length || !mineUnits.length) return { decisionId: decision._id, plans: [] };
  const units = await buildingUnits(ctx.db, decision.buildingId);
  const mine = new Set(mineUnits.map((m) => m.unit._id));
  const decisions = new Map([[decision._id, decision]]);
  const views: PlanShareView[] = plans.map((plan) => {
    const scheme = schemeFor(plan.key);
    const shares = scheme
      ? sharesOf(scheme, decision, units)
      : splitCost(areaInputOf(plan.costFen, units)).map((s) => s.fen);
    const method: SplitMethod = scheme?.method ?? 'area';
    const own = mineOf(units, shares, mine);
    const total = own.reduce((sum, m) => sum + m.fen, 0);
    const cost = scheme ? schemeView(scheme, decisions).totalFen : plan.costFen;
    const prefix = plan.key ? `方案${plan.key}` : '本议题';
    return {
      planKey: plan.key,
      planTitle: plan.title,
      costFen: cost,
      costLabel: formatFen(cost),
      schemeId: scheme?._id ?? null,
      method,
      methodLabel: SPLIT_METHOD_LABELS[method],
      units: own,
      totalFen: total,
      label: `${prefix}：您家约 ${formatFen(total)}`,
    };
  });
  return { decisionId: decision._id, plans: views };
}
