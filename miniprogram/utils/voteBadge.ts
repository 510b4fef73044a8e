/**
 * "尚未投票" on the 议事 tab while a vote waits for one of my ballots (as owner or proxy), gone once
 * they are all in. WeChat refuses a badge on a page without the tab bar; nothing is lost then —
 * the next tab page that loads sets it again.
 */
const DECISIONS_TAB = 1;

export const VOTE_BADGE_TEXT = '尚未投票';

export function showVoteBadge(pending: number): void {
  const ignore = (): void => undefined;
  if (pending > 0) {
    wx.setTabBarBadge({ index: DECISIONS_TAB, text: VOTE_BADGE_TEXT, fail: ignore });
  } else {
    wx.removeTabBarBadge({ index: DECISIONS_TAB, fail: ignore });
  }
}
