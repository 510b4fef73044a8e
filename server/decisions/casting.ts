/**
 * Casting: an owner or proxy online, or staff entering a signed paper ballot with its photo.
 *
 * Everything about who may cast reads the decision's frozen roll (`rolls`), never the live
 * registry: the unit's area and voter as they stood when voting opened. Before the transaction:
 * the caller (the guard's read), the decision and the unit's roll entry (read together) and — only
 * for someone who is not the unit's voter — their proxies. Inside one transaction: read the
 * person's ballot, write it, move the counters of its shard with `_.inc` when any count moves, add
 * the audit entry. A repeated identical ballot writes nothing. A write conflict the SDK could not
 * retry away comes back as CONFLICT for the client to retry.
 *
 * A ballot staff enter — on paper, at the meeting, by video, door to door — needs its evidence:
 * a file in storage uploaded for this decision (and unit, except the meeting's sign-in sheet,
 * which covers many flats), for video and visits a second staff member, and for a proxy's
 * signature a written authorization on file. It never replaces the owner's own online ballot by
 * itself: that waits for an organizer other than whoever entered it.
 */
import type { CastReceiptView } from '../../typings/api';
import {
  type Ballot,
  CHANNEL_LABELS,
  type CastRefusal,
  type Decision,
  type RollEntry,
  type StaffChannel,
  type Voice,
  anchorOf,
  ballotId,
  castBallot,
  evidenceName,
  evidenceProblem,
  groupOf,
  isoAt,
  needsWitness,
  votingWindow,
} from '../../core/decisions';
import type { Member } from '../../core/registry/model';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import { AppError } from '../errors';
import { fileExists } from '../platform';
import { auditEntry } from '../repository/audit';
import { docs, inTransaction } from '../repository/docs';
import { assertVisible, isFieldWorker, proxyOnFile, voiceFor } from './access';
import { tellOwnerOfProxyVote } from '../reminders/actedForOwner';
import { newReceipt } from './receipts';
import { incrementsOf, loadDecision, loadRollEntry, shardId } from './store';
import { receiptView } from './views';

