/**
 * notices: printable A4 notices for the lobby board, rendered to PDF in cloud storage — a
 * decision's notice, its result, the money summary and the lobby invite sheet — each with the
 * mini program code that opens the same page. Open with wx.downloadFile + wx.openDocument.
 */

import type { InviteCodeSheet } from './households';

export type NoticeKindName = 'decision' | 'result' | 'money' | 'invites';

export interface NoticeFileView {
  kind: NoticeKindName;
  /** Cloud storage fileID of the PDF. */
  fileId: string;
  /** A temporary download address (wx.downloadFile), valid for a few hours. */
  url: string;
  /** What the file is called when forwarded: 慈爱鑫和公寓-表决公告-….pdf */
  fileName: string;
  pages: number;
  bytes: number;
  /** Characters the notice font cannot draw (printed as □): tell the person who prints. */
  missingCharacters: string[];
}

/** The invite sheet also returns the codes and their picture, shown once on the page. */
export interface InviteSheetFileView extends NoticeFileView, InviteCodeSheet {}

export interface NoticesApi {
  decisionNotice: { request: { decisionId: string }; response: NoticeFileView };
  decisionResult: { request: { decisionId: string }; response: NoticeFileView };
  moneySummary: { request: Record<string, never>; response: NoticeFileView };
  /**
   * Issues fresh invite codes (the previous codes of those flats stop working) and prints them:
   * every flat that is sold, or only the flats nobody has bound yet.
   */
  inviteSheet: { request: { scope?: 'all' | 'unbound' }; response: InviteSheetFileView };
}
