/**
 * Casting: an owner or proxy online, or staff entering a signed paper ballot with its photo.
 *
 * Before the transaction: the caller (the guard's read), the decision and the unit (read together)
 * and — only for someone who is not the unit's voter — their proxies. Inside one transaction, four
 * document requests: read the person's ballot, write it, move the counters of its shard with
 * `_.inc`, add the audit entry. A repeated identical ballot writes nothing. A write conflict the
 * SDK could not retry away comes back as CONFLICT for the client to retry.
 */
import type { CastReceiptView } from '../../typings/api';
import {
  type Ballot,
  type CastRefusal,
  type Decision,
  type Voice,
  ballotId,
  castBallot,
  personFor,
  personKeyOf,
  rollHolds,
  votingWindow,
} from '../../core/decisions';
import type { Unit } from '../../core/registry/model';
import { voterOn } from '../../core/registry/rights';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { auditEntry } from '../repository/audit';
import { docs, inTransaction } from '../repository/docs';
import { voiceFor } from './access';
import { newReceipt } from './receipts';
import { incrementsOf, loadDecision, shardId } from './store';
import { receiptView } from './views';

export function castRefusalError(refusal: CastRefusal): AppError {
  switch (refusal.code) {
    case 'INVALID_CHOICE':
    case 'PHOTO_REQUIRED':
      return new AppError('INVALID_INPUT', refusal.message);
    case 'OWNER_ALREADY_VOTED':
    case 'NOT_OPEN':
    case 'CLOSED':
      // Not CONFLICT: a client retries CONFLICT, and these will not change by retrying.
      return new AppError('FORBIDDEN', refusal.message);
    default:
      return new AppError('INTERNAL', refusal.message);
  }
}

async function decisionAndUnit(
  ctx: UseCaseContext,
  decisionId: string,
  unitId: string,
): Promise<{ decision: Decision; unit: Unit }> {
  const store = docs(ctx.db);
  const [decision, unit] = await Promise.all([
    loadDecision(store, decisionId),
    store.get<Unit>('units', unitId),
  ]);
  if (!unit) throw new AppError('NOT_FOUND', `没有找到房屋 ${unitId}`);
  // Refused here, before any proxy lookup or transaction, when no ballot could be taken.
  const window = votingWindow(decision, ctx.now);
  if (window !== 'open') {
    throw new AppError('FORBIDDEN', window === 'not-open' ? '表决尚未开始' : '表决已截止');
  }
  return { decision, unit };
}

export async function castOnline(
  request: { decisionId: string; unitId: string; choice: string },
  ctx: UseCaseContext,
): Promise<CastReceiptView> {
  const caller = await ctx.caller();
  const { decision, unit } = await decisionAndUnit(ctx, request.decisionId, request.unitId);
  const voice = await voiceFor(ctx, caller, decision, unit);
  return record(ctx, caller, decision, unit, {
    choice: request.choice,
    voice,
    channel: 'online',
    photoFileId: null,
  });
}

export async function castPaper(
  request: {
    decisionId: string;
    unitId: string;
    choice: string;
    photoFileId: string;
    signedBy: Voice;
  },
  ctx: UseCaseContext,
): Promise<CastReceiptView> {
  const caller = await ctx.caller();
  const { decision, unit } = await decisionAndUnit(ctx, request.decisionId, request.unitId);
  return record(ctx, caller, decision, unit, {
    choice: request.choice,
    voice: request.signedBy,
    channel: 'paper',
    photoFileId: request.photoFileId,
  });
}

async function record(
  ctx: UseCaseContext,
  caller: Caller,
  decision: Decision,
  unit: Unit,
  cast: { choice: string; voice: Voice; channel: Ballot['channel']; photoFileId: string | null },
): Promise<CastReceiptView> {
  const electorate = decision.electorate;
  if (!electorate) throw new AppError('FORBIDDEN', '表决没有业主名册');
  const currentKey = personKeyOf({
    unitId: unit._id,
    voterId: unit.status === 'unsold' ? null : voterOn(unit, ctx.now),
    unsold: unit.status === 'unsold',
  });
  if (!rollHolds(electorate, unit._id, currentKey)) {
    throw new AppError(
      'FORBIDDEN',
      `${unit.unitNo} 的产权在表决开始后发生了变化，请联系换梯小组核实后处理`,
    );
  }
  const person = personFor(
    electorate,
    { unitId: unit._id, unitNo: unit.unitNo, area: unit.areaHundredths },
    currentKey,
  );
  const anchor = person.units[0]?.unitId ?? unit._id;
  const id = ballotId(decision._id, anchor);
  const { salt, receipt } = newReceipt({
    decisionId: decision._id,
    unitId: anchor,
    choice: cast.choice,
  });
  return inTransaction(
    ctx.db,
    async (tx) => {
      const previous = await tx.get<Ballot>('ballots', id);
      const outcome = castBallot({
        decision,
        person,
        previous,
        request: { ...cast, castBy: caller.openid, salt, receipt },
        now: ctx.now,
      });
      if (!outcome.ok) throw castRefusalError(outcome.refusal);
      const { ballot, delta, changed } = outcome;
      if (changed) {
        await tx.set('ballots', id, ballot);
        await tx.update(
          'tallies',
          shardId(decision._id, ballot.shard),
          incrementsOf(ctx.db, delta),
        );
        await tx.add(
          'audit',
          auditEntry(
            ctx,
            caller,
            cast.channel === 'paper' ? 'decisions.paperBallot' : 'decisions.cast',
            id,
            {
              unitId: unit._id,
              choice: ballot.choice,
              voice: ballot.voice,
              channel: ballot.channel,
              casts: ballot.casts,
              replaced: previous ? { choice: previous.choice, voice: previous.voice } : null,
              photoFileId: ballot.photoFileId,
            },
          ),
        );
      }
      return receiptView(decision, ballot, changed);
    },
    '同时投票的人较多，请稍后再试',
  );
}
