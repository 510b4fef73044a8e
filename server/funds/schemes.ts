/**
 * Drafting cost-split schemes and attaching them to the plans of a vote. A scheme is checked by
 * splitting it over the building at once (a floor without a coefficient, an unknown exempt unit
 * or nobody left to pay is refused as the organizer types it, not when charges are due). Which
 * plan carries which scheme is a document of its own (`schemeLinks`, `_id = decisionId:planKey`),
 * written in the scheme's transaction: two schemes can never ride on one plan.
 */
import type { ActionRequest, SchemeView } from '../../typings/api';
import type { Decision } from '../../core/decisions/model';
import { formatFen } from '../../core/funds/money';
import {
  type Exemption,
  type Scheme,
  type SchemeLink,
  type SchemeLinkDoc,
  schemeLinkId,
} from '../../core/funds/model';
import {
  type SchemeStatus,
  type SchemeUnit,
  STATUS_LABELS,
  linkRefusal,
  planCost,
  planLabel,
  schemeStatus,
  splitInputOf,
} from '../../core/funds/schemes';
import { SPLIT_METHOD_LABELS, SPLIT_RULE, SplitError, splitCost } from '../../core/funds/split';
import { shanghaiIso } from '../../core/registry/time';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { auditEntry } from '../repository/audit';
import { docs, find, inTransaction, type Docs } from '../repository/docs';
import { buildingUnits, loadBuilding } from './registry';

type Req<A extends 'createScheme' | 'editScheme'> = ActionRequest<'funds', A>;

export function isOrganizer(caller: Pick<Caller, 'roles'>): boolean {
  return caller.roles.includes('organizer') || caller.roles.includes('admin');
}

export async function loadScheme(store: Docs, schemeId: string): Promise<Scheme> {
  const scheme = await store.get<Scheme>('schemes', schemeId);
  if (!scheme) throw new AppError('NOT_FOUND', '没有找到这个分摊方案');
  return scheme;
}

/** The decisions the schemes are attached to (one request). */
export async function linkedDecisions(
  db: Db,
  schemes: readonly Scheme[],
): Promise<Map<string, Decision>> {
  const ids = [...new Set(schemes.flatMap((s) => (s.link ? [s.link.decisionId] : [])))];
  if (!ids.length) return new Map();
  const found = await find<Decision>(db, 'decisions', { _id: db.command.in(ids) }, { limit: 100 });
  return new Map(found.map((d) => [d._id, d]));
}

function decisionOf(scheme: Scheme, decisions: ReadonlyMap<string, Decision>): Decision | null {
  return scheme.link ? (decisions.get(scheme.link.decisionId) ?? null) : null;
}

/** The total a scheme splits: the cost of the plan it rides on when that plan has one. */
export function effectiveTotal(scheme: Scheme, decision: Decision | null): number {
  if (scheme.link && decision) {
    const cost = planCost(decision, scheme.link.planKey);
    if (cost !== null) return cost;
  }
  return scheme.totalFen;
}

export function statusOf(scheme: Scheme, decisions: ReadonlyMap<string, Decision>): SchemeStatus {
  return schemeStatus(scheme.link, decisionOf(scheme, decisions));
}

/** Every unit's share under the scheme, in room order. */
export function sharesOf(
  scheme: Scheme,
  decision: Decision | null,
  units: readonly SchemeUnit[],
): number[] {
  const input = splitInputOf({ ...scheme, totalFen: effectiveTotal(scheme, decision) }, units);
  try {
    return splitCost(input).map((s) => s.fen);
  } catch (error) {
    if (error instanceof SplitError) {
      throw new AppError('CONFLICT', `方案「${scheme.title}」无法分摊：${error.message}`);
    }
    throw error;
  }
}

