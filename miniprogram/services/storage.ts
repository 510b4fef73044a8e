import { ApiError } from './cloud';

/** Cloud storage for pages: the only place besides cloud.ts that reaches `wx.cloud`. */

function failure(error: unknown): ApiError {
  const text =
    error && typeof error === 'object' && 'errMsg' in error
      ? String((error as { errMsg: unknown }).errMsg)
      : String(error);
  return new ApiError('NETWORK', text);
}

/** Puts a chosen file into cloud storage for an action to read; returns its fileID. */
export async function uploadToCloud(cloudPath: string, filePath: string): Promise<string> {
  try {
    const { fileID } = await wx.cloud.uploadFile({ cloudPath, filePath });
    return fileID;
  } catch (error) {
    throw failure(error);
  }
}

/** Downloads a stored file and opens it (PDF, spreadsheet) with the menu to forward or print. */
export async function openCloudDocument(fileID: string, fileType?: 'pdf' | 'xlsx'): Promise<void> {
  let filePath: string;
  try {
    filePath = (await wx.cloud.downloadFile({ fileID })).tempFilePath;
  } catch (error) {
    throw failure(error);
  }
  await wx.openDocument({ filePath, showMenu: true, ...(fileType ? { fileType } : {}) });
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

/**
 * Opens a document link as WeChat can: pictures in the image viewer, anything else (PDF) as a
 * document with the menu to forward, save or print.
 */
export async function openStoredFile(
  fileID: string,
  tempUrl: () => Promise<string>,
): Promise<void> {
  if (IMAGE.test(fileID)) {
    const url = await tempUrl();
    await wx.previewImage({ urls: [url], current: url });
    return;
  }
  await openCloudDocument(fileID, /\.pdf$/i.test(fileID) ? 'pdf' : undefined);
}
