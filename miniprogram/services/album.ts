/**
 * Saving a picture (a share card) to the phone's album: WeChat needs the scope.writePhotosAlbum
 * permission, asked from the tap; a person who refused it once can only grant it in the settings
 * page, so they are told why and taken there.
 */

export type AlbumOutcome = 'saved' | 'denied' | 'failed';

const SCOPE = 'scope.writePhotosAlbum';

function errMsgOf(error: unknown): string {
  return error && typeof error === 'object' && 'errMsg' in error
    ? String((error as { errMsg: unknown }).errMsg)
    : String(error);
}

async function permissionGranted(): Promise<boolean> {
  const setting = await wx.getSetting({});
  const current = (setting.authSetting as Record<string, boolean | undefined>)[SCOPE];
  if (current === true) return true;
  if (current === undefined) {
    try {
      await wx.authorize({ scope: SCOPE });
      return true;
    } catch {
      // Refused just now: fall through to the settings page, as for an earlier refusal.
    }
  }
  const modal = await wx.showModal({
    title: '需要保存到相册的权限',
    content: '请在设置中打开“保存到相册”，就能把分享图保存下来，转发到邻居群里。',
    confirmText: '去设置',
    cancelText: '暂不',
  });
  if (!modal.confirm) return false;
  const after = await wx.openSetting({});
  return (after.authSetting as Record<string, boolean | undefined>)[SCOPE] === true;
}

export async function saveImageToAlbum(filePath: string): Promise<AlbumOutcome> {
  try {
    if (!(await permissionGranted())) return 'denied';
    await wx.saveImageToPhotosAlbum({ filePath });
    return 'saved';
  } catch (error) {
    return /auth|deny|denied/i.test(errMsgOf(error)) ? 'denied' : 'failed';
  }
}
