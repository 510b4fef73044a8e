import { AppError } from '../errors';
import { contentVerdict, tempUrls } from '../platform';

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
