import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import type { InviteSheetFileView } from '../../../typings/api';
import { getBuildingSummary, inviteQrUrl } from '../../services/households';
import { makeInviteSheet, openNoticeFile } from '../../services/notices';
import {
  CONFIRM,
  LOST_TEXT,
  STEPS,
  toSheetView,
  WARNINGS,
  type SheetScope,
  type SheetView,
} from './view';

type Status = 'loading' | 'ready' | 'error';

const QR_MISSING = '小程序码暂时无法显示，住户可在微信中搜索小程序，点“我的”→“绑定房屋”';

// The file behind the sheet on screen, to open again (the page's data holds the view only).
const files = new WeakMap<object, InviteSheetFileView>();
const qrRetried = new WeakSet<object>();

/**
 * The lobby list (大堂邀请码): after a warning and a confirmation, fresh invite codes for every
 * flat (or only those nobody has bound yet), as an A4 PDF opened at once to forward to a print
 * shop or save, and on screen: the building, the mini program code, three steps, room + code.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    building: '',
    warnings: WARNINGS,
    steps: STEPS,
    lostText: LOST_TEXT,
    issuing: false,
    fileName: '',
    fileNote: '',
    sheet: null as SheetView | null,
    qrUrl: '',
    qrNote: '',
  },
  methods: {
    onLoad() {
      return this.load();
    },

    onRetry() {
      return this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const summary = await getBuildingSummary();
        this.setData({ status: 'ready', building: summary.name });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    /**
     * The page's large button (every flat) or the smaller one (flats nobody bound). Codes are
     * shown once, so a sheet on screen is never replaced.
     */
    async onIssue(
      event?: WechatMiniprogram.BaseEvent<Record<string, never>, { scope?: SheetScope }>,
    ): Promise<void> {
      if (this.data.issuing || this.data.sheet) return;
      const scope: SheetScope = event?.currentTarget?.dataset?.scope ?? 'all';
      const answer = await wx.showModal({ ...CONFIRM[scope], cancelText: '取消' });
      if (!answer.confirm) return;
      this.setData({ issuing: true });
      let file: InviteSheetFileView;
      try {
        file = await makeInviteSheet(scope);
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
        this.setData({ issuing: false });
        return;
      }
      files.set(this, file);
      this.setData({
        sheet: toSheetView(file),
        qrUrl: '',
        qrNote: '',
        issuing: false,
        fileName: file.fileName,
      });
      await this.showQr(file.qrFileId);
      if (file.rows.length) await this.onOpenFile();
    },

    /** Opens the PDF (again): its menu forwards it to a print shop or a computer, or saves it. */
    async onOpenFile(): Promise<void> {
      const file = files.get(this);
      if (!file) return;
      try {
        await openNoticeFile(file);
        this.setData({ fileNote: '' });
      } catch (error) {
        this.setData({ fileNote: `打印版没有打开（${userMessageOf(error)}），请点上面的按钮再试` });
      }
    },

    /** A missing picture must not cost the codes: the sheet stays, with a line instead. */
    async showQr(qrFileId: string | null): Promise<void> {
      if (!qrFileId) {
        this.setData({ qrNote: QR_MISSING });
        return;
      }
      try {
        this.setData({ qrUrl: await inviteQrUrl(qrFileId) });
      } catch {
        this.setData({ qrNote: QR_MISSING });
      }
    },

    /** A picture that failed (a dropped connection) gets one fresh address before the note. */
    onQrError() {
      const file = files.get(this);
      if (file?.qrFileId && !qrRetried.has(this)) {
        qrRetried.add(this);
        this.setData({ qrUrl: '' });
        return this.showQr(file.qrFileId);
      }
      this.setData({ qrUrl: '', qrNote: QR_MISSING });
      return undefined;
    },
  },
});
