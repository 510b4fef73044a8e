/**
 * The organizer's steps: create and edit a draft, post and withdraw the notice, open voting
 * (freezing the roll and creating the counters), extend, close, publish the preliminary and the
 * final result. Each step reads the decision inside its transaction, applies the pure lifecycle
 * step, and writes the decision and an audit entry together.
 */
import type { ActionRequest, DecisionDetailView } from '../../typings/api';
import {
  DEFAULT_NOTICE_DAYS,
  DEFAULT_OBJECTION_DAYS,
  DEFAULT_SHARDS,
  type Decision,
  type DraftFields,
  type LifecycleRefusal,
  type RollInputUnit,
  type Transition,
  buildElectorate,
  closeVoting,
  editDraft,
  extendDeadline,
  newDecision,
  openVoting,
  postNotice,
  publishFinal,
  publishPreliminary,
  recount,
  resultOf,
  rollEntries,
  rollFromUnits,
  sameCounters,
  choicesOf,
  sumCounters,
  withdrawNotice,
} from '../../core/decisions';
import type { Unit } from '../../core/registry/model';
import { randomId } from '../auth/secrets';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { auditEntry } from '../repository/audit';
import { type Docs, docs, inTransaction } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { loadBuilding } from '../households/registry';
import { fileExists } from '../platform';
import { unansweredObjections } from './objections';
import { buildDetail } from './reading';
import { allBallots, emptyShards, loadDecision, loadShards, writeRoll } from './store';

type Req<A extends 'create' | 'edit' | 'extend'> = ActionRequest<'decisions', A>;

export function lifecycleError(refusal: LifecycleRefusal): AppError {
  return new AppError(refusal.code === 'INVALID' ? 'INVALID_INPUT' : 'CONFLICT', refusal.message);
}

function applied(t: Transition): Decision {
  if (!t.ok) throw lifecycleError(t.refusal);
  return t.decision;
}

export async function createDecision(
  request: Req<'create'>,
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const fields: DraftFields = {
    title: request.title,
    summary: request.summary ?? '',
    matter: request.matter,
    question: request.question,
    documents: request.documents ?? [],
    noticeDays: request.noticeDays ?? DEFAULT_NOTICE_DAYS,
    objectionDays: request.objectionDays ?? DEFAULT_OBJECTION_DAYS,
    opensAt: request.opensAt ?? null,
    closesAt: request.closesAt ?? null,
    emergency: request.emergency ?? null,
    privacy: request.privacy ?? 'open',
  };
  await checkEmergencyOrder(fields.emergency);
  const decision = applied(
    newDecision({
      id: randomId('d'),
      buildingId: building._id,
      createdBy: caller.openid,
      now: ctx.now,
      fields,
    }),
  );
  await inTransaction(ctx.db, async (tx) => {
    await tx.set('decisions', decision._id, decision);
    await tx.add('audit', auditEntry(ctx, caller, 'decisions.create', decision._id, null));
  });
  return buildDetail(ctx, decision);
}

/** Reads the decision in a transaction, applies `step`, writes it back with an audit entry. */
async function step(
  ctx: UseCaseContext,
  decisionId: string,
  action: string,
  apply: (decision: Decision) => Transition,
  alsoWrite?: (tx: Docs, next: Decision) => Promise<void>,
  detail?: (before: Decision, next: Decision) => Record<string, unknown>,
): Promise<DecisionDetailView> {
  const caller = await ctx.caller();
  const next = await inTransaction(ctx.db, async (tx) => {
    const current = await loadDecision(tx, decisionId);
    const updated = applied(apply(current));
    await tx.set('decisions', updated._id, updated);
    if (alsoWrite) await alsoWrite(tx, updated);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, `decisions.${action}`, decisionId, {
        from: current.status,
        to: updated.status,
        ...(detail ? detail(current, updated) : {}),
      }),
    );
    return updated;
  });
  return buildDetail(ctx, next);
}

/** The emergency route's order must be a file in storage, not a name typed in. */
async function checkEmergencyOrder(order: DraftFields['emergency'] | undefined): Promise<void> {
  if (!order) return;
  if (!(await fileExists(order.fileId))) {
    throw new AppError('INVALID_INPUT', '没有找到上传的检验机构停用通知，请重新上传');
  }
}

