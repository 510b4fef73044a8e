import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { maskName } from '../registry/privacy';
import type { Role } from '../registry/model';
import { ZONE, type Instant } from '../registry/time';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * A spreadsheet as plain data, before any library writes it: columns that say what their numbers
 * are (money in integer fen, areas in integer hundredths of m²) so the writer gives each its
 * format, and rows of cells. Exports build these as pure functions; server/exports writes them.
 */

export type CellKind = 'text' | 'count' | 'area' | 'money';
export type Cell = string | number | null;

export interface Column {
  header: string;
  kind: CellKind;
  /** In characters, as Excel measures a column. */
  width: number;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** Who reads the names in a file: the committee's admins in full, everyone else masked. */
export type NameView = 'full' | 'masked';

export function nameViewFor(roles: readonly Role[]): NameView {
  return roles.includes('admin') ? 'full' : 'masked';
}

/** Names joined for one cell (co-owners), full or masked; '—' when nobody is named. */
export function namesCell(names: readonly string[], view: NameView): string {
  const shown = names.map((n) => (view === 'full' ? n.trim() : maskName(n))).filter(Boolean);
  return shown.length ? shown.join('、') : '—';
}

/**
 * How a file writes an instant: `2026年12月7日 11:30` in Shanghai, always with the year, because a
 * spreadsheet is read long after it is made.
 */
export function fileDateTime(instant: Instant): string {
  return dayjs(instant).tz(ZONE).format('YYYY年M月D日 HH:mm');
}

/** The time part of a file name: `20261207-1130`. */
export function fileStamp(instant: Instant): string {
  return dayjs(instant).tz(ZONE).format('YYYYMMDD-HHmm');
}

/** A name fit for a file: no path separators or characters Windows refuses, at most 30 characters. */
export function fileNamePart(text: string): string {
  const cleaned = Array.from(text.replace(/[\\/:*?"<>|\s]+/g, ''))
    .slice(0, 30)
    .join('');
  return cleaned || '未命名';
}
