import {
  MILESTONE_STATUS_LABELS,
  STAGES,
  STAGE_LABELS,
  type Milestone,
  type MilestoneStatus,
  type Outage,
  type Stage,
} from './model';

/**
 * The rules of the timeline, over plain data and a `today` passed in (YYYY-MM-DD, Shanghai):
 * stages happen in order, a stage is done only when every earlier stage is, dates that happened
 * are never in the future, and the page's figures (current stage, percent, next key date) are
 * derived from the same milestones everyone sees.
 */

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** Every stage once, in order; stages never stored yet read as pending with no dates. */
export function timeline(stored: readonly Milestone[], buildingId: string): Milestone[] {
  return STAGES.map(
    (stage) =>
      stored.find((m) => m.stage === stage) ?? {
        _id: stage,
        buildingId,
        stage,
        status: 'pending',
        plannedStart: null,
        plannedEnd: null,
        actualStart: null,
        actualEnd: null,
        updatedAt: null,
        updatedBy: null,
        updateCount: 0,
      },
  );
}

export interface MilestoneChange {
  status: MilestoneStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

export type ChangeOutcome = { ok: true; milestone: Milestone } | { ok: false; reason: string };

function refuse(reason: string): ChangeOutcome {
  return { ok: false, reason };
}

/**
 * Applies an organizer's change to one stage, or says in plain words why it cannot hold:
 * - a stage starts only after the one before it has started, and is done only when every earlier
 *   stage is done;
 * - a stage goes back (done → active, or to pending) only while the next stage has not started;
 * - an active stage has its actual start, a done stage its actual start and end, none of them
 *   after today; a pending stage has no actual dates;
 * - planned and actual ends never come before their starts.
 * Dates left null on an active or done stage default to today.
 */
export function changeMilestone(
  all: readonly Milestone[],
  stage: Stage,
  change: MilestoneChange,
  today: string,
): ChangeOutcome {
  const line = timeline(all, all[0]?.buildingId ?? '');
  const index = stageIndex(stage);
  const current = line[index];
  if (!current) return refuse('没有这个阶段');
  const label = STAGE_LABELS[stage];
  const before = line.slice(0, index);
  const next = line[index + 1];
  const { status } = change;
  if (change.plannedStart && change.plannedEnd && change.plannedEnd < change.plannedStart) {
    return refuse(`${label}的计划结束日期不能早于计划开始日期`);
  }
  if (status !== 'pending') {
    const previous = before[before.length - 1];
    if (previous && previous.status === 'pending') {
      return refuse(`请先开始“${STAGE_LABELS[previous.stage]}”，再开始“${label}”`);
    }
  }
  if (status === 'done') {
    const open = before.find((m) => m.status !== 'done');
    if (open) return refuse(`“${STAGE_LABELS[open.stage]}”还没有完成，“${label}”不能标为已完成`);
  }
  const goesBack =
    (current.status === 'done' && status !== 'done') ||
    (current.status === 'active' && status === 'pending');
  if (goesBack && next && next.status !== 'pending') {
    return refuse(
      `“${STAGE_LABELS[next.stage]}”已经开始，“${label}”不能改回${MILESTONE_STATUS_LABELS[status]}`,
    );
  }
  let actualStart: string | null = null;
  let actualEnd: string | null = null;
  if (status === 'pending') {
    if (change.actualStart || change.actualEnd) {
      return refuse(`未开始的阶段不能填写实际日期`);
    }
  } else {
    actualStart = change.actualStart ?? current.actualStart ?? today;
    if (status === 'done') actualEnd = change.actualEnd ?? current.actualEnd ?? today;
    else if (change.actualEnd) return refuse(`${label}还在进行中，不能填写实际完成日期`);
    if (actualStart > today || (actualEnd !== null && actualEnd > today)) {
      return refuse('实际日期不能晚于今天');
    }
    if (actualEnd !== null && actualEnd < actualStart) {
      return refuse(`${label}的实际完成日期不能早于实际开始日期`);
    }
  }
  return {
    ok: true,
    milestone: {
      ...current,
      status,
      plannedStart: change.plannedStart,
      plannedEnd: change.plannedEnd,
      actualStart,
      actualEnd,
    },
  };
}

/** The stage under way: the first active one, else the first not done; null when all are done. */
export function currentStage(all: readonly Milestone[]): Stage | null {
  const line = timeline(all, '');
  return (
    (line.find((m) => m.status === 'active') ?? line.find((m) => m.status !== 'done'))?.stage ??
    null
  );
}

/** Whole percent of the works done: a done stage counts fully, an active one half, rounded down. */
export function percentDone(all: readonly Milestone[]): number {
  const line = timeline(all, '');
  const halves = line.reduce(
    (sum, m) => sum + (m.status === 'done' ? 2 : m.status === 'active' ? 1 : 0),
    0,
  );
  return Math.floor((halves * 100) / (line.length * 2));
}

/** An active stage past its planned end, as of today. */
export function isLate(milestone: Milestone, today: string): boolean {
  return (
    milestone.status === 'active' && milestone.plannedEnd !== null && milestone.plannedEnd < today
  );
}

export interface KeyDate {
  date: string;
  /** What happens that day, as residents say it: "停梯：1号梯开始停用". */
  what: string;
}

/**
 * The nearest date from today on that residents should plan for: a pending stage's planned
 * start, an active stage's planned end, or an elevator's first stop day. Null when none is ahead.
 */
export function nextKeyDate(
  all: readonly Milestone[],
  outages: readonly Pick<Outage, 'elevator' | 'from' | 'to'>[],
  today: string,
): KeyDate | null {
  const candidates: KeyDate[] = [];
  for (const m of timeline(all, '')) {
    const label = STAGE_LABELS[m.stage];
    if (m.status === 'pending' && m.plannedStart) {
      candidates.push({ date: m.plannedStart, what: `${label}计划开始` });
    }
    if (m.status === 'active' && m.plannedEnd) {
      candidates.push({ date: m.plannedEnd, what: `${label}计划完成` });
    }
  }
  for (const o of outages) {
    candidates.push({ date: o.from, what: `${o.elevator}开始停用` });
    if (o.from < today) candidates.push({ date: o.to, what: `${o.elevator}停用到这一天` });
  }
  const ahead = candidates.filter((c) => c.date >= today);
  ahead.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return ahead[0] ?? null;
}

/**
 * The home page's 工程进度 card: where the works stand and, when an elevator stop is coming or
 * under way, that first — it is what changes a resident's week.
 */
export function progressCard(
  all: readonly Milestone[],
  outages: readonly Pick<Outage, 'elevator' | 'from' | 'to'>[],
  today: string,
): { headline: string; detail: string } {
  const stage = currentStage(all);
  const headline = stage
    ? `${STAGE_LABELS[stage]} · 已完成 ${percentDone(all)}%`
    : '两部电梯已投入使用';
  const md = (date: string): string =>
    `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  const ahead = [...outages]
    .filter((o) => o.to >= today)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))[0];
  if (ahead) {
    const detail =
      ahead.from <= today
        ? `${ahead.elevator}停用中，至${md(ahead.to)}`
        : `${ahead.elevator} ${md(ahead.from)}–${md(ahead.to)}停用`;
    return { headline, detail };
  }
  const next = nextKeyDate(all, [], today);
  return {
    headline,
    detail: next ? `${md(next.date)} ${next.what}` : '关键节点、现场照片，随时可查',
  };
}
