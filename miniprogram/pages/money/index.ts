import type { LedgerOverviewView, MeView, MyAccountView, SchemeView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { createPayLink, getMyAccount, getPayLinkInfo, listSchemes } from '../../services/funds';
import { getMyHousehold } from '../../services/households';
import { buildingName } from '../../services/share';
import { getLedgerOverview } from '../../services/ledgerReading';
import { remindFromTap, remindIdsFor } from '../../services/remindTap';
import { formatDateTime } from '../../utils/format';
import { payInfoCard, payLinkShareTitle } from '../../utils/pageShares';
import type { ShareCardContent } from '../../utils/shareCard';
import { shareWithCard } from '../../utils/shareMessage';
import { type MoneyView, toMoneyView } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

interface SharedLink {
  unitId: string;
  unitNo: string;
  token: string;
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
    /** The pay link's card: which flat and how much is left, as the friend will see it. */
    shareCard: null as ShareCardContent | null,
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
      this.setData({ sharing: unitId, shareError: '', shared: null, shareCard: null });
      try {
        const link = await createPayLink(unitId);
        this.setData({
          sharing: '',
          shared: {
            unitId,
            unitNo: link.unitNo,
            token: link.token,
            path: link.path,
            line: `链接有效期至 ${formatDateTime(link.expiresAt)}。亲友打开后可看到房号和剩余应缴，用自己的微信支付，收据上会写明是谁代付。`,
          },
        });
      } catch (error) {
        this.setData({ sharing: '', shareError: userMessageOf(error) });
        return;
      }
      // The card is a bonus: without it the link still goes, with the page's screenshot.
      await this.prepareShareCard().catch(() => null);
    },

    /** The card as the friend will see the page: the link's own reading of the flat. */
    async prepareShareCard(): Promise<ShareCardContent | null> {
      const link = this.data.shared;
      if (!link) return null;
      if (this.data.shareCard) return this.data.shareCard;
      const [building, info] = await Promise.all([
        buildingName().catch(() => '我们楼'),
        getPayLinkInfo(link.token),
      ]);
      // A newer link may have been made meanwhile: its card is its own.
      if (this.data.shared?.token !== link.token) return null;
      const shareCard = payInfoCard({ building, info, now: new Date().toISOString() });
      this.setData({ shareCard });
      return shareCard;
    },

    onShareAppMessage(options: WechatMiniprogram.Page.IShareAppMessageOption) {
      const link = this.data.shared;
      if (options.from === 'button' && link) {
        return shareWithCard(this, { title: payLinkShareTitle(link.unitNo), path: link.path }, () =>
          this.prepareShareCard().then((card) => {
            if (!card) throw new Error('no card for this link');
          }),
        );
      }
      return { title: '同梯 · 电梯更换筹款进度', path: '/pages/money/index' };
    },
  },
});
