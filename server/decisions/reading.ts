/**
 * Reading decisions: the list, a decision with "my units" (who voted for them), the live result
 * (the decision and its counter shards: two requests whatever the building's size), the recount,
 * the published list of units, choices and receipts (no names), and a unit's status for staff.
 */
import { maskName } from '../../core/registry/privacy';
import { PRINCIPAL_LABELS } from '../auth/policy';
import type {
  DecisionDetailView,
  DecisionSummaryView,
  MyUnitBallotView,
  PublishedLineView,
  PublishedListView,
  RecountView,
  ResultsView,
  UnitBallotStatusView,
} from '../../typings/api';
import {
  type Ballot,
  CHANNEL_LABELS,
  type Counters,
  type Decision,
  anchorOf,
  ballotId,
  choicesOf,
  groupOf,
  isoAt,
  participationLines,
  privacyOf,
  privacyStatement,
  publishedLines,
  receiptLines,
  recount,
  resultOf,
  sameCounters,
  shortReceipt,
  sumCounters,
} from '../../core/decisions';
import type { Member, Person, Unit } from '../../core/registry/model';
import { allows, unitRights, voterOn } from '../../core/registry/rights';
import { formatArea } from '../../core/tally';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { docs, find } from '../repository/docs';
import { readAll, readByIds } from '../repository/readAll';
import { assertVisible, isFieldWorker, isOrganizer, proxiesHeldBy } from './access';
import { receiptOf } from './receipts';
import { allBallots, ballotPage, loadDecision, loadShards } from './store';
import { choiceLabel, choiceTotals, detailView, resultsView, summaryView } from './views';

export async function listDecisions(
  ctx: UseCaseContext,
): Promise<{ decisions: DecisionSummaryView[] }> {
  const caller = await ctx.caller();
  const where = isOrganizer(caller) ? {} : { status: ctx.db.command.neq('draft') };
  const decisions = await readAll<Decision>(ctx.db, 'decisions', where);
  decisions.sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0));
  return { decisions: decisions.map((d) => summaryView(d, ctx.now)) };
}

