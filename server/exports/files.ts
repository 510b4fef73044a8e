import { fileNamePart, fileStamp, nameViewFor, type Sheet } from '../../core/exports/sheet';
import type { ExportFileView } from '../../typings/api';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import { tempUrls, uploadFile } from '../platform';
import { writeAudit } from '../repository/audit';
import { docs } from '../repository/docs';
import { contactSheets } from './contacts';
import { decisionSheets } from './decision';
import { moneySheets } from './money';
import { workbookOf } from './workbook';

/**
 * The exports function's use cases: build the workbook, put it in storage under a path nobody can
 * guess (the contact list holds phone numbers), record who took it in the audit log, and answer
 * the fileID with a download address.
 */

export type ExportKind = 'decision' | 'ledger' | 'contacts';

/** `表决名册-电梯更换-20261207-1130.xlsx`, `缴款与账本-….xlsx`, `业主联系名单-….xlsx`. */
export function exportFileName(kind: ExportKind, now: Date, title = ''): string {
  const stamp = fileStamp(now);
  if (kind === 'decision') return `表决名册-${fileNamePart(title)}-${stamp}.xlsx`;
  return `${kind === 'ledger' ? '缴款与账本' : '业主联系名单'}-${stamp}.xlsx`;
}

async function publish(
  ctx: UseCaseContext,
  caller: Caller,
  kind: ExportKind,
  target: string,
  built: { sheets: Sheet[]; rows: number; title?: string },
): Promise<ExportFileView> {
  const content = await workbookOf(built.sheets);
  const fileName = exportFileName(kind, ctx.now, built.title);
  const fileId = await uploadFile(
    `exports/${kind}/${fileStamp(ctx.now)}-${randomId('')}.xlsx`,
    content,
  );
  const tempUrl = (await tempUrls([fileId])).get(fileId) ?? '';
  const names = kind === 'contacts' ? 'full' : nameViewFor(caller.roles);
  await writeAudit(docs(ctx.db), ctx, caller, `exports.${kind}`, target, {
    fileId,
    rows: built.rows,
    names,
  });
  return { fileId, tempUrl, fileName, rows: built.rows, names };
}

export async function exportDecision(
  request: { decisionId: string },
  ctx: UseCaseContext,
): Promise<ExportFileView> {
  const caller = await ctx.caller();
  const built = await decisionSheets(
    ctx.db,
    request.decisionId,
    nameViewFor(caller.roles),
    ctx.now,
  );
  return publish(ctx, caller, 'decision', `decision:${request.decisionId}`, built);
}

export async function exportLedgerAndPayments(ctx: UseCaseContext): Promise<ExportFileView> {
  const caller = await ctx.caller();
  const built = await moneySheets(ctx.db, nameViewFor(caller.roles), ctx.now);
  return publish(ctx, caller, 'ledger', 'ledger', built);
}

export async function exportContacts(ctx: UseCaseContext): Promise<ExportFileView> {
  const caller = await ctx.caller();
  return publish(ctx, caller, 'contacts', 'contacts', await contactSheets(ctx.db, ctx.now));
}
