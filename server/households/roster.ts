import type { RosterImportResult, RosterImportView } from '../../typings/api';
import type { RosterImport } from '../../core/registry/model';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { downloadFile } from '../platform';
import { find } from '../repository/docs';
import { importRoster as runImport } from '../roster/importRoster';
import { rosterFormatOf } from '../roster/readRosterFile';
import { loadBuilding } from './registry';

/**
 * households.importRoster: an organizer uploads the office's spreadsheet to cloud storage
 * (wx.cloud.uploadFile) and names its fileID here; dry run first, then apply.
 */
export async function importRosterUpload(
  request: { fileId: string; fileName?: string | undefined; dryRun: boolean },
  ctx: UseCaseContext,
): Promise<RosterImportResult> {
  const caller = await ctx.caller();
  const fileName = request.fileName?.trim() || request.fileId.split('/').pop() || request.fileId;
  if (!rosterFormatOf(fileName)) {
    throw new AppError('INVALID_INPUT', `不支持的文件类型：${fileName}（请上传 .csv 或 .xlsx）`);
  }
  const building = await loadBuilding(ctx.db);
  const bytes = await downloadFile(request.fileId);
  if (!bytes) throw new AppError('NOT_FOUND', '没有找到上传的文件，请重新上传');
  return runImport({
    db: ctx.db,
    building,
    fileName,
    bytes,
    dryRun: request.dryRun,
    source: 'upload',
    howToChooseSheet: '请在 Excel 里删去不导入的工作表后重新上传',
    by: { openid: caller.openid, roles: caller.roles },
    now: ctx.now,
    requestId: ctx.requestId,
    record: true,
  });
}

/** households.importHistory: the latest imports, for the organizers' status page. */
export async function importHistory(ctx: UseCaseContext): Promise<{ imports: RosterImportView[] }> {
  const runs = await find<RosterImport>(
    ctx.db,
    'imports',
    {},
    { orderBy: ['_id', 'desc'], limit: 20 },
  );
  return {
    imports: runs.map((r) => ({
      id: r._id,
      at: r.at,
      source: r.source,
      fileName: r.fileName,
      dryRun: r.dryRun,
      applied: r.applied,
      rows: r.rows,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      errorCount: r.errorCount,
      errors: r.errors,
    })),
  };
}
