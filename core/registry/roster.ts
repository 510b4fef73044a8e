import { parseArea } from '../tally/area';
import type { RosterError, UnitStatus } from './model';

/**
 * The property office's roster, one row per unit, checked row by row. Every problem is reported
 * with its line (CSV) or row number (XLSX) so the office can fix the spreadsheet; a file with any
 * problem is never applied. Column names are the office's own (房号, 面积, 业主, …) or English.
 */

/** A sheet as text cells; `line` is where the row starts in the file (the header is usually 1). */
export interface RosterTable {
  header: { line: number; cells: string[] };
  rows: Array<{ line: number; cells: string[] }>;
}

export const ROSTER_COLUMNS = [
  'unitNo',
  'floor',
  'area',
  'status',
  'owners',
  'phones',
  'elderly',
  'noSmartphone',
  'livesIn',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** Names the office uses for each column (compared without spaces, brackets or case). */
const COLUMN_NAMES: Record<RosterColumn, string[]> = {
  unitNo: ['房号', '房间号', '室号', '户号', '门牌号', 'unit', 'unitno', 'room'],
  floor: ['楼层', '层', '所在楼层', 'floor'],
  area: ['面积', '建筑面积', '产证面积', '登记面积', '专有面积', '专有部分面积', 'area'],
  status: ['状态', '房屋状态', '使用状态', 'status'],
  owners: ['业主', '业主姓名', '产权人', '姓名', 'owner', 'owners'],
  phones: ['电话', '联系电话', '手机', '手机号', 'phone', 'phones'],
  elderly: ['高龄', '长者', '老人', '高龄老人', 'elderly'],
  noSmartphone: ['无智能手机', '没有智能手机', 'nosmartphone'],
  livesIn: ['常住地', '现居地', '外地或海外', '海外外地', 'livesin'],
};

/** How a column is named in messages. */
export const COLUMN_LABELS: Record<RosterColumn, string> = {
  unitNo: '房号',
  floor: '楼层',
  area: '面积',
  status: '状态',
  owners: '业主',
  phones: '电话',
  elderly: '高龄',
  noSmartphone: '无智能手机',
  livesIn: '常住地',
};

const REQUIRED: RosterColumn[] = ['unitNo', 'area', 'owners'];

export const MAX_ROSTER_ROWS = 5000;

const STATUS_WORDS: Array<[UnitStatus, string[]]> = [
  ['owned', ['自住', '已售', '业主自住', '居住', '正常', 'owned']],
  ['rented', ['出租', '租赁', '已出租', 'rented']],
  ['empty', ['空置', '闲置', '空关', 'empty']],
  ['unsold', ['未售', '开发商', '开发商未售', '未交付', 'unsold']],
];

const YES = ['是', 'y', 'yes', 'true', '1', '√', '✓', '✔'];
const NO = ['否', 'n', 'no', 'false', '0', '×', '✗'];

export interface RosterOwner {
  name: string;
  phone: string | null;
}

export interface RosterRow {
  line: number;
  unitNo: string;
  floor: number;
  areaHundredths: number;
  status: UnitStatus;
  /** In order; the first is the unit's voter. */
  owners: RosterOwner[];
  /** Flags of the first owner; null when not stated (no column, or a blank cell): keep as is. */
  elderly: boolean | null;
  noSmartphone: boolean | null;
  /** Where the first owner lives when away; null = lives here (本地); undefined = not stated. */
  livesIn: string | null | undefined;
}

export interface RosterParse {
  rows: RosterRow[];
  errors: RosterError[];
  /** Header cells that name no known column; left out, reported so typos are noticed. */
  ignoredColumns: string[];
}

function normalizeHeader(cell: string): string {
  return cell
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();
}

/** "12-03", "1203", "12层03室", "12F-03" → "12-03"; floors 1–99, rooms 01–99. */
export function normalizeUnitNo(text: string): { unitNo: string; floor: number } | null {
  const compact = text.replace(/\s/g, '').toUpperCase();
  const match =
    /^(\d{1,2})(?:-|—|－|层|F|F-)?(\d{2})(?:室|号)?$/.exec(compact) ??
    /^(\d{1,2})(?:-|—|－)(\d{1})$/.exec(compact);
  if (!match) return null;
  const floor = Number(match[1]);
  const room = Number(match[2]);
  if (floor < 1 || room < 1) return null;
  return { unitNo: `${floor}-${String(room).padStart(2, '0')}`, floor };
}

/** Mainland mobiles and landlines as digits; other countries as +<digits>. */
export function normalizePhone(text: string): string | null {
  const compact = text.replace(/[\s\-()（）]/g, '');
  const mainland = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(compact);
  if (mainland) return mainland[1] ?? null;
  if (/^0\d{9,11}$/.test(compact)) return compact;
  if (/^\+\d{6,15}$/.test(compact)) return compact;
  return null;
}

const LIST_SEPARATORS = /[、,，;；/／|]+/;

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Yes or no; blank means "not stated" (keep what is recorded); undefined when unreadable. */
function parseFlag(text: string): boolean | null | undefined {
  const word = text.trim().toLowerCase();
  if (word === '') return null;
  if (YES.includes(word)) return true;
  if (NO.includes(word)) return false;
  return undefined;
}

function parseStatus(text: string): UnitStatus | null {
  const word = text.trim().toLowerCase();
  for (const [status, words] of STATUS_WORDS) if (words.includes(word)) return status;
  return null;
}

const LIVES_HERE = ['本地', '本楼', '无', '-', '—'];

function readLivesIn(text: string | undefined): string | null | undefined {
  if (text === undefined || text === '') return undefined;
  return LIVES_HERE.includes(text) ? null : text;
}

/** Checks every row; rows with problems are left out of `rows` and explained in `errors`. */
export function parseRoster(table: RosterTable): RosterParse {
  const errors: RosterError[] = [];
  const columnAt = new Map<RosterColumn, number>();
  const ignoredColumns: string[] = [];
  const headerLine = table.header.line;
  table.header.cells.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    if (name === '') return;
    const column = ROSTER_COLUMNS.find((c) => COLUMN_NAMES[c].includes(name));
    if (!column) {
      ignoredColumns.push(cell.trim());
      return;
    }
    if (columnAt.has(column)) {
      errors.push({
        line: headerLine,
        column: cell.trim(),
        message: `表头有两列都表示“${COLUMN_LABELS[column]}”，请只保留一列`,
      });
      return;
    }
    columnAt.set(column, index);
  });
  for (const column of REQUIRED) {
    if (!columnAt.has(column)) {
      errors.push({
        line: headerLine,
        column: COLUMN_LABELS[column],
        message: `缺少“${COLUMN_LABELS[column]}”列（表头可写：${COLUMN_NAMES[column].slice(0, 3).join('、')}）`,
      });
    }
  }
  if (errors.length) return { rows: [], errors, ignoredColumns };
  if (table.rows.length > MAX_ROSTER_ROWS) {
    errors.push({
      line: headerLine,
      column: null,
      message: `行数 ${table.rows.length} 超过上限 ${MAX_ROSTER_ROWS}`,
    });
    return { rows: [], errors, ignoredColumns };
  }

  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  for (const raw of table.rows) {
    const cell = (column: RosterColumn): string | undefined => {
      const index = columnAt.get(column);
      return index === undefined ? undefined : (raw.cells[index] ?? '').trim();
    };
    if (raw.cells.every((c) => c.trim() === '')) continue;
    const problems: RosterError[] = [];
    const problem = (column: RosterColumn | null, message: string): void => {
      problems.push({ line: raw.line, column: column ? COLUMN_LABELS[column] : null, message });
    };

    const unitText = cell('unitNo') ?? '';
    const unit = normalizeUnitNo(unitText);
    if (unitText === '') problem('unitNo', '房号为空');
    else if (!unit) problem('unitNo', `房号“${unitText}”无法识别，请写成“楼层-室号”，例如 12-03`);
    else {
      const first = seen.get(unit.unitNo);
      if (first !== undefined) problem('unitNo', `房号 ${unit.unitNo} 与第 ${first} 行重复`);
      else seen.set(unit.unitNo, raw.line);
    }

    const floorText = cell('floor');
    if (unit && floorText !== undefined && floorText !== '') {
      const floor = Number(floorText.replace(/[层F楼]$/i, ''));
      if (!Number.isInteger(floor) || floor !== unit.floor) {
        problem('floor', `楼层“${floorText}”与房号 ${unit.unitNo} 不一致`);
      }
    }

    const areaText = (cell('area') ?? '').replace(/(㎡|m²|m2|平方米|平米)$/i, '').trim();
    const area = areaText === '' ? null : parseArea(areaText);
    if (!area) problem('area', '面积为空');
    else if (!area.ok) {
      problem('area', `面积“${areaText}”不对：应为平方米数，最多两位小数，例如 89.12`);
    }

    const names = splitList(cell('owners') ?? '');
    const statusText = cell('status') ?? '';
    let status: UnitStatus | null = statusText === '' ? 'owned' : parseStatus(statusText);
    if (status === null) {
      problem('status', `状态“${statusText}”无法识别（可写：自住、出租、空置、未售）`);
    }
    if (statusText === '' && names.length === 0) status = null;
    if (status === 'unsold' && names.length > 0) {
      problem('owners', '未售的房屋不应登记业主');
    } else if (status !== 'unsold' && names.length === 0) {
      problem('owners', '业主为空（开发商未售的房屋请在状态栏写“未售”）');
    }
    const invalidName = names.find((n) => Array.from(n).length > 40 || /\d/.test(n));
    if (invalidName !== undefined) problem('owners', `业主姓名“${invalidName}”不像姓名`);

    const phoneTexts = splitList((cell('phones') ?? '').replace(/\s+/g, '/'));
    const phones: Array<string | null> = [];
    for (const text of phoneTexts) {
      const phone = normalizePhone(text);
      if (phone === null) problem('phones', `电话“${text}”无法识别`);
      phones.push(phone);
    }
    if (phoneTexts.length > Math.max(names.length, 1)) {
      problem('phones', `电话有 ${phoneTexts.length} 个，业主只有 ${names.length} 位`);
    }

    const flag = (column: 'elderly' | 'noSmartphone'): boolean | null => {
      const text = cell(column);
      if (text === undefined) return null;
      const value = parseFlag(text);
      if (value === undefined) {
        problem(column, `“${text}”应为“是”或“否”`);
        return null;
      }
      return value;
    };
    const elderly = flag('elderly');
    const noSmartphone = flag('noSmartphone');
    const livesInText = cell('livesIn');

    if (problems.length || !unit || !area || !area.ok || status === null) {
      errors.push(...problems);
      continue;
    }
    rows.push({
      line: raw.line,
      unitNo: unit.unitNo,
      floor: unit.floor,
      areaHundredths: area.hundredths,
      status,
      owners: names.map((name, i) => ({ name, phone: phones[i] ?? null })),
      elderly,
      noSmartphone,
      livesIn: readLivesIn(livesInText),
    });
  }
  return { rows, errors, ignoredColumns };
}

/** `roster.csv:5: 面积: …` — one line per problem, for the command line. */
export function formatRosterError(file: string, error: RosterError): string {
  return `${file}:${error.line}: ${error.column ? `${error.column}: ` : ''}${error.message}`;
}
