/**
 * Casting a ballot, as one pure step: (the decision, the person, their previous ballot, the cast)
 * → the new ballot and the counter delta, or a refusal. Who may cast for a unit (the voter, a
 * proxy whose scope covers the decision, staff with a signed paper form) is settled before this
 * step, from the registry; this step keeps the rules of the ballot itself:
 * - one ballot per person, whatever unit of theirs it was cast for;
 * - re-casting replaces the ballot until the deadline;
 * - the owner's own ballot (online or signed paper) overrides a proxy's, never the reverse;
 * - a ballot staff enter (paper, meeting, video, visit) needs its channel's evidence, and a video
 *   or visit also a second staff member (evidence.ts).
 */
import { isChoiceOf } from './choices';
import { deltaOf, shardOf } from './counters';
import { evidenceProblem, needsWitness } from './evidence';
import { type Now, isoAt, votingWindow } from './lifecycle';
import type { Ballot, Channel, Counters, Decision, Voice } from './model';
import { type VotingPerson, ballotId } from './roll';

export interface CastRequest {
  choice: string;
  /** Whose will it is: the owner's own, or their proxy's. */
  voice: Voice;
  channel: Channel;
  /** Openid of whoever submits it. */
  castBy: string;
  photoFileId: string | null;
  /** The second staff member of a video or visit ballot (their openid). */
  witnessedBy?: string | null;
  /** Fresh random salt and the receipt made from it (see receipt.ts); used if the ballot changes. */
  salt: string;
  receipt: string;
}

export type CastRefusalCode =
  | 'NOT_OPEN'
  | 'CLOSED'
  | 'INVALID_CHOICE'
  | 'OWNER_ALREADY_VOTED'
  | 'PHOTO_REQUIRED'
  | 'WITNESS_REQUIRED'
  | 'NO_ELECTORATE';

export interface CastRefusal {
  code: CastRefusalCode;
  message: string;
}

export type CastOutcome =
  | {
      ok: true;
      ballot: Ballot;
      delta: Counters;
      /** False when the cast repeats the ballot as it stands: nothing to write. */
      changed: boolean;
    }
  | { ok: false; refusal: CastRefusal };

const VOICE_RANK: Record<Voice, number> = { proxy: 1, owner: 2 };

export function castBallot(input: {
  decision: Decision;
  person: VotingPerson;
  previous: Ballot | null;
  request: CastRequest;
  now: Now;
}): CastOutcome {
  const { decision, person, previous, request, now } = input;
  const window = votingWindow(decision, now);
  if (window === 'not-open') return refuse('NOT_OPEN', '表决尚未开始');
  if (window === 'ended') return refuse('CLOSED', '表决已截止');
  const electorate = decision.electorate;
  if (!electorate) return refuse('NO_ELECTORATE', '表决没有业主名册');
  if (!isChoiceOf(decision.question, request.choice)) {
    return refuse('INVALID_CHOICE', `无效的选项：${request.choice}`);
  }
  const missing = evidenceProblem({
    channel: request.channel,
    fileId: request.photoFileId,
    castBy: request.castBy,
    witnessedBy: request.witnessedBy ?? null,
  });
  if (missing) return refuse(missing.code, missing.message);
  if (previous && VOICE_RANK[request.voice] < VOICE_RANK[previous.voice]) {
    return refuse('OWNER_ALREADY_VOTED', '业主本人已表决，代理人不能更改业主本人的表决');
  }
  const anchor = person.units[0];
  if (!anchor) return refuse('NO_ELECTORATE', '没有可表决的房屋');
  if (
    previous &&
    previous.choice === request.choice &&
    previous.voice === request.voice &&
    previous.channel === request.channel &&
    previous.area === person.area
  ) {
    // Repeating the same ballot (a double tap, a client retry) keeps its receipt.
    return { ok: true, ballot: previous, delta: deltaOf(previous, previous), changed: false };
  }
  const ballot: Ballot = {
    _id: ballotId(decision._id, anchor.unitId),
    decisionId: decision._id,
    unitId: anchor.unitId,
    personKey: person.key,
    units: person.units,
    area: person.area,
    choice: request.choice,
    voice: request.voice,
    channel: request.channel,
    castBy: request.castBy,
    photoFileId: request.channel === 'online' ? null : request.photoFileId,
    ...(needsWitness(request.channel) ? { witnessedBy: request.witnessedBy ?? null } : {}),
    salt: request.salt,
    receipt: request.receipt,
    castAt: isoAt(now),
    casts: (previous?.casts ?? 0) + 1,
    shard: shardOf(anchor.unitId, electorate.shards),
    replaced: previous
      ? [
          ...(previous.replaced ?? []),
          {
            receipt: previous.receipt,
            choice: previous.choice,
            castAt: previous.castAt,
            replacedAt: isoAt(now),
          },
        ]
      : [],
  };
  return { ok: true, ballot, delta: deltaOf(previous, ballot), changed: true };
}

function refuse(code: CastRefusalCode, message: string): CastOutcome {
  return { ok: false, refusal: { code, message } };
}