export function castRefusalError(refusal: CastRefusal): AppError {
  switch (refusal.code) {
    case 'INVALID_CHOICE':
    case 'PHOTO_REQUIRED':
    case 'WITNESS_REQUIRED':
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

async function decisionAndEntry(
  ctx: UseCaseContext,
  caller: Caller,
  decisionId: string,
  unitId: string,
): Promise<{ decision: Decision; entry: RollEntry }> {
  const store = docs(ctx.db);
  const [decision, entry] = await Promise.all([
    loadDecision(store, decisionId),
    loadRollEntry(store, decisionId, unitId),
  ]);
  assertVisible(decision, caller);
  // Refused here, before any proxy lookup or transaction, when no ballot could be taken.
  const window = votingWindow(decision, ctx.now);
  if (window !== 'open') {
    throw new AppError('FORBIDDEN', window === 'not-open' ? '表决尚未开始' : '表决已截止');
  }
  if (!entry) {
    throw new AppError('NOT_FOUND', '这套房屋不在本次表决开始时冻结的业主名册中');
  }
  return { decision, entry };
}

export async function castOnline(
  request: { decisionId: string; unitId: string; choice: string },
  ctx: UseCaseContext,
): Promise<CastReceiptView> {
  const caller = await ctx.caller();
  const { decision, entry } = await decisionAndEntry(
    ctx,
    caller,
    request.decisionId,
    request.unitId,
  );
  const voice = await voiceFor(ctx, caller, decision, entry);
  const receipt = await record(ctx, caller, decision, entry, {
    choice: request.choice,
    voice,
    channel: 'online',
    photoFileId: null,
  });
  await tellOwnerOfProxyVote(ctx, { decision, entry, proxyOpenid: caller.openid, receipt });
  return receipt;
}

interface PaperRequest {
  decisionId: string;
  unitId: string;
  choice: string;
  channel?: StaffChannel;
  photoFileId: string;
  witness?: string;
  signedBy: Voice;
}

/**
 * The evidence must be a file uploaded for this ballot: under `ballots/<decision>/<unit>`. The
 * meeting's sign-in sheet lists many flats, so for a meeting a sheet of this decision
 * (`ballots/<decision>/meeting-…`) will do — not another flat's own evidence.
 */
function photoIsForBallot(
  fileId: string,
  decisionId: string,
  unitId: string,
  channel: StaffChannel,
): boolean {
  if (!fileId.startsWith('cloud://')) return false;
  const under = (name: string): boolean => {
    const path = `/ballots/${decisionId}/${name}`;
    const at = fileId.indexOf(path);
    if (at < 0) return false;
    const next = fileId.charAt(at + path.length);
    return next === '-' || next === '.' || next === '/' || next === '_';
  };
  return under(unitId) || (channel === 'meeting' && under('meeting'));
}

async function checkPaperEvidence(
  ctx: UseCaseContext,
  caller: Caller,
  decision: Decision,
  entry: RollEntry,
  request: PaperRequest,
): Promise<void> {
  const channel = request.channel ?? 'paper';
  const what = evidenceName(channel);
  const missing = evidenceProblem({
    channel,
    fileId: request.photoFileId,
    castBy: caller.openid,
    witnessedBy: request.witness ?? null,
  });
  if (missing) throw new AppError('INVALID_INPUT', missing.message);
  if (!needsWitness(channel) && request.witness !== undefined) {
    throw new AppError('INVALID_INPUT', `${CHANNEL_LABELS[channel]}表决不需要见证人，请不要选择`);
  }
  if (!photoIsForBallot(request.photoFileId, decision._id, entry.unitId, channel)) {
    throw new AppError(
      'INVALID_INPUT',
      channel === 'meeting'
        ? `${what}须为本议题录入时上传的文件，请重新拍照上传`
        : `${what}须为本议题、${entry.unitNo} 录入时上传的文件，请重新上传`,
    );
  }
  if (!(await fileExists(request.photoFileId))) {
    throw new AppError('INVALID_INPUT', `没有找到上传的${what}，请重新上传`);
  }
  if (request.witness !== undefined) await checkWitness(ctx, channel, request.witness);
  if (request.signedBy === 'proxy' && !(await proxyOnFile(ctx, decision, entry))) {
    throw new AppError(
      'FORBIDDEN',
      `${entry.unitNo} 没有登记覆盖本议题的书面投票委托：代理人签字的表决票须先登记委托书`,
    );
  }
}

/** The second staff member must be someone else on the staff, not a name typed in. */
async function checkWitness(
  ctx: UseCaseContext,
  channel: StaffChannel,
  openid: string,
): Promise<void> {
  const member = await docs(ctx.db).get<Member>('members', openid);
  if (!member || !isFieldWorker(member)) {
    throw new AppError(
      'INVALID_INPUT',
      `${channel === 'visit' ? '另一位签字人' : '见证人'}须是社区工作者或换梯小组成员`,
    );
  }
}

export async function castPaper(
  request: PaperRequest,
  ctx: UseCaseContext,
): Promise<CastReceiptView> {
  const caller = await ctx.caller();
  const { decision, entry } = await decisionAndEntry(
    ctx,
    caller,
    request.decisionId,
    request.unitId,
  );
  await checkPaperEvidence(ctx, caller, decision, entry, request);
  const cast = {
    choice: request.choice,
    voice: request.signedBy,
    channel: request.channel ?? 'paper',
    photoFileId: request.photoFileId,
    witnessedBy: request.witness ?? null,
  };
  const previous = await docs(ctx.db).get<Ballot>(
    'ballots',
    ballotId(decision._id, anchorOf(decision.electorate ?? emptyElectorate(), entry.unitId)),
  );
  if (previous && previous.voice === 'owner' && previous.channel === 'online') {
    const overrideId = await holdOverride(ctx, caller, decision, entry, request);
    throw new AppError(
      'CONFLICT',
      `${entry.unitNo} 的业主本人已在线投票，${CHANNEL_LABELS[cast.channel]}表决票不会自动替换。已提交组织者复核（编号 ${overrideId}）：须由另一位组织者确认并说明理由，业主会收到通知`,
    );
  }
  return record(ctx, caller, decision, entry, cast, { refuseOverOnline: true });
}

function emptyElectorate(): NonNullable<Decision['electorate']> {
  return { owners: 0, area: 0, units: 0, groups: [], shards: 1 };
}

export interface PaperOverride {
  _id: string;
  decisionId: string;
  unitId: string;
  unitNo: string;
  choice: string;
  /** Absent on overrides held before other channels existed: paper. */
  channel?: StaffChannel;
  photoFileId: string;
  witnessedBy?: string | null;
  signedBy: Voice;
  enteredBy: string;
  enteredAt: string;
  status: 'pending' | 'confirmed' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

async function holdOverride(
  ctx: UseCaseContext,
  caller: Caller,
  decision: Decision,
  entry: RollEntry,
  request: PaperRequest,
): Promise<string> {
  const id = randomId('po');
  const held: PaperOverride = {
    _id: id,
    decisionId: decision._id,
    unitId: entry.unitId,
    unitNo: entry.unitNo,
    choice: request.choice,
    channel: request.channel ?? 'paper',
    photoFileId: request.photoFileId,
    witnessedBy: request.witness ?? null,
    signedBy: request.signedBy,
    enteredBy: caller.openid,
    enteredAt: isoAt(ctx.now),
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    reason: null,
  };
  await inTransaction(ctx.db, async (tx) => {
    const { _id, ...fields } = held;
    await tx.set('paperOverrides', _id, fields);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'decisions.paperOverrideHeld', id, {
        unitId: entry.unitId,
        choice: request.choice,
        channel: held.channel,
        photoFileId: request.photoFileId,
        witnessedBy: held.witnessedBy,
      }),
    );
  });
  return id;
}

/**
 * decisions.confirmPaperOverride: an organizer other than whoever entered the paper ballot
 * confirms, with a reason, that it replaces the owner's own online ballot (or rejects it).
 */
export async function decidePaperOverride(
  request: { overrideId: string; confirm: boolean; reason: string },
  ctx: UseCaseContext,
): Promise<{
  overrideId: string;
  status: PaperOverride['status'];
  receipt: CastReceiptView | null;
}> {
  const caller = await ctx.caller();
  const held = await docs(ctx.db).get<PaperOverride>('paperOverrides', request.overrideId);
  if (!held) throw new AppError('NOT_FOUND', '没有找到这张待确认的纸质票');
  if (held.status !== 'pending') throw new AppError('CONFLICT', '这张纸质票已经处理过');
  if (held.enteredBy === caller.openid) {
    throw new AppError('FORBIDDEN', '录入人不能确认自己录入的纸质票，须由另一位组织者确认');
  }
  const reason = request.reason.trim();
  let receipt: CastReceiptView | null = null;
  if (request.confirm) {
    const { decision, entry } = await decisionAndEntry(ctx, caller, held.decisionId, held.unitId);
    receipt = await record(
      ctx,
      { ...caller, openid: held.enteredBy },
      decision,
      entry,
      {
        choice: held.choice,
        voice: held.signedBy,
        channel: held.channel ?? 'paper',
        photoFileId: held.photoFileId,
        witnessedBy: held.witnessedBy ?? null,
      },
      { refuseOverOnline: false, confirmedBy: caller.openid, reason },
    );
  }
  const status = request.confirm ? 'confirmed' : 'rejected';
  await inTransaction(ctx.db, async (tx) => {
    await tx.update('paperOverrides', held._id, {
      status,
      decidedBy: caller.openid,
      decidedAt: isoAt(ctx.now),
      reason,
    });
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'decisions.paperOverrideDecided', held._id, {
        status,
        reason,
        unitId: held.unitId,
      }),
    );
  });
  return { overrideId: held._id, status, receipt };
}

