import type { CastReceiptView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { castBallot, getDecision } from '../../services/decisions';
import { type DetailView, toDetailView } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/**
 * A decision: its plan and documents, the countdown, how my units stand, and voting — from a
 * shared link, tap a choice, tap "确认投票", read the receipt: two taps, large buttons.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    view: null as DetailView | null,
    ballotIndex: 0,
    selected: '',
    selectedLabel: '',
    sending: false,
    voteError: '',
    receipt: null as CastReceiptView | null,
    receiptUnits: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = query.id ? decodeURIComponent(query.id) : '';
      this.setData({ id });
      return this.load();
    },
    onShow() {
      // Back from organizing, a paper ballot or the results: show the decision as it now stands
      // (closed, published, one more ballot), not as it was when the page was first opened.
      if (this.data.status === 'ready') return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },
    onShareAppMessage() {
      const title = this.data.view ? `请为「${this.data.view.title}」投票` : '同梯 · 议事';
      return { title, path: `/pages/decision-detail/index?id=${encodeURIComponent(this.data.id)}` };
    },

    /** Never rejects: every failure ends in the error or empty state. */
    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从议事列表打开' });
        return;
      }
      if (!this.data.view) this.setData({ status: 'loading', statusMessage: '' });
      try {
        const view = toDetailView(await getDecision(this.data.id), Date.now());
        const ballotIndex = Math.min(this.data.ballotIndex, Math.max(0, view.votable.length - 1));
        this.setData({ status: 'ready', view, ballotIndex });
      } catch (error) {
        const missing = error instanceof ApiError && error.code === 'NOT_FOUND';
        this.setData({
          status: missing ? 'empty' : 'error',
          statusMessage: missing ? '没有找到这个议题，可能尚未公示' : userMessageOf(error),
        });
      }
    },

    onPickBallot(event: WechatMiniprogram.PickerChange) {
      this.setData({ ballotIndex: Number(event.detail.value) || 0, selected: '', receipt: null });
    },

    /** Tap 1: pick a choice; nothing is sent until it is confirmed. */
    onChoose(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string; label: string }>,
    ) {
      const { key, label } = event.currentTarget.dataset;
      this.setData({ selected: key, selectedLabel: label, voteError: '', receipt: null });
    },

    onCancel() {
      this.setData({ selected: '', selectedLabel: '', voteError: '' });
    },

    /** Tap 2: cast, then show the receipt. */
    async onConfirm(): Promise<void> {
      const view = this.data.view;
      const ballot = view?.votable[this.data.ballotIndex];
      if (!view || !ballot || !this.data.selected || this.data.sending) return;
      this.setData({ sending: true, voteError: '' });
      try {
        const receipt = await castBallot(view.id, ballot.unitId, this.data.selected);
        this.setData({
          receipt,
          receiptUnits: receipt.unitNos.join('、'),
          selected: '',
          selectedLabel: '',
          sending: false,
        });
        await this.load();
      } catch (error) {
        this.setData({ sending: false, voteError: userMessageOf(error) });
      }
    },

    onCopyReceipt() {
      const receipt = this.data.receipt;
      if (receipt) wx.setClipboardData({ data: receipt.receipt });
    },

    onOpenDocument(event: WechatMiniprogram.BaseEvent<Record<string, never>, { file: string }>) {
      const fileID = event.currentTarget.dataset.file;
      wx.cloud
        .downloadFile({ fileID })
        .then((res) => wx.openDocument({ filePath: res.tempFilePath, showMenu: true }))
        .catch(() => wx.showToast({ title: '文件打开失败', icon: 'none' }));
    },

    onOpenPage(event: WechatMiniprogram.BaseEvent<Record<string, never>, { page: string }>) {
      const page = event.currentTarget.dataset.page;
      wx.navigateTo({ url: `/pages/${page}/index?id=${encodeURIComponent(this.data.id)}` });
    },
  },
});
