import type { MyAccountView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { getMyAccount, getPayLinkInfo, getReceipt } from '../../services/funds';
import { leftOnUnit, type ReceiptPageView, toReceiptView } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/**
 * A receipt: what was paid, for which unit, by whom on whose behalf, how and when, and where it
 * sits in the public ledger (sequence and hash), with what is still left when the reader may see
 * it (their own unit, or the pay link they paid through).
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    linkToken: '',
    view: null as ReceiptPageView | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({
        id: query.id ? decodeURIComponent(query.id) : '',
        linkToken: query.link ? decodeURIComponent(query.link) : '',
      });
      return this.load();
    },
    onRetry() {
      return this.load();
    },

    /** Never rejects. */
    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从缴款记录打开' });
        return;
      }
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const receipt = await getReceipt(this.data.id);
        const left = await this.leftOf(receipt.unitNo);
        this.setData({ status: 'ready', view: toReceiptView(receipt, left) });
      } catch (error) {
        const missing = error instanceof ApiError && error.code === 'NOT_FOUND';
        this.setData({
          status: missing ? 'empty' : 'error',
          statusMessage: missing ? '没有找到这张收据' : userMessageOf(error),
        });
      }
    },

    /** What is left is a nicety: a reader who may not see it still gets the receipt. */
    async leftOf(unitNo: string): Promise<string | null> {
      try {
        if (this.data.linkToken) return (await getPayLinkInfo(this.data.linkToken)).leftLabel;
        const account: MyAccountView = await getMyAccount();
        return leftOnUnit(account, unitNo);
      } catch {
        return null;
      }
    },

    onCopyHash() {
      const hash = this.data.view?.entryHash;
      if (hash) wx.setClipboardData({ data: hash });
    },

    onOpenLedger() {
      wx.navigateTo({ url: '/pages/ledger/index' });
    },
  },
});
