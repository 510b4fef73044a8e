import type * as CsvSync from 'csv-parse/dist/cjs/sync.cjs';
import {
  headerIndexOf,
  rosterTableOf,
  type RosterTable,
  type SheetRow,
} from '../../core/registry/roster';
import type { RosterError } from '../../core/registry/model';
import { shanghaiDate } from '../../core/registry/time';

// csv-parse publishes `csv-parse/sync` only through package exports, which node10 module
// resolution cannot see; the runtime require resolves it and the types come from the same file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('csv-parse/sync') as typeof CsvSync;

/**
 * Reads the property office's roster — CSV (UTF-8, or GBK as Excel in China saves it) or XLSX —
 * into text cells with the line each row starts on, for parseRoster. Above the header there may
 * be a title (merged cells), a date, blank rows; a workbook may hold several sheets: the one
 * whose rows carry the roster's header is read, and when several do, the caller names one.
 */
export class RosterFileError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
    readonly sheet?: string,
  ) {
    super(message);
    this.name = 'RosterFileError';
  }
}

/** A file-level problem as a roster problem: the line (1 when it is the whole file), the sheet. */
export function rosterFileProblem(error: RosterFileError): RosterError {
  const problem: RosterError = { line: error.line ?? 1, column: null, message: error.message };
  if (error.sheet !== undefined) problem.sheet = error.sheet;
  return problem;
}

export interface RosterReadOptions {
  /** The worksheet to read, when the workbook has several rosters. */
  sheet?: string | undefined;
  /** How the person names one ("命令行加 --sheet 工作表名"), said when several sheets qualify. */
  howToChooseSheet?: string;
}

export type RosterFormat = 'csv' | 'xlsx';

export function rosterFormatOf(fileName: string): RosterFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export async function readRosterFile(
  fileName: string,
  bytes: Buffer,
  options: RosterReadOptions = {},
): Promise<RosterTable> {
  const format = rosterFormatOf(fileName);
  if (format === 'csv') return readCsv(bytes);
  if (format === 'xlsx') return readXlsx(bytes, options);
  throw new RosterFileError(null, `不支持的文件类型：${fileName}（请上传 .csv 或 .xlsx）`);
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

interface CsvRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

export function readCsv(bytes: Buffer): RosterTable {
  const text = decodeText(bytes);
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw new RosterFileError(
      typeof line === 'number' ? line : null,
      `CSV 格式有误：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // info.lines is where a record ends; where it starts follows from the previous record's end,
  // the blank lines skipped in between, and the line breaks inside its quoted cells.
  const rows: RosterTable['rows'] = [];
  let previousEnd = 0;
  let previousEmpty = 0;
  for (const { record, info } of records) {
    const start = previousEnd + 1 + (info.empty_lines - previousEmpty);
    rows.push({ line: start, cells: record });
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
  }
  const table = rosterTableOf(rows);
  if (!table) throw new RosterFileError(null, '文件是空的');
  return table;
}

/** The text a cell shows, whatever exceljs made of it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return shanghaiDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText
        .map((part: unknown) => cellText((part as { text?: unknown }).text))
        .join('');
    }
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

/**
 * A number as the sheet shows it. A formula's result can carry binary noise (89.12000000000001);
 * within a millionth of a hundredth it is that hundredth, as Excel displays it.
 */
function numberText(n: number): string {
  const hundredths = Math.round(n * 100);
  if (Number.isFinite(n) && !Number.isInteger(n) && Math.abs(n * 100 - hundredths) < 1e-6) {
    return String(hundredths / 100);
  }
  return String(n);
}

export async function readXlsx(
  bytes: Buffer,
  options: RosterReadOptions = {},
): Promise<RosterTable> {
  // Loaded on demand: it is large, and only imports need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new RosterFileError(
      null,
      `无法读取 Excel 文件：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values;
      // exceljs puts column A at index 1.
      const cells = Array.isArray(values) ? Array.from(values.slice(1), cellText) : [];
      rows.push({ line: rowNumber, cells });
    });
    return { name: sheet.name, rows };
  });
  if (!sheets.length) throw new RosterFileError(null, 'Excel 文件里没有工作表');
  const names = (list: ReadonlyArray<{ name: string }>): string =>
    list.map((s) => `“${s.name}”`).join('、');

  let chosen = sheets.find((s) => s.name === options.sheet);
  if (options.sheet !== undefined && !chosen) {
    throw new RosterFileError(null, `没有名为“${options.sheet}”的工作表（有：${names(sheets)}）`);
  }
  if (!chosen) {
    const rosters = sheets.filter((s) => headerIndexOf(s.rows) >= 0);
    if (rosters.length > 1) {
      throw new RosterFileError(
        null,
        `有 ${rosters.length} 个工作表都像名册：${names(rosters)}。请指定导入哪一个` +
          (options.howToChooseSheet ? `（${options.howToChooseSheet}）` : ''),
      );
    }
    // No sheet with the header: the first non-empty one, whose missing columns are then named.
    chosen = rosters[0] ?? sheets.find((s) => s.rows.length > 0);
  }
  const table = chosen ? rosterTableOf(chosen.rows, chosen.name) : null;
  if (!chosen || !table) {
    throw new RosterFileError(null, '工作表是空的', chosen?.name ?? sheets[0]?.name);
  }
  return table;
}