export async function editDecision(
  request: Req<'edit'>,
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  const { decisionId, ...patch } = request;
  await checkEmergencyOrder(patch.emergency);
  const defined = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  ) as Partial<DraftFields>;
  return step(
    ctx,
    decisionId,
    'edit',
    (d) => editDraft(d, defined, ctx.now),
    undefined,
    () => ({
      fields: Object.keys(defined),
    }),
  );
}

export function postDecisionNotice(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  return step(ctx, request.decisionId, 'postNotice', (d) => postNotice(d, ctx.now));
}

export function withdrawDecisionNotice(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  return step(ctx, request.decisionId, 'withdrawNotice', (d) => withdrawNotice(d, ctx.now));
}

/** The registry's units as the roll takes them on the day voting opens. */
export function rollOf(units: readonly Unit[], now: Date): RollInputUnit[] {
  return rollFromUnits(units, now);
}

/**
 * Opens voting: freezes the roll — every unit with its area and voter (`rolls`), and the owners
 * counted by law, total area and multi-unit owners (the electorate) — and creates the counter
 * shards in the same transaction as the status change.
 */
export async function openDecision(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  const before = await loadDecision(docs(ctx.db), request.decisionId);
  const units = await readAll<Unit>(ctx.db, 'units', { buildingId: before.buildingId });
  const roll = rollOf(units, ctx.now);
  const built = buildElectorate(roll, DEFAULT_SHARDS);
  if (!built.ok) throw new AppError('CONFLICT', `业主名册有误：${built.reason}`);
  const electorate = built.electorate;
  // Refuse out of turn before writing the roll.
  const inTurn = openVoting(before, ctx.now, electorate);
  if (!inTurn.ok) throw lifecycleError(inTurn.refusal);
  await writeRoll(ctx.db, before._id, rollEntries(before._id, roll));
  return step(
    ctx,
    request.decisionId,
    'open',
    (d) => openVoting(d, ctx.now, electorate),
    async (tx, next) => {
      for (const shard of emptyShards(next, electorate.shards)) {
        await tx.set('tallies', shard._id, shard);
      }
    },
    () => ({ owners: electorate.owners, area: electorate.area, units: electorate.units }),
  );
}

export function extendDecision(
  request: Req<'extend'>,
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  return step(
    ctx,
    request.decisionId,
    'extend',
    (d) => extendDeadline(d, ctx.now, request.closesAt),
    undefined,
    (before, next) => ({ closesAt: { from: before.closesAt, to: next.closesAt } }),
  );
}

export function closeDecision(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  return step(ctx, request.decisionId, 'close', (d) => closeVoting(d, ctx.now));
}

/**
 * Posts the preliminary result from the counters — after checking them against a recount of
 * every ballot, so nothing is published that the ballots do not bear out.
 */
export async function publishDecisionPreliminary(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  const decision = await loadDecision(docs(ctx.db), request.decisionId);
  // Refuse out of turn before reading every ballot.
  const inTurn = publishPreliminary(decision, ctx.now, {
    counters: sumCounters([], []),
    passed: false,
    winner: null,
  });
  if (!inTurn.ok) throw lifecycleError(inTurn.refusal);
  const electorate = decision.electorate;
  if (!electorate) throw new AppError('CONFLICT', '表决没有业主名册');
  const [shards, ballots] = await Promise.all([
    loadShards(ctx.db, decision._id),
    allBallots(ctx.db, decision._id),
  ]);
  const choices = choicesOf(decision.question);
  const kept = sumCounters(shards, choices);
  if (!sameCounters(kept, recount(ballots, choices))) {
    throw new AppError('CONFLICT', '计数与逐票复核不一致，请先运行复核并联系管理员');
  }
  const result = resultOf(decision, electorate, [kept]);
  return step(
    ctx,
    request.decisionId,
    'publishPreliminary',
    (d) =>
      publishPreliminary(d, ctx.now, {
        counters: result.counters,
        passed: result.passed,
        winner: result.winner,
      }),
    undefined,
    () => ({ passed: result.passed, winner: result.winner, ballots: ballots.length }),
  );
}

export async function publishDecisionFinal(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  const open = await unansweredObjections(ctx, request.decisionId);
  if (open > 0) {
    throw new AppError('CONFLICT', `还有 ${open} 条异议没有答复：答复全部异议后才能公布最终结果`);
  }
  return step(ctx, request.decisionId, 'publishFinal', (d) => publishFinal(d, ctx.now));
}
