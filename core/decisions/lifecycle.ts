/**
 * The life of a decision, as pure transitions that take `now` and either return the next
 * decision or say why not. The rules they keep:
 * - nothing is voted that was not posted: only a draft can change; a posted notice can only be
 *   withdrawn back to a draft (and its clock starts again when re-posted);
 * - the notice stands at least `noticeDays` (default 15) before voting opens (Beijing arts 35, 37;
 *   Jinan's 15-day plan notice);
 * - the announced window holds: voting closes at its deadline, not before; a deadline can only be
 *   extended while voting runs;
 * - a preliminary result, then an objection period, then the final result (Dongguan practice).
 */
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { readableAt } from '../registry/time';
import type { Matter } from '../tally';
import { questionProblems } from './choices';
import type {
  BallotPrivacy,
  Decision,
  DecisionDocument,
  DecisionStatus,
  Electorate,
  EmergencyOrder,
  Question,
  ResultSnapshot,
} from './model';

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONE = 'Asia/Shanghai';

export type Now = Date | number | string | Dayjs;

export const DEFAULT_NOTICE_DAYS = 15;
export const DEFAULT_OBJECTION_DAYS = 7;
/** The notice stands at least 15 days (DOMAIN.md, Beijing arts 35, 37). */
export const NOTICE_DAYS_RANGE = { min: 15, max: 90 } as const;
/**
 * Shorter only on the emergency route: an elevator ordered out of service by an inspection body
 * (Shanghai regulations art. 73), with that order attached and stated on the notice.
 */
export const EMERGENCY_NOTICE_DAYS_RANGE = { min: 1, max: 14 } as const;
export const OBJECTION_DAYS_RANGE = { min: 1, max: 30 } as const;

export type LifecycleRefusalCode =
  /** The decision is not in the state the step starts from. */
  | 'WRONG_STATUS'
  /** Something the step needs is missing or invalid. */
  | 'INVALID'
  /** The step's time has not come (notice period, deadline, objection period). */
  | 'TOO_EARLY'
  /** The step's time has passed (the deadline). */
  | 'TOO_LATE';

export interface LifecycleRefusal {
  code: LifecycleRefusalCode;
  message: string;
}

export type Transition =
  { ok: true; decision: Decision } | { ok: false; refusal: LifecycleRefusal };

/** What an organizer writes in a draft. */
export interface DraftFields {
  title: string;
  summary: string;
  matter: Matter;
  question: Question;
  documents: DecisionDocument[];
  noticeDays: number;
  objectionDays: number;
  opensAt: string | null;
  closesAt: string | null;
  /** The inspection body's order that takes the emergency route; null on the normal route. */
  emergency: EmergencyOrder | null;
  /** Whether the public list shows each flat's choice or only receipts (model.ts). */
  privacy: BallotPrivacy;
}

const STATUS_LABEL: Record<DecisionStatus, string> = {
  draft: '草稿',
  notice: '公示中',
  open: '投票中',
  closed: '已截止，待计票',
  preliminary: '初步结果公示中',
  final: '已公布最终结果',
};