async function record(
  ctx: UseCaseContext,
  caller: Caller,
  decision: Decision,
  entry: RollEntry,
  cast: {
    choice: string;
    voice: Voice;
    channel: Ballot['channel'];
    photoFileId: string | null;
    witnessedBy?: string | null;
  },
  paper: { refuseOverOnline: boolean; confirmedBy?: string; reason?: string } = {
    refuseOverOnline: false,
  },
): Promise<CastReceiptView> {
  const electorate = decision.electorate;
  if (!electorate) throw new AppError('FORBIDDEN', '表决没有业主名册');
  const group = groupOf(electorate, entry.unitId);
  const person = group
    ? { key: group.key, units: group.units, area: group.units.reduce((s, u) => s + u.area, 0) }
    : {
        key: entry.personKey,
        units: [{ unitId: entry.unitId, unitNo: entry.unitNo, area: entry.area }],
        area: entry.area,
      };
  const anchor = person.units[0]?.unitId ?? entry.unitId;
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
      if (
        paper.refuseOverOnline &&
        previous &&
        previous.voice === 'owner' &&
        previous.channel === 'online'
      ) {
        // The owner voted online between the check and this transaction: never replace silently.
        throw new AppError('CONFLICT', `${entry.unitNo} 的业主本人刚刚在线投票，纸质票未录入`);
      }
      const outcome = castBallot({
        decision,
        person,
        previous,
        request: { ...cast, castBy: caller.openid, salt, receipt },
        now: ctx.now,
      });
      if (!outcome.ok) throw castRefusalError(outcome.refusal);
      const { delta, changed } = outcome;
      const ballot: Ballot = paper.confirmedBy
        ? {
            ...outcome.ballot,
            override: {
              confirmedBy: paper.confirmedBy,
              reason: paper.reason ?? '',
              at: isoAt(ctx.now),
            },
          }
        : outcome.ballot;
      if (changed) {
        await tx.set('ballots', id, ballot);
        // A re-cast that changes only whose voice it is (the owner over a proxy) moves no count.
        const increments = incrementsOf(ctx.db, delta);
        if (Object.keys(increments).length > 0) {
          await tx.update('tallies', shardId(decision._id, ballot.shard), increments);
        }
        await tx.add(
          'audit',
          auditEntry(
            ctx,
            caller,
            cast.channel === 'online' ? 'decisions.cast' : 'decisions.paperBallot',
            id,
            {
              unitId: entry.unitId,
              choice: ballot.choice,
              voice: ballot.voice,
              channel: ballot.channel,
              casts: ballot.casts,
              replaced: previous
                ? { choice: previous.choice, voice: previous.voice, channel: previous.channel }
                : null,
              photoFileId: ballot.photoFileId,
              ...(ballot.witnessedBy ? { witnessedBy: ballot.witnessedBy } : {}),
              ...(paper.confirmedBy
                ? { confirmedBy: paper.confirmedBy, reason: paper.reason ?? '' }
                : {}),
            },
          ),
        );
      }
      return receiptView(decision, ballot, changed);
    },
    '同时投票的人较多，请稍后再试',
  );
}
