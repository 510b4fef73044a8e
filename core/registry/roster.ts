import { parseArea } from '../tally/area';
import type { RosterError, UnitStatus } from './model';
import {
  DEFAULT_MAX_ROOM,
  halfWidth,
  readRoomNumber,
  roomReadings,
  type RoomLayout,
} from './roomNumber';
import {
  areaTextOf,
  floorOfColumn,
  charCount,
  normalizePhone,
  skippedRowText,
  splitOwners,
  splitPhones,
} from './rosterCells';

export { normalizePhone };

/**
 * The property office's roster, one row per unit, checked row by row. Every problem is reported
 * with its line (CSV) or row number (XLSX) so the office can fix the spreadsheet; a file with any
 * problem is never applied. Column names are the office's own (房号, 面积, 业主, …) or English.
 */

/** A sheet as text cells; `line` is where the row starts in the file (the header is usually 1). */
export interface RosterTable {
  header: { line: number; cells: string[] };
  rows: Array<{ line: number; cells: string[] }>;
  /** The worksheet (XLSX), named in every problem; absent for CSV. */
  sheet?: string;
}

export type SheetRow = { line: number; cells: string[] };

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
  unitNo: [
    '房号',
    '房间号',
    '室号',
    '户号',
    '门牌号',
    '房屋编号',
    '门牌',
    'unit',
    'unitno',
    'room',
  ],
  floor: ['楼层', '层', '所在楼层', 'floor'],
  area: [
    '面积',
    '建筑面积',
    '产证面积',
    '登记面积',
    '专有面积',
    '专有部分面积',
    '房屋面积',
    '产权面积',
    'area',
  ],
  status: ['状态', '房屋状态', '使用状态', 'status'],
  owners: [
    '业主',
    '业主姓名',
    '产权人',
    '产权人姓名',
    '所有权人',
    '房屋所有人',
    '姓名',
    'owner',
    'owners',
  ],
  phones: [
    '电话',
    '联系电话',
    '手机',
    '手机号',
    '手机号码',
    '电话号码',
    '联系方式',
    'phone',
    'phones',
  ],
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
  /** Rows read as units or as problems: not the blank rows, totals rows or notes. */
  dataRows: number;
  /** Totals rows (合计, 总计) and notes (注：…), left out: shown so a person sees what was skipped. */
  skipped: Array<{ line: number; text: string }>;
}

function normalizeHeader(cell: string): string {
  return halfWidth(cell)
    .replace(/[(【[].*?[)】\]]/g, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();
}

function columnsOf(cells: readonly string[]): Set<RosterColumn> {
  const found = new Set<RosterColumn>();
  for (const cell of cells) {
    const name = normalizeHeader(cell);
    const column = ROSTER_COLUMNS.find((c) => COLUMN_NAMES[c].includes(name));
    if (column) found.add(column);
  }
  return found;
}

/** Offices put a title, a date or the building's name above the header; it is looked for here. */
const HEADER_SEARCH_ROWS = 30;

/**
 * Where the header is among a sheet's rows: the first row naming every required column (房号,
 * 面积, 业主), within the first rows; -1 when there is none.
 */
export function headerIndexOf(rows: readonly SheetRow[]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i += 1) {
    const columns = columnsOf(rows[i]?.cells ?? []);
    if (REQUIRED.every((c) => columns.has(c))) return i;
  }
  return -1;
}

/**
 * A sheet's rows as a roster table: the header where it is found, the rows below it. With no
 * header the first non-blank row stands as one, so the missing columns are named.
 */
export function rosterTableOf(rows: readonly SheetRow[], sheet?: string): RosterTable | null {
  let at = headerIndexOf(rows);
  if (at < 0) at = rows.findIndex((r) => r.cells.some((c) => halfWidth(c) !== ''));
  const header = rows[at];
  if (!header) return null;
  const table: RosterTable = { header, rows: rows.slice(at + 1) };
  if (sheet !== undefined) table.sheet = sheet;
  return table;
}