/** Shanghai ISO text of an instant: `2026-12-01T09:00:00+08:00`. */
export function isoAt(now: Now): string {
  return dayjs(now).tz(ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** Reads an instant written as ISO text; null when it is not one. */
export function parseInstant(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return null;
  const parsed = dayjs(text);
  return parsed.isValid() ? parsed.valueOf() : null;
}

function ms(now: Now): number {
  return dayjs(now).valueOf();
}

function plusDays(at: Now, days: number): number {
  return dayjs(at).tz(ZONE).add(days, 'day').valueOf();
}

/** The earliest instant voting may open after a notice posted at `postedAt`. */
export function earliestOpening(postedAt: Now, noticeDays: number): string {
  return isoAt(plusDays(postedAt, noticeDays));
}

function refuse(code: LifecycleRefusalCode, message: string): Transition {
  return { ok: false, refusal: { code, message } };
}

function expectStatus(decision: Decision, status: DecisionStatus, step: string): Transition | null {
  if (decision.status === status) return null;
  return refuse(
    'WRONG_STATUS',
    `${step}需要议题处于“${STATUS_LABEL[status]}”，现在是“${STATUS_LABEL[decision.status]}”`,
  );
}

/** Problems with draft fields that no draft may have (a draft may still be incomplete). */
export function draftProblems(fields: DraftFields): string[] {
  const problems: string[] = [];
  if (!fields.title.trim()) problems.push('标题不能为空');
  if (fields.emergency) {
    if (
      !inRange(fields.noticeDays, {
        min: EMERGENCY_NOTICE_DAYS_RANGE.min,
        max: NOTICE_DAYS_RANGE.max,
      })
    ) {
      problems.push(`公示天数须为 ${EMERGENCY_NOTICE_DAYS_RANGE.min}–${NOTICE_DAYS_RANGE.max} 天`);
    }
    if (!fields.emergency.authority.trim()) problems.push('紧急程序须写明责令停用的检验机构');
    if (!fields.emergency.fileId.trim()) problems.push('紧急程序须附检验机构的停用通知');
  } else if (!inRange(fields.noticeDays, NOTICE_DAYS_RANGE)) {
    problems.push(
      Number.isInteger(fields.noticeDays) &&
        fields.noticeDays >= EMERGENCY_NOTICE_DAYS_RANGE.min &&
        fields.noticeDays < NOTICE_DAYS_RANGE.min
        ? `公示期至少 ${NOTICE_DAYS_RANGE.min} 天；少于 ${NOTICE_DAYS_RANGE.min} 天只适用于电梯被检验机构责令停用的紧急情况，须附停用通知`
        : `公示天数须为 ${NOTICE_DAYS_RANGE.min}–${NOTICE_DAYS_RANGE.max} 天`,
    );
  }
  if (!inRange(fields.objectionDays, OBJECTION_DAYS_RANGE)) {
    problems.push(`异议期须为 ${OBJECTION_DAYS_RANGE.min}–${OBJECTION_DAYS_RANGE.max} 天`);
  }
  for (const [name, value] of [
    ['opensAt', fields.opensAt],
    ['closesAt', fields.closesAt],
  ] as const) {
    if (value !== null && parseInstant(value) === null) problems.push(`${name} 不是有效时间`);
  }
  return problems;
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

export function newDecision(input: {
  id: string;
  buildingId: string;
  createdBy: string;
  now: Now;
  fields: DraftFields;
}): Transition {
  const problems = draftProblems(input.fields);
  if (problems.length) return refuse('INVALID', problems.join('；'));
  const at = isoAt(input.now);
  return {
    ok: true,
    decision: {
      _id: input.id,
      buildingId: input.buildingId,
      ...normalized(input.fields),
      status: 'draft',
      createdBy: input.createdBy,
      createdAt: at,
      updatedAt: at,
      noticePostedAt: null,
      openedAt: null,
      closedAt: null,
      preliminaryAt: null,
      objectionEndsAt: null,
      finalAt: null,
      electorate: null,
      result: null,
    },
  };
}

/** Instants are kept as Shanghai ISO text so they read as local time and sort as text. */
function normalized(fields: DraftFields): DraftFields {
  const instant = (v: string | null): string | null => {
    const parsed = v === null ? null : parseInstant(v);
    return parsed === null ? null : isoAt(parsed);
  };
  return { ...fields, opensAt: instant(fields.opensAt), closesAt: instant(fields.closesAt) };
}

export function editDraft(decision: Decision, patch: Partial<DraftFields>, now: Now): Transition {
  const wrong = expectStatus(decision, 'draft', '修改议题');
  if (wrong) {
    return decision.status === 'notice'
      ? refuse(
          'WRONG_STATUS',
          '议题已公示，不能修改；请先撤回公示，修改后重新公示（重新计算公示期）',
        )
      : wrong;
  }
  const fields: DraftFields = { ...draftFieldsOf(decision), ...patch };
  const problems = draftProblems(fields);
  if (problems.length) return refuse('INVALID', problems.join('；'));
  return { ok: true, decision: { ...decision, ...normalized(fields), updatedAt: isoAt(now) } };
}

export function draftFieldsOf(decision: Decision): DraftFields {
  const { title, summary, matter, question, documents, noticeDays, objectionDays } = decision;
  const { opensAt, closesAt } = decision;
  return {
    emergency: decision.emergency ?? null,
    privacy: decision.privacy ?? 'open',
    title,
    summary,
    matter,
    question,
    documents,
    noticeDays,
    objectionDays,
    opensAt,
    closesAt,
  };
}

/** Posts the notice: the question, documents and voting window as they will be voted. */
export function postNotice(decision: Decision, now: Now): Transition {
  const wrong = expectStatus(decision, 'draft', '发布公示');
  if (wrong) return wrong;
  const problems = [
    ...draftProblems(draftFieldsOf(decision)),
    ...questionProblems(decision.question),
  ];
  const opens = decision.opensAt === null ? null : parseInstant(decision.opensAt);
  const closes = decision.closesAt === null ? null : parseInstant(decision.closesAt);
  if (opens === null) problems.push('请设定表决开始时间');
  if (closes === null) problems.push('请设定表决截止时间');
  if (problems.length) return refuse('INVALID', problems.join('；'));
  if (opens === null || closes === null) return refuse('INVALID', '请设定表决时间');
  const earliest = plusDays(now, decision.noticeDays);
  if (opens < earliest) {
    return refuse(
      'TOO_EARLY',
      `公示期至少 ${decision.noticeDays} 天：表决最早 ${readableAt(earliest, ms(now))} 开始，请推迟开始时间`,
    );
  }
  if (closes <= opens) return refuse('INVALID', '截止时间须晚于开始时间');
  const at = isoAt(now);
  return {
    ok: true,
    decision: { ...decision, status: 'notice', noticePostedAt: at, updatedAt: at },
  };
}

/** Takes a posted notice back to a draft; re-posting starts the notice period again. */
export function withdrawNotice(decision: Decision, now: Now): Transition {
  const wrong = expectStatus(decision, 'notice', '撤回公示');
  if (wrong) return wrong;
  return {
    ok: true,
    decision: { ...decision, status: 'draft', noticePostedAt: null, updatedAt: isoAt(now) },
  };
}

/** Opens voting once the notice has stood its days and the announced start has come. */
export function openVoting(decision: Decision, now: Now, electorate: Electorate): Transition {
  const wrong = expectStatus(decision, 'notice', '开始表决');
  if (wrong) return wrong;
  const posted = decision.noticePostedAt;
  const opens = decision.opensAt === null ? null : parseInstant(decision.opensAt);
  const closes = decision.closesAt === null ? null : parseInstant(decision.closesAt);
  if (posted === null || opens === null || closes === null) {
    return refuse('INVALID', '公示缺少发布时间或表决时间');
  }
  const t = ms(now);
  const earliest = Math.max(opens, plusDays(posted, decision.noticeDays));
  if (t < earliest) {
    return refuse('TOO_EARLY', `公示期未满：表决最早 ${readableAt(earliest, ms(now))} 开始`);
  }
  if (t >= closes) {
    return refuse('TOO_LATE', '公示的表决截止时间已过，请撤回公示并重新安排表决时间');
  }
  if (electorate.owners < 1 || electorate.area < 1) return refuse('INVALID', '业主名册为空');
  const at = isoAt(now);
  return {
    ok: true,
    decision: { ...decision, status: 'open', openedAt: at, electorate, updatedAt: at },
  };
}

/** Moves the deadline later while voting runs (never earlier: the announced window holds). */
export function extendDeadline(decision: Decision, now: Now, closesAt: string): Transition {
  const wrong = expectStatus(decision, 'open', '延长表决');
  if (wrong) return wrong;
  const next = parseInstant(closesAt);
  if (next === null) return refuse('INVALID', '截止时间无效');
  const current = decision.closesAt === null ? null : parseInstant(decision.closesAt);
  if (current === null) return refuse('INVALID', '议题没有截止时间');
  if (ms(now) >= current) return refuse('TOO_LATE', '表决已到截止时间，不能再延长');
  if (next <= current) return refuse('INVALID', '新的截止时间须晚于原截止时间');
  return {
    ok: true,
    decision: { ...decision, closesAt: isoAt(next), updatedAt: isoAt(now) },
  };
}

/** Closes voting at or after its deadline. */
export function closeVoting(decision: Decision, now: Now): Transition {
  const wrong = expectStatus(decision, 'open', '结束表决');
  if (wrong) return wrong;
  const closes = decision.closesAt === null ? null : parseInstant(decision.closesAt);
  if (closes === null) return refuse('INVALID', '议题没有截止时间');
  if (ms(now) < closes) {
    return refuse('TOO_EARLY', `表决到 ${readableAt(closes, ms(now))} 截止，不能提前结束`);
  }
  const at = isoAt(now);
  return { ok: true, decision: { ...decision, status: 'closed', closedAt: at, updatedAt: at } };
}

/** Posts the preliminary result and starts the objection period. */
export function publishPreliminary(
  decision: Decision,
  now: Now,
  result: Omit<ResultSnapshot, 'at'>,
): Transition {
  const wrong = expectStatus(decision, 'closed', '公示初步结果');
  if (wrong) return wrong;
  const at = isoAt(now);
  return {
    ok: true,
    decision: {
      ...decision,
      status: 'preliminary',
      preliminaryAt: at,
      objectionEndsAt: isoAt(plusDays(now, decision.objectionDays)),
      result: { ...result, at },
      updatedAt: at,
    },
  };
}

/** Publishes the final result once the objection period is over. */
export function publishFinal(decision: Decision, now: Now): Transition {
  const wrong = expectStatus(decision, 'preliminary', '公布最终结果');
  if (wrong) return wrong;
  const ends = decision.objectionEndsAt === null ? null : parseInstant(decision.objectionEndsAt);
  if (ends === null) return refuse('INVALID', '没有异议期');
  if (ms(now) < ends) return refuse('TOO_EARLY', `异议期到 ${readableAt(ends, ms(now))} 结束`);
  const at = isoAt(now);
  return { ok: true, decision: { ...decision, status: 'final', finalAt: at, updatedAt: at } };
}

export type VotingWindow = 'not-open' | 'open' | 'ended';

/**
 * Whether a ballot can be cast at `now`: only while the decision is open and before its deadline
 * (an open decision past its deadline takes no more ballots, even before someone closes it).
 */
export function votingWindow(decision: Decision, now: Now): VotingWindow {
  if (decision.status === 'draft' || decision.status === 'notice') return 'not-open';
  if (decision.status !== 'open') return 'ended';
  const closes = decision.closesAt === null ? null : parseInstant(decision.closesAt);
  if (closes === null || ms(now) >= closes) return 'ended';
  return 'open';
}

export function statusLabel(status: DecisionStatus): string {
  return STATUS_LABEL[status];
}

/** Days after voting closes within which the result must be posted. */
export const RESULT_POSTING_DAYS = 3;

/**
 * The deadline for posting the result: three days after voting closed (or after the deadline, if
 * nobody has closed it yet); overdue when it has passed with nothing posted; met when posted.
 */
export function resultDeadline(
  decision: Decision,
  now: Now,
): { dueAt: string; overdue: boolean; metAt: string | null } | null {
  const ended = decision.closedAt ?? (decision.status === 'open' ? decision.closesAt : null);
  const endedAt = ended === null ? null : parseInstant(ended);
  if (endedAt === null) return null;
  if (decision.status === 'open' && ms(now) < endedAt) return null;
  const due = plusDays(endedAt, RESULT_POSTING_DAYS);
  const metAt = decision.preliminaryAt;
  return { dueAt: isoAt(due), overdue: metAt === null && ms(now) > due, metAt };
}
