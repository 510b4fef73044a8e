import type { HelpLineView } from '../../typings/api';

/**
 * The help line (the residents' committee's phone, configured on the building): remembered from
 * the last answer that carried it, so an error screen can show it when the cloud cannot be
 * reached — exactly when a resident most needs someone to call.
 */
const HELP_LINE_STORAGE_KEY = 'tongti:helpLine';

export function rememberHelpLine(line: HelpLineView | null | undefined): void {
  if (line === undefined) return;
  try {
    wx.setStorageSync(HELP_LINE_STORAGE_KEY, line ?? '');
  } catch {
    // Storage full or unavailable: the help line is a courtesy, never a reason to fail a page.
  }
}

export function knownHelpLine(): HelpLineView | null {
  try {
    const stored = wx.getStorageSync<unknown>(HELP_LINE_STORAGE_KEY);
    if (typeof stored !== 'object' || stored === null) return null;
    const { label, phone } = stored as Record<string, unknown>;
    return typeof label === 'string' && typeof phone === 'string' && phone
      ? { label, phone }
      : null;
  } catch {
    return null;
  }
}

/** "有问题请打电话给居委会 021-6213 0000". */
export function helpSentence(line: HelpLineView): string {
  return `${helpLead(line)} ${line.phone}`;
}

/** The words before the number, which pages set apart so the number never breaks over two lines. */
export function helpLead(line: HelpLineView): string {
  return `有问题请打电话给${line.label}`;
}

/** Opens the phone's dialler on the help line (digits only: spaces and dashes are for reading). */
export function callHelpLine(line: HelpLineView): void {
  wx.makePhoneCall({ phoneNumber: line.phone.replace(/[^\d+]/g, '') }).catch(() => {
    // Cancelled at the dialler: nothing to do.
  });
}