/** For callers that need one unit number without a layout (two-digit rooms). */
export function normalizeUnitNo(text: string): { unitNo: string; floor: number } | null {
  const read = readRoomNumber(text);
  return read.ok ? { unitNo: read.reading.unitNo, floor: read.reading.floor } : null;
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
export interface RosterParseOptions {
  /**
   * What is known of the building (its floors, its longest room numbers): it decides between
   * the readings of a compact number such as 1203. A single reading stands on its own.
   */
  layout?: Pick<RoomLayout, 'maxFloor' | 'maxRoom'>;
}

/**
 * What the registry says of the building's shape: its floors (when recorded) and its longest
 * room number, for parseRoster's layout.
 */
export function registryLayout(
  floors: number,
  units: ReadonlyArray<{ unitNo: string; floor: number }>,
): Pick<RoomLayout, 'maxFloor' | 'maxRoom'> {
  const layout: Pick<RoomLayout, 'maxFloor' | 'maxRoom'> = { maxRoom: DEFAULT_MAX_ROOM };
  for (const u of units) {
    const room = Number(u.unitNo.split('-')[1] ?? 0);
    if (Number.isInteger(room)) layout.maxRoom = Math.max(layout.maxRoom ?? 0, room);
  }
  if (floors > 0) layout.maxFloor = Math.max(floors, ...units.map((u) => u.floor));
  return layout;
}

export function parseRoster(table: RosterTable, options: RosterParseOptions = {}): RosterParse {
  const parsed = parseRosterRows(table, options);
  if (table.sheet !== undefined) {
    const sheet = table.sheet;
    parsed.errors = parsed.errors.map((e) => ({ ...e, sheet }));
  }
  return parsed;
}

function parseRosterRows(table: RosterTable, options: RosterParseOptions): RosterParse {
  const errors: RosterError[] = [];
  const columnAt = new Map<RosterColumn, number>();
  const ignoredColumns: string[] = [];
  const headerLine = table.header.line;
  const empty = (): RosterParse => ({
    rows: [],
    errors,
    ignoredColumns,
    dataRows: 0,
    skipped: [],
  });
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
  if (errors.length) return empty();
  if (table.rows.length > MAX_ROSTER_ROWS) {
    errors.push({
      line: headerLine,
      column: null,
      message: `行数 ${table.rows.length} 超过上限 ${MAX_ROSTER_ROWS}`,
    });
    return empty();
  }

  const cellOf = (raw: SheetRow, column: RosterColumn): string | undefined => {
    const index = columnAt.get(column);
    return index === undefined ? undefined : halfWidth(raw.cells[index] ?? '');
  };
  const skipped: RosterParse['skipped'] = [];
  const data = table.rows.filter((raw) => {
    if (raw.cells.every((c) => halfWidth(c) === '')) return false;
    const text = skippedRowText(raw.cells);
    if (text !== null) skipped.push({ line: raw.line, text });
    return text === null;
  });

  // Rooms written apart (8-03, 1楼203室) say how long the building's room numbers are; a compact
  // number (1203) is then read against that, or against the row's floor column.
  let maxRoom = Math.max(DEFAULT_MAX_ROOM, options.layout?.maxRoom ?? 0);
  const maxFloor = options.layout?.maxFloor;
  for (const raw of data) {
    const readings = roomReadings(cellOf(raw, 'unitNo') ?? '');
    if (readings.length === 1) maxRoom = Math.max(maxRoom, readings[0]?.room ?? 0);
  }

  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  for (const raw of data) {
    const cell = (column: RosterColumn): string | undefined => cellOf(raw, column);
    const problems: RosterError[] = [];
    const problem = (column: RosterColumn | null, message: string): void => {
      problems.push({ line: raw.line, column: column ? COLUMN_LABELS[column] : null, message });
    };

    const unitText = cell('unitNo') ?? '';
    const floorText = cell('floor');
    const floorStated =
      floorText === undefined || floorText === '' ? null : floorOfColumn(floorText);
    let unit: { unitNo: string; floor: number } | null = null;
    const readings = roomReadings(unitText);
    if (floorText !== undefined && floorText !== '' && floorStated === null) {
      problem('floor', `楼层“${floorText}”应为数字，例如 12`);
    }
    const onFloor = readings.filter((r) => floorStated === null || r.floor === floorStated);
    if (floorStated !== null && readings.length > 0 && onFloor.length === 0) {
      problem('floor', `楼层“${floorText ?? ''}”与房号 ${readings[0]?.unitNo ?? unitText} 不一致`);
      // Still the row's unit, so a second row with the same number is named too.
      const [first] = readings;
      if (first) unit = { unitNo: first.unitNo, floor: first.floor };
    } else {
      const read = readRoomNumber(
        unitText,
        floorStated === null
          ? { maxRoom, ...(maxFloor ? { maxFloor } : {}) }
          : { maxRoom: Infinity, has: (no) => onFloor.some((r) => r.unitNo === no) },
      );
      const [only] = onFloor;
      if (read.ok) unit = { unitNo: read.reading.unitNo, floor: read.reading.floor };
      else if (read.reason === 'absent' && onFloor.length === 1 && only) {
        // One reading only: the building's bounds choose between readings, never reject one.
        unit = { unitNo: only.unitNo, floor: only.floor };
      } else if (read.reason === 'empty') problem('unitNo', '房号为空');
      else if (read.reason === 'ambiguous') {
        problem('unitNo', `${read.message}，或在“楼层”列写明楼层`);
      } else if (read.reason === 'absent') {
        problem(
          'unitNo',
          `房号“${unitText}”读作 ${read.readings[0]?.unitNo ?? ''}，` +
            `与本楼${maxFloor ? `（${maxFloor} 层）` : ''}不符；请写成“楼层-室号”，或在“楼层”列写明楼层`,
        );
      } else if (/^\d{4}-\d{2}-\d{2}$/.test(unitText)) {
        const [, month = '', day = ''] = unitText.split('-');
        problem(
          'unitNo',
          `房号被 Excel 当成了日期（${Number(month)}月${Number(day)}日）：` +
            '请把房号列设为“文本”格式后重新填写，或写成 803、8楼3室',
        );
      } else {
        problem(
          'unitNo',
          `房号“${unitText}”无法识别，请写成“楼层-室号”，例如 12-03、1203 或 12楼3室`,
        );
      }
    }
    if (unit) {
      const first = seen.get(unit.unitNo);
      if (first !== undefined) problem('unitNo', `房号 ${unit.unitNo} 与第 ${first} 行重复`);
      else seen.set(unit.unitNo, raw.line);
    }

    const areaText = areaTextOf(cell('area') ?? '');
    const area = areaText === '' ? null : parseArea(areaText);
    if (!area) problem('area', '面积为空');
    else if (!area.ok) {
      problem('area', `面积“${areaText}”不对：应为平方米数，最多两位小数，例如 89.12`);
    }

    const owners = splitOwners(cell('owners') ?? '');
    const names = owners.names;
    if (owners.unclear !== null) {
      problem(
        'owners',
        `业主“${owners.unclear}”中间有空格：如是几位业主请用“、”分开，如是一位请去掉空格`,
      );
    }
    const statusText = (cell('status') ?? '').replace(/\s/g, '');
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
    const invalidName = names.find((n) => charCount(n) > 40 || /\d/.test(n));
    if (invalidName !== undefined) problem('owners', `业主姓名“${invalidName}”不像姓名`);

    const phoneParts = splitPhones(cell('phones') ?? '');
    const phones: Array<string | null> = [];
    for (const { text, phone } of phoneParts) {
      if (phone === null) problem('phones', `电话“${text}”无法识别`);
      phones.push(phone);
    }
    if (phoneParts.length > Math.max(names.length, 1)) {
      problem('phones', `电话有 ${phoneParts.length} 个，业主只有 ${names.length} 位`);
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
  return { rows, errors, ignoredColumns, dataRows: data.length, skipped };
}

/**
 * `roster.csv:5: 面积: …`, `名册.xlsx:7: [2026名册] 房号: …` — one line per problem, for the
 * command line; the line is the row number the spreadsheet shows.
 */
export function formatRosterError(file: string, error: RosterError): string {
  const sheet = error.sheet === undefined ? '' : `[${error.sheet}] `;
  return `${file}:${error.line}: ${sheet}${error.column ? `${error.column}: ` : ''}${error.message}`;
}