export async function decisionDetail(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<DecisionDetailView> {
  const decision = await loadDecision(docs(ctx.db), request.decisionId);
  return buildDetail(ctx, decision);
}

/** Names of the owners who vote for `units`, by person id: what a proxy is told they act for. */
async function principalNames(
  ctx: UseCaseContext,
  units: readonly Unit[],
): Promise<Map<string, string>> {
  const ids = [...new Set(units.map((u) => voterOn(u, ctx.now)).filter((id) => id !== null))];
  if (ids.length === 0) return new Map();
  const people = await readByIds<Person>(ctx.db, 'people', ids);
  return new Map(people.map((p) => [p._id, p.name]));
}

/**
 * The decision with the caller's units: for each, whether they may vote for it now, and the
 * ballot that covers it (its choice shown only to those who vote for the unit).
 */
export async function buildDetail(
  ctx: UseCaseContext,
  decision: Decision,
): Promise<DecisionDetailView> {
  const caller = await ctx.caller();
  assertVisible(decision, caller);
  const member = caller.member;
  const unitIds = member?.unitIds ?? [];
  let myUnits: MyUnitBallotView[] = [];
  if (member && unitIds.length) {
    const [units, proxies] = await Promise.all([
      readByIds<Unit>(ctx.db, 'units', unitIds),
      proxiesHeldBy(ctx, caller.openid),
    ]);
    const electorate = decision.electorate;
    const anchors = units.map((u) => (electorate ? anchorOf(electorate, u._id) : u._id));
    const ballots = decision.electorate
      ? await readByIds<Ballot>(
          ctx.db,
          'ballots',
          anchors.map((a) => ballotId(decision._id, a)),
        )
      : [];
    const open = decision.status === 'open';
    const entrants = await entrantsOf(ctx, ballots);
    const principals = await principalNames(
      ctx,
      units.filter((u) => voterOn(u, ctx.now) !== member.personId),
    );
    myUnits = units.map((unit, i): MyUnitBallotView => {
      const rights = unitRights({ member, unit, proxies, now: ctx.now });
      const mayVote = allows(rights.vote, decision._id);
      const isVoter = voterOn(unit, ctx.now) === member.personId;
      const ballot = ballots.find((b) => b._id === ballotId(decision._id, anchors[i] ?? unit._id));
      const group = electorate ? groupOf(electorate, unit._id) : null;
      return {
        unitId: unit._id,
        unitNo: unit.unitNo,
        canVote: open && mayVote,
        as: mayVote ? (isVoter ? 'owner' : 'proxy') : null,
        coveredUnitNos: group ? group.units.map((u) => u.unitNo) : [unit.unitNo],
        ballot: ballot
          ? {
              voice: ballot.voice,
              channel: ballot.channel,
              channelLabel: CHANNEL_LABELS[ballot.channel],
              castAt: ballot.castAt,
              choice: mayVote ? ballot.choice : null,
              choiceLabel: mayVote ? choiceLabel(decision, ballot.choice) : null,
              receipt: mayVote ? ballot.receipt : null,
              receiptShort: mayVote ? shortReceipt(ballot.receipt) : null,
              enteredBy: entrantOf(entrants, ballot),
              witnessedBy: witnessOf(entrants, ballot),
              replacedOnline:
                mayVote && ballot.override
                  ? { reason: ballot.override.reason, at: ballot.override.at }
                  : null,
              replacedReceipts: mayVote
                ? (ballot.replaced ?? []).map((r) => ({
                    receiptShort: shortReceipt(r.receipt),
                    choiceLabel: choiceLabel(decision, r.choice),
                    castAt: r.castAt,
                    replacedAt: r.replacedAt,
                  }))
                : [],
            }
          : null,
        onBehalfOf:
          mayVote && !isVoter ? (principals.get(voterOn(unit, ctx.now) ?? '') ?? '业主') : null,
      };
    });
  }
  return detailView(decision, ctx.now, {
    myUnits,
    canOrganize: isOrganizer(caller),
    canEnterPaper: isFieldWorker(caller),
  });
}

/**
 * The live result: the decision and its counter shards, read in parallel. Once the preliminary
 * result is posted, the published counters are shown (they cannot change after close anyway).
 */
export async function decisionResults(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<ResultsView> {
  const [decision, shards] = await Promise.all([
    loadDecision(docs(ctx.db), request.decisionId),
    loadShards(ctx.db, request.decisionId),
  ]);
  assertVisible(decision, await ctx.caller());
  const electorate = decision.electorate;
  if (!electorate) throw new AppError('CONFLICT', '表决尚未开始，还没有结果');
  const published = decision.result;
  const parts: Counters[] = published ? [published.counters] : shards;
  const result = resultOf(decision, electorate, parts);
  return resultsView(decision, result, published ? published.at : isoAt(ctx.now), electorate.units);
}

/** Recomputes the counters from every ballot and says whether they equal the kept ones. */
export async function recountDecision(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<RecountView> {
  const decision = await loadDecision(docs(ctx.db), request.decisionId);
  assertVisible(decision, await ctx.caller());
  if (!decision.electorate) throw new AppError('CONFLICT', '表决尚未开始，没有可复核的表决票');
  const [shards, ballots] = await Promise.all([
    loadShards(ctx.db, decision._id),
    allBallots(ctx.db, decision._id),
  ]);
  const choices = choicesOf(decision.question);
  const kept = sumCounters(shards, choices);
  const recounted = recount(ballots, choices);
  const equal = sameCounters(kept, recounted);
  const badReceipts = ballots.filter(
    (b) =>
      receiptOf({ decisionId: b.decisionId, unitId: b.unitId, choice: b.choice, salt: b.salt }) !==
      b.receipt,
  ).length;
  const totals = (c: Counters) => ({
    owners: c.voted.owners,
    areaHundredths: c.voted.area,
    choices: choiceTotals(decision, c),
  });
  const message = equal
    ? `复核一致：${ballots.length} 张表决票（${recounted.voted.owners} 位业主、${formatArea(recounted.voted.area)} m²）与计数完全相符`
    : `复核不一致：逐票计得 ${recounted.voted.owners} 位业主、${formatArea(recounted.voted.area)} m²，计数为 ${kept.voted.owners} 位业主、${formatArea(kept.voted.area)} m²`;
  return {
    decisionId: decision._id,
    ballots: ballots.length,
    counters: totals(kept),
    recounted: totals(recounted),
    equal: equal && badReceipts === 0,
    message: badReceipts ? `${message}；另有 ${badReceipts} 张表决票的回执无法复核` : message,
  };
}

/**
 * The published list, no names. On an `open` decision: each voting unit, its area, its choice and
 * receipt. On a `receipts` decision: each voting unit and its area (the turnout), and apart, every
 * ballot's receipt and choice in receipt order — nothing in the answer ties a choice to a flat.
 */
export async function publishedList(
  request: { decisionId: string; offset?: number; limit?: number },
  ctx: UseCaseContext,
): Promise<PublishedListView> {
  const decision = await loadDecision(docs(ctx.db), request.decisionId);
  const caller = await ctx.caller();
  // A draft is no one's business but the organizers': the same answer as a missing id.
  assertVisible(decision, caller);
  const posted = decision.status === 'preliminary' || decision.status === 'final';
  if (!posted && !(decision.status === 'closed' && isOrganizer(caller))) {
    throw new AppError('CONFLICT', '表决结果公示后才能查看逐户清单');
  }
  const privacy = privacyOf(decision);
  const offset = request.offset ?? 0;
  const limit = request.limit ?? 1000;
  const [ballots, byReceipt, total] = await Promise.all([
    ballotPage(ctx.db, decision._id, offset, limit),
    privacy === 'receipts'
      ? ballotPage(ctx.db, decision._id, offset, limit, 'receipt')
      : Promise.resolve<Ballot[]>([]),
    decision.result
      ? Promise.resolve(decision.result.counters.voted.owners)
      : countBallots(ctx, decision),
  ]);
  const entrants = await entrantsOf(ctx, ballots, 'public');
  // Lines are per unit; who entered a staff-taken ballot is known per ballot.
  const enteredBy = new Map<string, { by: string | null; witness: string | null }>();
  for (const b of ballots) {
    const who = { by: entrantOf(entrants, b), witness: witnessOf(entrants, b) };
    for (const u of b.units) enteredBy.set(u.unitNo, who);
  }
  const staffOf = (unitNo: string) => ({
    enteredBy: enteredBy.get(unitNo)?.by ?? null,
    witnessedBy: enteredBy.get(unitNo)?.witness ?? null,
  });
  const lines: PublishedLineView[] =
    privacy === 'open'
      ? publishedLines(ballots).map((line) => ({
          unitNo: line.unitNo,
          areaHundredths: line.area,
          area: formatArea(line.area),
          choice: line.choice,
          choiceLabel: choiceLabel(decision, line.choice),
          channel: line.channel,
          channelLabel: CHANNEL_LABELS[line.channel],
          ...staffOf(line.unitNo),
          receipt: line.receipt,
          receiptShort: shortReceipt(line.receipt),
        }))
      : participationLines(ballots).map((line) => ({
          unitNo: line.unitNo,
          areaHundredths: line.area,
          area: formatArea(line.area),
          choice: null,
          choiceLabel: null,
          channel: line.channel,
          channelLabel: CHANNEL_LABELS[line.channel],
          ...staffOf(line.unitNo),
          receipt: null,
          receiptShort: null,
        }));
  return {
    decisionId: decision._id,
    title: decision.title,
    status: decision.status,
    privacy,
    privacyStatement: privacyStatement(privacy),
    lines,
    receipts: receiptLines(byReceipt).map((r) => ({
      receipt: r.receipt,
      receiptShort: shortReceipt(r.receipt),
      choice: r.choice,
      choiceLabel: choiceLabel(decision, r.choice),
    })),
    ballots: ballots.length,
    totalBallots: total,
    nextOffset: offset + ballots.length < total ? offset + ballots.length : null,
  };
}

/**
 * Who entered the ballots staff took among `ballots`, and who witnessed or co-signed them (one
 * read, only when there are any): such a ballot always says who put it in. To the unit's own voter
 * and to staff, the member's label; on the list posted for everyone, their role and masked name
 * (the posted list names nobody).
 */
async function entrantsOf(
  ctx: UseCaseContext,
  ballots: readonly Pick<Ballot, 'channel' | 'castBy' | 'witnessedBy'>[],
  audience: 'private' | 'public' = 'private',
): Promise<Map<string, string>> {
  const staffTaken = ballots.filter((b) => b.channel !== 'online');
  const openids = [
    ...new Set([
      ...staffTaken.map((b) => b.castBy),
      ...staffTaken.flatMap((b) => (b.witnessedBy ? [b.witnessedBy] : [])),
    ]),
  ];
  if (!openids.length) return new Map();
  const members = await readByIds<Member>(ctx.db, 'members', openids);
  return new Map(
    members.map((m) => [m.openid, audience === 'public' ? publicEntrant(m) : m.label]),
  );
}

const ENTRANT_ROLES = ['organizer', 'staff', 'admin', 'treasurer'] as const;

function publicEntrant(member: Member): string {
  const role = ENTRANT_ROLES.find((r) => member.roles.includes(r));
  const name = member.label.split('（')[0] ?? '';
  return `${role ? PRINCIPAL_LABELS[role] : '工作人员'} ${maskName(name)}`;
}

function entrantOf(
  entrants: ReadonlyMap<string, string>,
  ballot: Pick<Ballot, 'channel' | 'castBy'>,
): string | null {
  return ballot.channel === 'online' ? null : (entrants.get(ballot.castBy) ?? '工作人员');
}

function witnessOf(
  entrants: ReadonlyMap<string, string>,
  ballot: Pick<Ballot, 'channel' | 'witnessedBy'>,
): string | null {
  if (ballot.channel === 'online' || !ballot.witnessedBy) return null;
  return entrants.get(ballot.witnessedBy) ?? '工作人员';
}

async function countBallots(ctx: UseCaseContext, decision: Decision): Promise<number> {
  const shards = await loadShards(ctx.db, decision._id);
  return sumCounters(shards, choicesOf(decision.question)).voted.owners;
}

/** Whether a unit has a ballot, and how it came (no choice): what staff need at the door. */
export async function unitBallotStatus(
  request: { decisionId: string; unitId?: string; unitNo?: string },
  ctx: UseCaseContext,
): Promise<UnitBallotStatusView> {
  const store = docs(ctx.db);
  const decision = await loadDecision(store, request.decisionId);
  assertVisible(decision, await ctx.caller());
  const unit = request.unitId
    ? await store.get<Unit>('units', request.unitId)
    : ((
        await find<Unit>(ctx.db, 'units', {
          buildingId: decision.buildingId,
          unitNo: request.unitNo ?? '',
        })
      )[0] ?? null);
  if (!unit)
    throw new AppError('NOT_FOUND', `没有找到房屋 ${request.unitId ?? request.unitNo ?? ''}`);
  const electorate = decision.electorate;
  const group = electorate ? groupOf(electorate, unit._id) : null;
  const ballot = electorate
    ? await store.get<Ballot>('ballots', ballotId(decision._id, anchorOf(electorate, unit._id)))
    : null;
  return {
    unitId: unit._id,
    unitNo: unit.unitNo,
    coveredUnitNos: group ? group.units.map((u) => u.unitNo) : [unit.unitNo],
    voted: ballot !== null,
    voice: ballot?.voice ?? null,
    channel: ballot?.channel ?? null,
    channelLabel: ballot ? CHANNEL_LABELS[ballot.channel] : null,
    castAt: ballot?.castAt ?? null,
    ...(await staffOf(ctx, ballot)),
  };
}

async function staffOf(
  ctx: UseCaseContext,
  ballot: Ballot | null,
): Promise<{ enteredBy: string | null; witnessedBy: string | null }> {
  if (!ballot) return { enteredBy: null, witnessedBy: null };
  const entrants = await entrantsOf(ctx, [ballot]);
  return { enteredBy: entrantOf(entrants, ballot), witnessedBy: witnessOf(entrants, ballot) };
}
