import {
  accountLabel,
  CHANNEL_LABELS,
  KIND_LABELS,
  phaseOf,
  PHASE_LABELS,
} from '../../core/ledger/labels';
import { maskFullName } from '../../core/ledger/labels';
import type { EntryDoc } from '../../core/ledger/transfers';
import type { Unit } from '../../core/registry/model';
import { shanghaiIso } from '../../core/registry/time';
import type { ExportRequest } from '../../typings/ledger';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { writeAudit } from '../repository/audit';
import { docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { docsOf } from '../repository/results';
import { uploadFile } from '../platform';
import type { Cell, Sheet } from '../../core/exports/sheet';
import { workbookOf } from '../exports/workbook';

/**
 * The whole ledger as a CSV or XLSX file for the residents' committee, uploaded to storage:
 * every entry in chain order with its hashes, so the file itself can be re-verified.
 */

/** Every entry in seq order, a thousand a request (paged by seq, never by skip). */
export async function allEntries(db: Db): Promise<EntryDoc[]> {
  const out: EntryDoc[] = [];
  let after = 0;
  for (;;) {
    const page = await docsOf<EntryDoc>(
      db
        .collection('entries')
        .where({ seq: db.command.gt(after) })
        .orderBy('seq', 'asc')
        .limit(1000)
        .get(),
    );
    out.push(...page);
    const last = page[page.length - 1];
    if (page.length < 1000 || !last) return out;
    after = last.seq;
  }
}

const HEADER = [
  '序号',
  '时间',
  '类型',
  '状态',
  '金额（元）',
  '房号',
  '渠道',
  '付款人',
  '转出',
  '转入',
  '说明',
  '转账编号',
  '前一条哈希',
  '本条哈希',
];

export function ledgerRows(
  entries: readonly EntryDoc[],
  unitNos: ReadonlyMap<string, string>,
): string[][] {
  const unitNo = (id: string): string | null => unitNos.get(id) ?? null;
  return entries.map((e) => [
    String(e.seq),
    e.at,
    KIND_LABELS[e.kind],
    PHASE_LABELS[phaseOf(e)] || '已记账',
    (e.amountFen / 100).toFixed(2),
    e.unitId ? (unitNo(e.unitId) ?? e.unitId) : '',
    e.channel ? CHANNEL_LABELS[e.channel] : '',
    e.payer ? maskFullName(e.payer.name) : '',
    accountLabel(e.from, unitNo),
    accountLabel(e.to, unitNo),
    e.memo ?? '',
    e.id,
    e.prevHash,
    e.hash,
  ]);
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly string[][]): string {
  // The BOM makes Excel read the UTF-8 Chinese correctly.
  return '\ufeff' + [HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The ledger as a sheet: numbers as numbers (seq, amount in fen), the rest as the CSV has it. */
export function ledgerSheet(
  entries: readonly EntryDoc[],
  unitNos: ReadonlyMap<string, string>,
): Sheet {
  const widths = [8, 26, 8, 10, 14, 10, 10, 10, 18, 18, 30, 36, 66, 66];
  return {
    name: '账本',
    columns: HEADER.map((header, i) => ({
      header,
      kind: i === 0 ? 'count' : i === 4 ? 'money' : 'text',
      width: widths[i] ?? 12,
    })),
    rows: ledgerRows(entries, unitNos).map((row, i): Cell[] => {
      const cells: Cell[] = [...row];
      cells[0] = entries[i]?.seq ?? null;
      cells[4] = entries[i]?.amountFen ?? null;
      return cells;
    }),
  };
}

export async function exportLedger(
  request: ExportRequest,
  ctx: UseCaseContext,
): Promise<{ fileId: string; fileName: string; rows: number }> {
  const caller = await ctx.caller();
  const entries = await allEntries(ctx.db);
  const units = await readAll<Unit>(ctx.db, 'units', {});
  const unitNos = new Map(units.map((u) => [u._id, u.unitNo]));
  const rows = ledgerRows(entries, unitNos);
  const stamp = shanghaiIso(ctx.now).slice(0, 19).replace(/[-:T]/g, '');
  const fileName = `ledger-${stamp}.${request.format}`;
  const content =
    request.format === 'csv'
      ? Buffer.from(toCsv(rows), 'utf8')
      : await workbookOf([ledgerSheet(entries, unitNos)]);
  const fileId = await uploadFile(`ledger/exports/${fileName}`, content);
  await writeAudit(docs(ctx.db), ctx, caller, 'ledger.export', fileName, { rows: rows.length });
  return { fileId, fileName, rows: rows.length };
}
