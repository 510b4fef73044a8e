import type { HelpRequest, Outage } from './model';

/**
 * Rules of an elevator outage and the help around it: the schedule is a span of whole days that
 * has not ended when published; help is asked for a day inside the span; a request is covered
 * once a volunteer has signed up for it.
 */

/** Longer than any replacement's stop (a full replacement stops an elevator for about 60 days). */
export const MAX_OUTAGE_DAYS = 90;

/** Whole days from one calendar day to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const day = (text: string): number => {
    const [y = 0, m = 1, d = 1] = text.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** Why an outage schedule cannot be published, or null. */
export function outageProblem(from: string, to: string, today: string): string | null {
  if (to < from) return '停梯结束日期不能早于开始日期';
  if (to < today) return '这段停梯时间已经过去，不必再发布';
  if (daysBetween(from, to) + 1 > MAX_OUTAGE_DAYS) return `一次停梯不超过 ${MAX_OUTAGE_DAYS} 天`;
  return null;
}

/** Not over yet on `today`: still shown on the 进度 tab. */
export function isCurrentOrUpcoming(outage: Pick<Outage, 'to'>, today: string): boolean {
  return outage.to >= today;
}

export function isUnderway(outage: Pick<Outage, 'from' | 'to'>, today: string): boolean {
  return outage.from <= today && today <= outage.to;
}

/** Why help cannot be asked for this day of this outage, or null. */
export function helpDateProblem(
  outage: Pick<Outage, 'from' | 'to'>,
  date: string,
  today: string,
): string | null {
  if (date < outage.from || date > outage.to) return '请选择停梯期间的日期';
  if (date < today) return '这一天已经过去了';
  return null;
}

export function isCovered(request: Pick<HelpRequest, 'volunteers'>): boolean {
  return request.volunteers.length > 0;
}

export interface Coverage {
  requests: number;
  covered: number;
  uncovered: number;
}

/** How many open requests have someone, and how many still wait. */
export function coverageOf(requests: readonly HelpRequest[]): Coverage {
  const open = requests.filter((r) => r.status === 'open');
  const covered = open.filter(isCovered).length;
  return { requests: open.length, covered, uncovered: open.length - covered };
}

/** Open requests by day, then slot, then floor from the top (the hardest climb first). */
export function byDaySlotFloor(a: HelpRequest, b: HelpRequest): number {
  const slots = ['morning', 'afternoon', 'evening'];
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.slot !== b.slot) return slots.indexOf(a.slot) - slots.indexOf(b.slot);
  return b.floor - a.floor;
}
