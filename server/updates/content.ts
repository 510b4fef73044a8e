import { sdk } from '../cloud';
import { AppError } from '../errors';
import { contentVerdict } from '../platform';

/**
 * What residents and organizers write and the photos they attach: text passes WeChat's content
 * check before anything is stored; photos must already be in cloud storage under `progress/`
 * (where the post page uploads them), so a link to another area's private file — a signed
 * ballot, an authorization — can never be republished on the public timeline.
 */

/** All of an action's text in one check: one request, and a risky caption fails the whole post. */
export async function assertCleanText(parts: readonly string[], openid: string): Promise<void> {
  const content = parts.filter((p) => p.trim() !== '').join('\n');
  if (!content) return;
  if ((await contentVerdict(content, openid)) !== 'pass') {
    throw new AppError('INVALID_INPUT', '内容未通过微信安全检测，请修改后再提交');
  }
}

const PROGRESS_PHOTO = /^cloud:\/\/[^/]+\/progress\/[^?#]+$/;

export function isProgressPhoto(fileId: string): boolean {
  return PROGRESS_PHOTO.test(fileId);
}

interface TempUrlSlice {
  getTempFileURL(params: { fileList: string[] }): Promise<unknown>;
}

/** Temporary addresses of stored files in one request; a missing file has no entry. */
export async function tempUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const unique = [...new Set(fileIds)];
  if (!unique.length) return urls;
  const result: unknown = await (sdk() as unknown as TempUrlSlice).getTempFileURL({
    fileList: unique,
  });
  const list =
    result && typeof result === 'object' && 'fileList' in result ? result.fileList : null;
  if (!Array.isArray(list)) return urls;
  for (const item of list as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const { fileID, tempFileURL, status } = item as Record<string, unknown>;
    if (
      status === 0 &&
      typeof fileID === 'string' &&
      typeof tempFileURL === 'string' &&
      tempFileURL
    ) {
      urls.set(fileID, tempFileURL);
    }
  }
  return urls;
}

/** Every photo is a progress photo that exists; otherwise a clear refusal and nothing stored. */
export async function assertPhotosStored(fileIds: readonly string[]): Promise<void> {
  if (fileIds.some((f) => !isProgressPhoto(f))) {
    throw new AppError('INVALID_INPUT', '照片须在进度页面上传');
  }
  if (new Set(fileIds).size !== fileIds.length) {
    throw new AppError('INVALID_INPUT', '同一张照片上传了两次');
  }
  const found = await tempUrls(fileIds);
  if (fileIds.some((f) => !found.has(f))) {
    throw new AppError('INVALID_INPUT', '没有找到上传的照片，请重新上传');
  }
}
