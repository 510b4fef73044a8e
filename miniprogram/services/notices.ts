import type { ActionName, ActionRequest, NoticeFileView } from '../../typings/api';
import { callApi } from './cloud';
import { openCloudDocument } from './storage';

/**
 * Printable notices (打印版): the notices function draws the A4 PDF in cloud storage; the phone
 * downloads it and opens it with the menu to forward it to a print shop or a computer, or save it.
 */

type NoticeAction = Exclude<ActionName<'notices'>, 'inviteSheet'>;

export function makeNotice<A extends NoticeAction>(
  action: A,
  request: ActionRequest<'notices', A>,
): Promise<NoticeFileView> {
  return callApi('notices', action, request) as Promise<NoticeFileView>;
}

/** Fresh lobby codes and their PDF (the previous codes of those flats stop working). */
export function makeInviteSheet(scope: 'all' | 'unbound') {
  return callApi('notices', 'inviteSheet', { scope });
}

/** What to tell the person printing when the font could not draw some characters. */
export function missingCharactersNote(file: Pick<NoticeFileView, 'missingCharacters'>): string {
  if (!file.missingCharacters.length) return '';
  return `打印版里有 ${file.missingCharacters.length} 个字无法显示，印成了“□”：${file.missingCharacters.join('、')}。请打印后手写补上。`;
}

/** Opens the PDF; warns (after it opened) about characters printed as □. */
export async function openNoticeFile(file: NoticeFileView): Promise<void> {
  await openCloudDocument(file.fileId, 'pdf');
  const note = missingCharactersNote(file);
  if (note) await wx.showModal({ title: '请注意', content: note, showCancel: false });
}

/** Makes the notice and opens it, with a loading veil while the PDF is drawn and downloaded. */
export async function printNotice<A extends NoticeAction>(
  action: A,
  request: ActionRequest<'notices', A>,
): Promise<NoticeFileView> {
  wx.showLoading({ title: '正在生成打印版', mask: true });
  let file: NoticeFileView;
  try {
    file = await makeNotice(action, request);
    await openCloudDocument(file.fileId, 'pdf');
  } finally {
    wx.hideLoading();
  }
  const note = missingCharactersNote(file);
  if (note) await wx.showModal({ title: '请注意', content: note, showCancel: false });
  return file;
}
