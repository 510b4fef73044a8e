/**
 * Cloud Development's timer triggers: a cron expression of seven fields — second, minute, hour,
 * day of month, month, day of week, year — read in China time (UTC+8, no daylight saving), as
 * the platform reads them. Each field takes `*`, a number, a range `a-b`, a list `a,b`, and a
 * step `*\/n` or `a-b/n`; months and weekdays also take English names (JAN, MON). When both the
 * day of month and the day of week are restricted, either matching is enough (as in cron).
 */
export interface CronSchedule {
  source: string;
  seconds: ReadonlySet<number>;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  years: ReadonlySet<number> | null;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

export class CronError extends Error {}

const CHINA_OFFSET_MS = 8 * 3600_000;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** Value of the first name (JAN = 1, SUN = 0). */
  nameBase?: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: 'weekday', min: 0, max: 7, names: WEEKDAYS, nameBase: 0 },
  { name: 'year', min: 1970, max: 2199 },
];

function value(text: string, spec: FieldSpec): number {
  const upper = text.toUpperCase();
  const named = spec.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + (spec.nameBase ?? 0);
  if (!/^\d+$/.test(text)) throw new CronError(`${spec.name}: "${text}" is not a number`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) {
    throw new CronError(`${spec.name}: ${n} is outside ${spec.min}-${spec.max}`);
  }
  return n;
}

function parseField(text: string, spec: FieldSpec): { values: Set<number>; any: boolean } {
  const values = new Set<number>();
  let any = false;
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new CronError(`${spec.name}: bad step in "${part}"`);
    let from: number;
    let to: number;
    if (range === '*' || range === '?') {
      from = spec.min;
      to = spec.max;
      if (stepText === undefined) any = true;
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      from = value(a, spec);
      to = value(b, spec);
      if (from > to) throw new CronError(`${spec.name}: range "${range}" runs backwards`);
    } else {
      from = value(range, spec);
      to = stepText === undefined ? from : spec.max;
    }
    for (let v = from; v <= to; v += step) values.add(spec.name === 'weekday' && v === 7 ? 0 : v);
  }
  return { values, any };
}

export function parseCron(source: string): CronSchedule {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 7) {
    throw new CronError(
      `"${source}": a timer trigger has 7 fields (second minute hour day month weekday year)`,
    );
  }
  const f = parts.map((p, i) => parseField(p, FIELDS[i] as FieldSpec));
  const field = (i: number): ReturnType<typeof parseField> => f[i] as ReturnType<typeof parseField>;
  return {
    source,
    seconds: field(0).values,
    minutes: field(1).values,
    hours: field(2).values,
    days: field(3).values,
    months: field(4).values,
    weekdays: field(5).values,
    years: field(6).any ? null : field(6).values,
    daysRestricted: !field(3).any,
    weekdaysRestricted: !field(5).any,
  };
}

/** The fields of an instant in China time. */
function china(ms: number): Date {
  return new Date(ms + CHINA_OFFSET_MS);
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const day = s.days.has(d.getUTCDate());
  const weekday = s.weekdays.has(d.getUTCDay());
  if (s.daysRestricted && s.weekdaysRestricted) return day || weekday;
  return day && weekday;
}

export function cronMatches(s: CronSchedule, ms: number): boolean {
  const d = china(ms);
  return (
    s.seconds.has(d.getUTCSeconds()) &&
    s.minutes.has(d.getUTCMinutes()) &&
    s.hours.has(d.getUTCHours()) &&
    s.months.has(d.getUTCMonth() + 1) &&
    (s.years === null || s.years.has(d.getUTCFullYear())) &&
    dayMatches(s, d)
  );
}

/**
 * The first whole second strictly after `afterMs` at which the schedule fires, or null when it
 * never fires again (a past year). Skips whole days, hours and minutes that cannot match.
 */
export function nextFire(s: CronSchedule, afterMs: number): number | null {
  let t = Math.floor(afterMs / 1000) * 1000 + 1000;
  const limit = afterMs + 400 * 24 * 3600_000 * 5;
  while (t <= limit) {
    const d = china(t);
    if (s.years !== null && ![...s.years].some((y) => y >= d.getUTCFullYear())) return null;
    const dayOk =
      s.months.has(d.getUTCMonth() + 1) &&
      (s.years === null || s.years.has(d.getUTCFullYear())) &&
      dayMatches(s, d);
    if (!dayOk) {
      t = nextBoundary(t, 24 * 3600_000);
      continue;
    }
    if (!s.hours.has(d.getUTCHours())) {
      t = nextBoundary(t, 3600_000);
      continue;
    }
    if (!s.minutes.has(d.getUTCMinutes())) {
      t = nextBoundary(t, 60_000);
      continue;
    }
    if (s.seconds.has(d.getUTCSeconds())) return t;
    t += 1000;
  }
  return null;
}

/** The start of the next China-time day, hour or minute after `ms`. */
function nextBoundary(ms: number, unit: number): number {
  const local = ms + CHINA_OFFSET_MS;
  return Math.floor(local / unit) * unit + unit - CHINA_OFFSET_MS;
}
