import { PassThrough } from 'node:stream';
import type { Cell, CellKind, Sheet } from '../../core/exports/sheet';

/**
 * Writes plain-data sheets (core/exports/sheet.ts) as one XLSX workbook a committee member opens
 * and uses as it is: header row bold, frozen and filterable, columns sized, money as ¥1,234.56
 * and areas with two decimals. Values stay numbers, so sums and sorting work in Excel.
 *
 * Rows stream out as they are written (exceljs's WorkbookWriter): the in-memory workbook took
 * 820 MB and 17 s for the 33,000 rows of a 10,000-unit building's money, past the function's
 * 256 MB; streaming takes under 200 MB and a third of the time.
 */

const FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  count: '0',
  area: '#,##0.00',
  money: '"¥"#,##0.00',
};

/** Fen and hundredths are integers here; Excel gets yuan and m² (exact to the cent as decimals). */
function valueOf(kind: CellKind, cell: Cell): Cell {
  // An empty string would be a cell holding nothing visible; Excel's blanks sort and filter right.
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string') return cell;
  return kind === 'money' || kind === 'area' ? cell / 100 : cell;
}

export async function workbookOf(sheets: readonly Sheet[]): Promise<Buffer> {
  // Loaded on demand: exceljs is installed by the cloud next to the bundle (INSTALLED_BY_THE_CLOUD).
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = '同梯';
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => {
      const numFmt = FORMATS[c.kind];
      return { header: c.header, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    if (spec.columns.length) {
      sheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1, column: spec.columns.length },
      };
    }
    header.commit();
    for (const row of spec.rows) {
      sheet.addRow(row.map((cell, i) => valueOf(spec.columns[i]?.kind ?? 'text', cell))).commit();
    }
    sheet.commit();
  }
  await book.commit();
  await ended;
  return Buffer.concat(chunks);
}