export function schemeView(scheme: Scheme, decisions: ReadonlyMap<string, Decision>): SchemeView {
  const decision = decisionOf(scheme, decisions);
  const status = statusOf(scheme, decisions);
  const total = effectiveTotal(scheme, decision);
  return {
    id: scheme._id,
    title: scheme.title,
    method: scheme.method,
    methodLabel: SPLIT_METHOD_LABELS[scheme.method],
    totalFen: total,
    totalLabel: formatFen(total),
    coefficients: Object.entries(scheme.coefficients)
      .map(([floor, thousandths]) => ({ floor: Number(floor), thousandths }))
      .sort((a, b) => a.floor - b.floor),
    exemptions: scheme.exemptions.map((e) => ({ ...e })),
    link:
      scheme.link && decision
        ? {
            decisionId: decision._id,
            decisionTitle: decision.title,
            planKey: scheme.link.planKey,
            planLabel: planLabel(decision, scheme.link.planKey),
          }
        : null,
    status,
    statusLabel: STATUS_LABELS[status],
    roundingRule: SPLIT_RULE,
    editable: status === 'draft' && scheme.chargedUnits === 0,
    chargedUnits: scheme.chargedUnits,
    chargedFen: scheme.chargedFen,
    createdAt: scheme.createdAt,
    updatedAt: scheme.updatedAt,
  };
}

/** Organizers see every scheme; everyone else only those put to a posted vote. */
export async function listSchemes(ctx: UseCaseContext): Promise<{ schemes: SchemeView[] }> {
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const schemes = await find<Scheme>(
    ctx.db,
    'schemes',
    { buildingId: building._id },
    { orderBy: ['createdAt', 'desc'], limit: 200 },
  );
  const decisions = await linkedDecisions(ctx.db, schemes);
  const organizer = isOrganizer(caller);
  return {
    schemes: schemes
      .filter((s) => organizer || statusOf(s, decisions) !== 'draft')
      .map((s) => schemeView(s, decisions)),
  };
}

interface Draft {
  title: string;
  method: Scheme['method'];
  totalFen: number | undefined;
  coefficients: Record<string, number>;
  exemptions: Array<{ unitId: string; reason: string }>;
  link: SchemeLink | null;
}

function coefficientRecord(list: ReadonlyArray<{ floor: number; thousandths: number }>) {
  const record: Record<string, number> = {};
  for (const { floor, thousandths } of list) {
    if (String(floor) in record) {
      throw new AppError('INVALID_INPUT', `${floor} 楼的系数填写了两次`);
    }
    record[String(floor)] = thousandths;
  }
  return record;
}

/**
 * Checks a draft against the building and its decision, and returns the scheme's stored fields:
 * exemptions name known units once each, the link names a plan of a draft decision, and the
 * split can be made.
 */
async function checkedFields(
  ctx: UseCaseContext,
  buildingId: string,
  draft: Draft,
): Promise<{
  fields: Pick<Scheme, 'title' | 'method' | 'totalFen' | 'coefficients' | 'exemptions' | 'link'>;
  decision: Decision | null;
}> {
  const units = await buildingUnits(ctx.db, buildingId);
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const exemptions: Exemption[] = [];
  for (const e of draft.exemptions) {
    const unit = byId.get(e.unitId);
    if (!unit) throw new AppError('INVALID_INPUT', `免摊房屋 ${e.unitId} 不在本楼房屋名单中`);
    if (exemptions.some((x) => x.unitId === e.unitId)) {
      throw new AppError('INVALID_INPUT', `免摊房屋 ${unit.unitNo} 填写了两次`);
    }
    exemptions.push({ unitId: e.unitId, unitNo: unit.unitNo, reason: e.reason });
  }
  let decision: Decision | null = null;
  if (draft.link) {
    decision = await docs(ctx.db).get<Decision>('decisions', draft.link.decisionId);
    if (!decision || decision.buildingId !== buildingId) {
      throw new AppError('NOT_FOUND', '没有找到这个表决议题');
    }
    const refusal = linkRefusal(decision, draft.link.planKey);
    if (refusal) throw new AppError('CONFLICT', refusal);
  }
  const cost = decision && draft.link ? planCost(decision, draft.link.planKey) : null;
  const totalFen = cost ?? draft.totalFen;
  if (totalFen === undefined) {
    throw new AppError('INVALID_INPUT', '请填写分摊总额（或附到一个有报价的方案上）');
  }
  const fields = {
    title: draft.title,
    method: draft.method,
    totalFen,
    coefficients: draft.method === 'floor-coefficient' ? draft.coefficients : {},
    exemptions,
    link: draft.link,
  };
  try {
    splitCost(splitInputOf(fields, units));
  } catch (error) {
    if (error instanceof SplitError) throw new AppError('INVALID_INPUT', error.message);
    throw error;
  }
  return { fields, decision };
}

