import type {
  HelpKindName,
  HelpRequestView,
  OutageDetailView,
  TimeSlotName,
} from '../../../typings/api';
import { daysFrom, monthDay } from '../../utils/days';
import { keepFiguresWhole } from '../../utils/format';

/** The outage page's view model: the schedule, the help asked, who may do what. */

export const KINDS: Array<{ key: HelpKindName; label: string; hint: string }> = [
  { key: 'groceries', label: '代买搬运', hint: '买菜、搬米和水上楼' },
  { key: 'escort', label: '上下楼陪护', hint: '陪着走楼梯，去医院、出门' },
  { key: 'other', label: '其他帮助', hint: '在说明里写清楚' },
];

export const SLOTS: Array<{ key: TimeSlotName; label: string }> = [
  { key: 'morning', label: '上午' },
  { key: 'afternoon', label: '下午' },
  { key: 'evening', label: '晚上' },
];

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function addDay(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekday(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
}

/** "2月6日 周五". */
export function dayLabel(date: string, today: string): string {
  return `${monthDay(date, today)} ${weekday(date)}`;
}

/** The outage days one may still ask help for: from today (or its first day) to its last. */
export function askableDays(from: string, to: string, today: string): string[] {
  const start = from > today ? from : today;
  const days: string[] = [];
  for (let d = start; d <= to && days.length < 120; d = addDay(d, 1)) days.push(d);
  return days;
}

export interface HelpRow {
  id: string;
  title: string;
  unit: string;
  kind: string;
  when: string;
  note: string;
  covered: boolean;
  coverLine: string;
  volunteers: string;
  canVolunteer: boolean;
  iVolunteered: boolean;
  canCancel: boolean;
}

export function helpRow(r: HelpRequestView, today: string): HelpRow {
  const past = r.date < today;
  return {
    id: r.id,
    title: `${r.unitNo}（${r.floor} 楼）· ${r.kindLabel}`,
    unit: `${r.unitNo}（${r.floor} 楼）`,
    kind: r.kindLabel,
    when: `${dayLabel(r.date, today)} ${r.slotLabel}`,
    note: r.note,
    covered: r.covered,
    coverLine: r.covered ? `已有 ${r.volunteerCount} 位邻居报名` : '还没有人报名',
    volunteers: r.volunteers.length ? `报名的邻居：${r.volunteers.join('、')}` : '',
    canVolunteer: r.open && !r.mine && !r.iVolunteered && !past,
    iVolunteered: r.iVolunteered,
    canCancel: r.canCancel,
  };
}

export interface OutagePage {
  title: string;
  when: string;
  status: string;
  note: string;
  underway: boolean;
  /** Flats the caller may ask for (room numbers); empty when only staff may ask. */
  askUnits: string[];
  canAsk: boolean;
  askForOthers: boolean;
  /** Why the caller cannot ask, when bound to flats none of which is registered. */
  cannotAsk: string;
  days: string[];
  dayLabels: string[];
  mine: HelpRow[];
  others: HelpRow[];
  coverage: {
    line: string;
    gap: string;
    uncovered: HelpRow[];
    unasked: Array<{ unitNo: string; line: string }>;
  } | null;
}

export function toOutagePage(d: OutageDetailView): OutagePage {
  const { outage, today } = d;
  const rows = d.requests.map((r) => helpRow(r, today));
  const mineIds = new Set(d.requests.filter((r) => r.mine).map((r) => r.id));
  const askUnits = d.myUnits.filter((u) => u.eligible).map((u) => u.unitNo);
  const days = askableDays(outage.from, outage.to, today);
  const started = daysFrom(today, outage.from);
  return {
    title: `${outage.elevator}停用`,
    when: keepFiguresWhole(
      `${dayLabel(outage.from, today)} 至 ${dayLabel(outage.to, outage.from)}，共 ${outage.days} 天`,
    ),
    status: outage.underway
      ? `正在停用，第 ${daysFrom(outage.from, today) + 1} 天`
      : started > 0
        ? `还有 ${started} 天开始停用`
        : '已结束',
    note: outage.note,
    underway: outage.underway,
    askUnits,
    canAsk: days.length > 0 && (askUnits.length > 0 || d.canRequestForOthers),
    askForOthers: d.canRequestForOthers,
    cannotAsk:
      d.myUnits.length > 0 && askUnits.length === 0 && !d.canRequestForOthers
        ? '上门帮助留给登记为高龄或行动不便的住户。家里有需要的老人，请联系换梯小组登记。'
        : '',
    days,
    dayLabels: days.map((x) => dayLabel(x, today)),
    mine: rows.filter((r) => mineIds.has(r.id)),
    others: rows.filter((r) => !mineIds.has(r.id)),
    coverage: d.coverage
      ? {
          line: `已有人帮 ${d.coverage.covered} / ${d.coverage.requests} 项`,
          gap: d.coverage.uncovered
            ? `还差 ${d.coverage.uncovered} 项没人帮`
            : '每项求助都有人帮了',
          uncovered: rows.filter((r) => !r.covered),
          unasked: d.coverage.unasked.map((u) => ({
            unitNo: u.unitNo,
            line: `${u.unitNo}（${u.floor} 楼）${u.why}，还没有申请`,
          })),
        }
      : null,
  };
}

export function askProblem(unitNo: string, kind: string, dayIndex: number, slot: string): string {
  if (!unitNo.trim()) return '请填写需要帮助的房号';
  if (!kind) return '请选择需要什么帮助';
  if (dayIndex < 0) return '请选择日期';
  if (!slot) return '请选择时段';
  return '';
}
