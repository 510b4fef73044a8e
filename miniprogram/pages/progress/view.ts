import type {
  MilestoneView,
  OutageView,
  ProgressOverview,
  ProgressUpdateView,
} from '../../../typings/api';
import { countdown, daysFrom, monthDay, monthDayTime } from '../../utils/days';
import { keepFiguresWhole } from '../../utils/format';

/** The 进度 tab's view model: pure, from the overview the server sends. */

export interface StageRow {
  stage: string;
  label: string;
  status: MilestoneView['status'];
  statusLabel: string;
  dates: string;
  late: boolean;
  current: boolean;
  updates: string;
}

export interface OutageCard {
  id: string;
  title: string;
  when: string;
  countdown: string;
  note: string;
  underway: boolean;
}

export interface UpdateCard {
  id: string;
  stageLabel: string;
  text: string;
  when: string;
  who: string;
  thumbs: Array<{ url: string; caption: string }>;
  morePhotos: string;
}

export interface KeyDateLine {
  date: string;
  what: string;
  countdown: string;
}

export interface ProgressView {
  percent: number;
  currentLabel: string;
  currentStatus: string;
  stageCount: string;
  nextKey: KeyDateLine | null;
  stages: StageRow[];
  outages: OutageCard[];
  latest: UpdateCard[];
  canPost: boolean;
}

const EXCERPT = 70;
const THUMBS = 3;

/** "1月14日–21日" is too terse for residents; the second date drops only a repeated year. */
function range(from: string, to: string, today: string): string {
  return from === to ? monthDay(from, today) : `${monthDay(from, today)}–${monthDay(to, from)}`;
}

/** What a resident needs to know about a stage's dates, in one line. */
export function stageDates(m: MilestoneView, today: string): string {
  const d = (date: string) => monthDay(date, today);
  if (m.status === 'done' && m.actualStart && m.actualEnd) {
    return `已完成：${range(m.actualStart, m.actualEnd, today)}`;
  }
  if (m.status === 'active') {
    const start = m.actualStart ? `${d(m.actualStart)}开始` : '已开始';
    if (!m.plannedEnd) return start;
    return m.late
      ? `${start}，原计划 ${d(m.plannedEnd)}完成，已推迟`
      : `${start}，计划 ${d(m.plannedEnd)}完成`;
  }
  if (m.plannedStart && m.plannedEnd) return `计划 ${range(m.plannedStart, m.plannedEnd, today)}`;
  if (m.plannedStart) return `计划 ${d(m.plannedStart)}开始`;
  return '日期待定';
}

function startsIn(today: string, from: string): string {
  const days = daysFrom(today, from);
  if (days <= 0) return '今天开始停用';
  return days === 1 ? '明天开始停用' : `还有 ${days} 天开始停用`;
}

export function outageCard(o: OutageView, today: string): OutageCard {
  const dayOf = daysFrom(o.from, today) + 1;
  return {
    id: o.id,
    title: `${o.elevator}停用`,
    when: keepFiguresWhole(`${range(o.from, o.to, today)}，共 ${o.days} 天`),
    countdown: o.underway ? `正在停用，第 ${dayOf} 天` : startsIn(today, o.from),
    note: o.note,
    underway: o.underway,
  };
}

export function updateCard(u: ProgressUpdateView, today: string): UpdateCard {
  const text = u.text.length > EXCERPT ? `${u.text.slice(0, EXCERPT)}…` : u.text;
  const shown = u.photos.filter((p) => p.url).slice(0, THUMBS);
  const rest = u.photos.filter((p) => p.url).length - shown.length;
  return {
    id: u.id,
    stageLabel: u.stageLabel,
    text,
    when: monthDayTime(u.postedAt, today),
    who: u.postedByLabel,
    thumbs: shown.map((p) => ({ url: p.url, caption: p.caption })),
    morePhotos: rest > 0 ? `+${rest}` : '',
  };
}

export function toProgressView(o: ProgressOverview): ProgressView {
  const current = o.milestones.find((m) => m.stage === o.current);
  const done = o.milestones.filter((m) => m.status === 'done').length;
  return {
    percent: o.percent,
    currentLabel: o.currentLabel,
    currentStatus: current ? current.statusLabel : '',
    stageCount: `共 ${o.milestones.length} 个阶段，已完成 ${done} 个`,
    nextKey: o.nextKeyDate
      ? {
          date: monthDay(o.nextKeyDate.date, o.today),
          what: o.nextKeyDate.what,
          countdown: countdown(o.today, o.nextKeyDate.date),
        }
      : null,
    stages: o.milestones.map((m) => ({
      stage: m.stage,
      label: m.label,
      status: m.status,
      statusLabel: m.late ? '已推迟' : m.statusLabel,
      dates: stageDates(m, o.today),
      late: m.late,
      current: m.stage === o.current,
      updates: m.updates ? `${m.updates} 条进展` : '',
    })),
    outages: o.outages.map((x) => outageCard(x, o.today)),
    latest: o.latest.map((u) => updateCard(u, o.today)),
    canPost: o.canPost,
  };
}