/** Moves the plan's link document with the scheme, inside the scheme's transaction. */
async function relink(
  tx: Docs,
  schemeId: string,
  before: SchemeLink | null,
  after: SchemeLink | null,
): Promise<void> {
  const same =
    before && after && before.decisionId === after.decisionId && before.planKey === after.planKey;
  if (same) return;
  if (after) {
    const id = schemeLinkId(after.decisionId, after.planKey);
    const taken = await tx.get<SchemeLinkDoc>('schemeLinks', id);
    if (taken && taken.schemeId !== schemeId) {
      const other = await tx.get<Scheme>('schemes', taken.schemeId);
      throw new AppError(
        'CONFLICT',
        `该方案已附有分摊方案「${other?.title ?? taken.schemeId}」，请先把它取下`,
      );
    }
    const link: SchemeLinkDoc = {
      _id: id,
      decisionId: after.decisionId,
      planKey: after.planKey,
      schemeId,
    };
    await tx.set('schemeLinks', id, link);
  }
  if (before) await tx.remove('schemeLinks', schemeLinkId(before.decisionId, before.planKey));
}

export async function createScheme(
  request: Req<'createScheme'>,
  ctx: UseCaseContext,
): Promise<SchemeView> {
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const { fields, decision } = await checkedFields(ctx, building._id, {
    title: request.title,
    method: request.method,
    totalFen: request.totalFen,
    coefficients: coefficientRecord(request.coefficients ?? []),
    exemptions: request.exemptions ?? [],
    link: request.link ?? null,
  });
  const at = shanghaiIso(ctx.now);
  const scheme: Scheme = {
    _id: randomId('s'),
    buildingId: building._id,
    ...fields,
    createdBy: caller.openid,
    createdAt: at,
    updatedAt: at,
    chargedUnits: 0,
    chargedFen: 0,
  };
  await inTransaction(ctx.db, async (tx) => {
    await relink(tx, scheme._id, null, scheme.link);
    await tx.set('schemes', scheme._id, scheme);
    await tx.add('audit', auditEntry(ctx, caller, 'funds.createScheme', scheme._id, null));
  });
  return schemeView(scheme, new Map(decision ? [[decision._id, decision]] : []));
}

export async function editScheme(
  request: Req<'editScheme'>,
  ctx: UseCaseContext,
): Promise<SchemeView> {
  const caller = await ctx.caller();
  const before = await loadScheme(docs(ctx.db), request.schemeId);
  await assertEditable(ctx.db, before);
  const { fields, decision } = await checkedFields(ctx, before.buildingId, {
    title: request.title ?? before.title,
    method: request.method ?? before.method,
    totalFen: request.totalFen ?? before.totalFen,
    coefficients: request.coefficients
      ? coefficientRecord(request.coefficients)
      : before.coefficients,
    exemptions: request.exemptions ?? before.exemptions,
    link: request.link === undefined ? before.link : request.link,
  });
  const next = await inTransaction(ctx.db, async (tx) => {
    const current = await loadScheme(tx, before._id);
    if (current.updatedAt !== before.updatedAt || current.chargedUnits > 0) {
      throw new AppError('CONFLICT', '方案刚被他人修改，请刷新后再试');
    }
    const updated: Scheme = { ...current, ...fields, updatedAt: shanghaiIso(ctx.now) };
    await relink(tx, updated._id, current.link, updated.link);
    await tx.set('schemes', updated._id, updated);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'funds.editScheme', updated._id, {
        fields: Object.keys(request).filter((k) => k !== 'schemeId'),
      }),
    );
    return updated;
  });
  return schemeView(next, new Map(decision ? [[decision._id, decision]] : []));
}

/** A scheme changes only while nothing rests on it: no posted vote, no charges. */
async function assertEditable(db: Db, scheme: Scheme): Promise<void> {
  if (scheme.chargedUnits > 0) {
    throw new AppError('CONFLICT', '已按此方案出具应缴款，方案不能再修改');
  }
  const decisions = await linkedDecisions(db, [scheme]);
  if (statusOf(scheme, decisions) !== 'draft') {
    throw new AppError('CONFLICT', '方案所附的表决已公示，方案不能再修改');
  }
}
