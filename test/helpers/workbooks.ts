import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseFileId } from '../../localcloud/storage/fileIds';
import type { TestCloud } from './localCloud';

/** Workbooks the exports wrote, read back the way Excel would: from the bytes in storage. */

export type CellValue = string | number | null;

export async function workbookFrom(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

export function storedBytes(t: TestCloud, fileId: string): Buffer {
  const parsed = parseFileId(fileId);
  if (!parsed) throw new Error(`not a fileID: ${fileId}`);
  return readFileSync(join(t.dataDir, 'storage', parsed.env, ...parsed.cloudPath.split('/')));
}

export async function storedWorkbook(t: TestCloud, fileId: string): Promise<ExcelJS.Workbook> {
  return workbookFrom(storedBytes(t, fileId));
}

export function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet)
    throw new Error(`no sheet ${name} in ${book.worksheets.map((w) => w.name).join(', ')}`);
  return sheet;
}

/** Every row as its cell values (column A first), empty cells as null. */
export function rowsOf(sheet: ExcelJS.Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: CellValue[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const v = row.getCell(c).value;
      values.push(typeof v === 'string' || typeof v === 'number' ? v : null);
    }
    out.push(values);
  });
  return out;
}

/** The data rows keyed by their first cell (a room number), each as header → value. */
export function recordsOf(sheet: ExcelJS.Worksheet): Map<string, Record<string, CellValue>> {
  const [header = [], ...rows] = rowsOf(sheet);
  return new Map(
    rows.map((r) => [
      String(r[0]),
      Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])),
    ]),
  );
}

/** What a reader sees of the sheet's layout: bold frozen header, and each column's number format. */
export function layoutOf(sheet: ExcelJS.Worksheet): {
  frozenRows: number;
  headerBold: boolean;
  formats: Record<string, string>;
} {
  const header = sheet.getRow(1);
  const formats: Record<string, string> = {};
  for (let c = 1; c <= sheet.columnCount; c += 1) {
    const fmt = sheet.getRow(2).getCell(c).numFmt;
    if (fmt) formats[String(header.getCell(c).value)] = fmt;
  }
  const view = sheet.views[0];
  return {
    frozenRows: view && view.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    headerBold: header.getCell(1).font?.bold === true,
    formats,
  };
}
