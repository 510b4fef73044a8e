import { checkChunks } from '../../core/articles';
import { AppError } from '../errors';
import { contentVerdict } from '../platform';

/**
 * Every text a person submits passes WeChat's content check (security.msgSecCheck v2) before it
 * is stored or shown. Only a clean "pass" goes through: "review" and "risky" are both refused,
 * naming the field so the writer knows what to change.
 */
export async function assertClean(
  fields: ReadonlyArray<{ label: string; text: string }>,
  openid: string,
): Promise<void> {
  for (const { label, text } of fields) {
    for (const chunk of checkChunks(text)) {
      const verdict = await contentVerdict(chunk, openid);
      if (verdict !== 'pass') {
        throw new AppError('INVALID_INPUT', `${label}未通过微信内容安全检测，请修改后再提交`);
      }
    }
  }
}
