import type { ExportFileView } from '../../typings/api';
import { ApiError, callApi } from './cloud';

/**
 * Spreadsheets for the residents' committee and the property office: the exports function writes
 * the workbook to storage; here it is downloaded under its own name (so whoever it is forwarded to
 * sees 表决名册-….xlsx) and opened in WeChat's viewer, whose menu forwards, saves or prints it.
 */

export type ExportKind = 'decision' | 'ledger' | 'contacts';

export function exportWorkbook(kind: ExportKind, decisionId = ''): Promise<ExportFileView> {
  if (kind === 'decision') return callApi('exports', 'decision', { decisionId });
  return callApi('exports', kind, {});
}

function platformText(error: unknown): string {
  return error && typeof error === 'object' && 'errMsg' in error
    ? String((error as { errMsg: unknown }).errMsg)
    : String(error);
}

/** wx.downloadFile answers through callbacks (it returns its task, not a promise). */
function download(
  url: string,
  filePath: string,
): Promise<WechatMiniprogram.DownloadFileSuccessCallbackResult> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({ url, filePath, success: resolve, fail: reject });
  });
}

/** Downloads the workbook and opens it; an ApiError (NETWORK) when either step fails. */
export async function openWorkbook(file: ExportFileView): Promise<void> {
  let filePath: string;
  try {
    if (file.tempUrl) {
      const saved = await download(file.tempUrl, `${wx.env.USER_DATA_PATH}/${file.fileName}`);
      if (saved.statusCode !== 200) throw { errMsg: `downloadFile: HTTP ${saved.statusCode}` };
      filePath = saved.filePath || saved.tempFilePath;
    } else {
      filePath = (await wx.cloud.downloadFile({ fileID: file.fileId })).tempFilePath;
    }
    await wx.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  } catch (error) {
    throw new ApiError('NETWORK', platformText(error));
  }
}
