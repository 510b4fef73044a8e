import type { LedgerOverviewView, MeView, MyAccountView, SchemeView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { createPayLink, getMyAccount, listSchemes } from '../../services/funds';
import { getMyHousehold } from '../../services/households';
import { getLedgerOverview } from '../../services/ledgerReading';
import { remindFromTap, remindIdsFor } from '../../services/remindTap';
import { formatDateTime } from '../../utils/format';
import { type MoneyView, toMoneyView } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

interface SharedLink {
  unitId: string;
  unitNo: string;
  path: string;
  line: string;
}

type UnitTap = WechatMiniprogram.BaseEvent<Record<string, never>, { unit: string }>;

/** Someone with no unit (staff, a guest) still sees the building's progress and the ledger. */
async function accountOrNull(): Promise<MyAccountView | null> {
  try {
    return await getMyAccount();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'FORBIDDEN') return null;
    throw error;
  }
}

/**
 * 筹款: my share and how it was worked out, what I paid and by whom, what is left, each receipt,
 * and the building's progress. Paying all that is left: 缴纳 here, 确认支付 on the pay page,
 * then WeChat's own pay sheet — three taps.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    view: null as MoneyView | null,
    sharing: '',
    shared: null as SharedLink | null,
    shareError: '',
    remindIds: [] as string[],
    reminded: false,
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onShow() {
      // Back from paying: show the new balance and the new receipt.
      if (this.data.status === 'ready') return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },

    /** Never rejects: every failure ends in the error state. */
    async load(): Promise<void> {
      if (!this.data.view) this.setData({ status: 'loading', statusMessage: '' });
      try {
        const [account, me, schemes, overview] = await Promise.all([
          accountOrNull(),
          getMyHousehold().catch((): MeView | null => null),
          listSchemes().catch((): SchemeView[] => []),
          getLedgerOverview().catch((): LedgerOverviewView | null => null),
        ]);
        this.setData({ status: 'ready', view: toMoneyView(account, me, schemes, overview) });
        // Only someone who pays for a unit is offered the share-due and cash-posted reminders.
        if (account && !this.data.remindIds.length) {
          this.setData({ remindIds: await remindIdsFor(['shareDue', 'receiptPosted']) });
        }
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    /** Tap 1 of 3: the pay page opens with all that is left preselected. */
    onPay(event: UnitTap) {
      const unitId = event.currentTarget.dataset.unit;
      wx.navigateTo({ url: `/pages/pay/index?unit=${encodeURIComponent(unitId)}` });
    },

    onOpenReceipt(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string; receipt: boolean }>,
    ) {
      const { id, receipt } = event.currentTarget.dataset;
      if (!receipt) return;
      wx.navigateTo({ url: `/pages/receipt/index?id=${encodeURIComponent(id)}` });
    },

    /** From the tap: WeChat's consent sheet opens only when asked before any await. */
    async onRemind(): Promise<void> {
      if (await remindFromTap(this.data.remindIds)) this.setData({ reminded: true });
    },

    onOpenLedger() {
      wx.navigateTo({ url: '/pages/ledger/index' });
    },

    onBind() {
      wx.navigateTo({ url: '/pages/bind/index' });
    },

    /** Makes the link first, so the share button below sends a card that is sure to work. */
    async onMakePayLink(event: UnitTap): Promise<void> {
      const unitId = event.currentTarget.dataset.unit;
      if (this.data.sharing) return;
      this.setData({ sharing: unitId, shareError: '', shared: null });
      try {
        const link = await createPayLink(unitId);
        this.setData({
          sharing: '',
          shared: {
            unitId,
            unitNo: link.unitNo,
            path: link.path,
            line: `链接有效期至 ${formatDateTime(link.expiresAt)}。亲友打开后可看到房号和剩余应缴，用自己的微信支付，收据上会写明是谁代付。`,
          },
        });
      } catch (error) {
        this.setData({ sharing: '', shareError: userMessageOf(error) });
      }
    },

    onShareAppMessage(options: WechatMiniprogram.Page.IShareAppMessageOption) {
      const link = this.data.shared;
      if (options.from === 'button' && link) {
        return { title: `请帮 ${link.unitNo} 缴纳电梯更换分摊款`, path: link.path };
      }
      return { title: '同梯 · 电梯更换筹款进度', path: '/pages/money/index' };
    },
  },
});
