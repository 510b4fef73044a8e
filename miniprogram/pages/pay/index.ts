import type { MeView, OrderStatusView, PayLinkInfoView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import {
  createOrderForUnit,
  createOrderFromLink,
  getMyAccount,
  getOrderStatus,
  getPayLinkInfo,
} from '../../services/funds';
import { getMyHousehold } from '../../services/households';
import { requestPayment } from '../../services/payment';
import { buildingName } from '../../services/share';
import { formatFen } from '../../utils/format';
import { payInfoCard, payLinkPath, payLinkShareTitle } from '../../utils/pageShares';
import type { ShareCardContent } from '../../utils/shareCard';
import { makeCardOnTap, requireCard, shareWithCard } from '../../utils/shareMessage';
import {
  checkAmount,
  checkPayerName,
  type PayTarget,
  targetFromAccount,
  targetFromLink,
  yuanText,
} from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';
type Choice = 'full' | 'part';

// WeChat's callback may arrive a moment after the pay sheet closes; orderStatus also asks WeChat
// itself, so a few short waits are enough before telling the payer to look again later.
const STATUS_ATTEMPTS = 5;
const STATUS_WAIT_MS = 800;

// The link as the server read it, for the share card (the page's data holds the view only).
const linkInfos = new WeakMap<object, PayLinkInfoView>();

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Paying a share: all that is left is preselected, so "确认支付" is the second tap from the 筹款
 * tab and WeChat's pay sheet the third. Also opened from a pay link (`?link=token`) by a relative
 * or friend, who sees the unit, the owner's masked name and what is left, and pays their own order.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    unitId: '',
    linkToken: '',
    target: null as PayTarget | null,
    choice: 'full' as Choice,
    amountText: '',
    payerName: '',
    confirmLabel: '',
    error: '',
    notice: '',
    paying: false,
    shareCard: null as ShareCardContent | null,
    makingCard: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({
        unitId: query.unit ? decodeURIComponent(query.unit) : '',
        linkToken: query.link ? decodeURIComponent(query.link) : '',
      });
      return this.load();
    },
    onRetry() {
      return this.load();
    },

    /**
     * Opened from a pay link, the page forwards the same link (to another relative) with its card;
     * the owner's own pay page (`?unit=`) works only for them, so it shares the 筹款 tab instead.
     */
    onShareAppMessage() {
      const { linkToken, target } = this.data;
      if (!linkToken) return { title: '同梯 · 电梯更换筹款进度', path: '/pages/money/index' };
      const link = {
        title: target ? payLinkShareTitle(target.unitNo) : '请帮忙缴纳电梯更换分摊款',
        path: payLinkPath(linkToken),
      };
      return shareWithCard(this, link, () => this.requireShareCard());
    },

    async prepareShareCard(): Promise<ShareCardContent | null> {
      const info = linkInfos.get(this);
      if (!info) return null;
      if (this.data.shareCard) return this.data.shareCard;
      const building = await buildingName().catch(() => '我们楼');
      const shareCard = payInfoCard({ building, info, now: new Date().toISOString() });
      this.setData({ shareCard });
      return shareCard;
    },
    requireShareCard(): Promise<void> {
      return requireCard(() => this.prepareShareCard());
    },
    onMakeCard(): Promise<void> {
      return makeCardOnTap(this, () => this.prepareShareCard(), userMessageOf);
    },

    /** Never rejects. */
    async load(): Promise<void> {
      const { unitId, linkToken } = this.data;
      if (!unitId && !linkToken) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从筹款页打开' });
        return;
      }
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        let target: PayTarget | null;
        if (linkToken) {
          const info = await getPayLinkInfo(linkToken);
          linkInfos.set(this, info);
          target = targetFromLink(info);
        } else {
          const [account, me] = await Promise.all([
            getMyAccount(),
            getMyHousehold().catch((): MeView | null => null),
          ]);
          target = targetFromAccount(account, me, unitId);
        }
        if (!target) {
          this.setData({ status: 'empty', statusMessage: '没有找到这户的应缴款' });
          return;
        }
        this.setData({
          status: 'ready',
          target,
          choice: 'full',
          amountText: yuanText(target.leftFen),
          confirmLabel: `确认支付 ${target.left}`,
          error: '',
          shareCard: null,
        });
      } catch (error) {
        const missing = error instanceof ApiError && error.code === 'NOT_FOUND';
        this.setData({
          status: missing ? 'empty' : 'error',
          statusMessage: missing
            ? '这个缴费链接无效，请向业主要一个新的链接'
            : userMessageOf(error),
        });
      }
    },

    onChooseFull() {
      const target = this.data.target;
      if (!target) return;
      this.setData({
        choice: 'full',
        amountText: yuanText(target.leftFen),
        confirmLabel: `确认支付 ${target.left}`,
        error: '',
      });
    },

    onChoosePart() {
      this.setData({ choice: 'part', amountText: '', confirmLabel: '确认支付', error: '' });
    },

    onAmountInput(event: WechatMiniprogram.Input) {
      const amountText = event.detail.value;
      const check = checkAmount(amountText, this.data.target?.leftFen ?? 0);
      this.setData({
        amountText,
        error: '',
        confirmLabel: check.ok ? `确认支付 ${formatFen(check.fen)}` : '确认支付',
      });
    },

    onPayerInput(event: WechatMiniprogram.Input) {
      this.setData({ payerName: event.detail.value, error: '' });
    },

    /** Tap 2: the order, then WeChat's pay sheet (tap 3 is WeChat's own 确认支付). */
    async onConfirm(): Promise<void> {
      const { target, linkToken, paying } = this.data;
      if (!target || !target.payable || paying) return;
      const amount = checkAmount(this.data.amountText, target.leftFen);
      if (!amount.ok) {
        this.setData({ error: amount.message });
        return;
      }
      let payerName = '';
      if (linkToken) {
        const payer = checkPayerName(this.data.payerName);
        if (!payer.ok) {
          this.setData({ error: payer.message });
          return;
        }
        payerName = payer.name;
      }
      this.setData({ paying: true, error: '', notice: '' });
      try {
        const order = linkToken
          ? await createOrderFromLink(linkToken, amount.fen, payerName)
          : await createOrderForUnit(target.unitId, amount.fen);
        const outcome = await requestPayment(order.payment);
        if (outcome.kind === 'cancelled') {
          this.setData({ paying: false, notice: '已取消支付，没有扣款' });
          return;
        }
        if (outcome.kind === 'failed') {
          this.setData({ paying: false, error: '支付未成功，没有扣款，请稍后再试' });
          return;
        }
        this.setData({ notice: '支付完成，正在确认到账…' });
        await this.confirmPaid(order.outTradeNo);
      } catch (error) {
        this.setData({ paying: false, error: userMessageOf(error) });
      }
    },

    /** Asks until the ledger has the payment, then shows its receipt. */
    async confirmPaid(outTradeNo: string): Promise<void> {
      let status: OrderStatusView | null = null;
      for (let attempt = 0; attempt < STATUS_ATTEMPTS; attempt += 1) {
        if (attempt > 0) await wait(STATUS_WAIT_MS);
        status = await getOrderStatus(outTradeNo);
        if (status.status !== 'unpaid') break;
      }
      if (status?.status === 'paid' && status.transferId) {
        const link = this.data.linkToken ? `&link=${encodeURIComponent(this.data.linkToken)}` : '';
        wx.redirectTo({
          url: `/pages/receipt/index?id=${encodeURIComponent(status.transferId)}${link}`,
        });
        return;
      }
      this.setData({
        paying: false,
        notice: '',
        error:
          status?.status === 'unpaid'
            ? '微信尚未通知到账，请稍后在筹款页查看；请勿重复支付'
            : (status?.statusLabel ?? '支付结果未知，请稍后在筹款页查看'),
      });
    },
  },
});
