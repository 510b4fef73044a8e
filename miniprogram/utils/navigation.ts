/** Pages in the tab bar: WeChat opens them only with switchTab, which takes no query string. */
const TAB_PAGES = new Set([
  '/pages/home/index',
  '/pages/decisions/index',
  '/pages/money/index',
  '/pages/progress/index',
  '/pages/me/index',
]);

function normalise(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

export function isTabPage(path: string): boolean {
  return TAB_PAGES.has(normalise(path).split('?')[0] ?? '');
}

/** Opens a page path from the server (an area card, a notice) the way its kind requires. */
export function openPath(path: string): void {
  const url = normalise(path);
  if (isTabPage(url)) {
    wx.switchTab({ url: url.split('?')[0] ?? url });
  } else {
    wx.navigateTo({ url });
  }
}
