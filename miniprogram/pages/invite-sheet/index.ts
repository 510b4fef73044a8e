import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getBuildingSummary, inviteQrUrl, issueInviteCodes } from '../../services/households';
import { CONFIRM, STEPS, toSheetView, WARNINGS, type SheetView } from './view';

type Status = 'loading' | 'ready' | 'error';

const QR_MISSING = '小程序码暂时无法显示，住户可在微信中搜索小程序，点“我的”→“绑定房屋”';

/**
 * The lobby list (大堂邀请码): after a warning and a confirmation, fresh invite codes for every
 * flat, laid out to be saved as a picture or printed and posted by the lift: the building, the
 * mini program code, three steps, and room number + code.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    building: '',
    warnings: WARNINGS,
    steps: STEPS,
    issuing: false,
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

    /** The page's one large button. Codes are shown once, so a sheet on screen is never replaced. */
    async onIssue(): Promise<void> {
      if (this.data.issuing || this.data.sheet) return;
      const answer = await wx.showModal({ ...CONFIRM, cancelText: '取消' });
      if (!answer.confirm) return;
      this.setData({ issuing: true });
      try {
        const sheet = await issueInviteCodes();
        this.setData({ sheet: toSheetView(sheet), qrUrl: '', qrNote: '' });
        await this.showQr(sheet.qrFileId);
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      } finally {
        this.setData({ issuing: false });
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

    onQrError() {
      this.setData({ qrUrl: '', qrNote: QR_MISSING });
    },
  },
});
