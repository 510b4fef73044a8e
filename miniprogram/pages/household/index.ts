import type { ProxyInvitation } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getMyHousehold, inviteProxy, revokeProxy } from '../../services/households';
import type { ProxyRow } from '../../utils/households';
import { type ActingForRow, toHouseholdView, type UnitRow } from './view';

type Status = 'loading' | 'ready' | 'error';

/** Thirty days from today in Shanghai, as the picker's first suggestion. */
function inThirtyDays(now: number): string {
  const shanghai = new Date(now + 8 * 3600 * 1000 + 30 * 86400 * 1000);
  return shanghai.toISOString().slice(0, 10);
}

/**
 * My household (我的房屋): the units one is bound to with their co-owners, the proxies given and
 * held, requests still waiting — and one large button: invite a proxy (or bind a unit first).
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    name: '',
    roles: '',
    units: [] as UnitRow[],
    given: [] as ProxyRow[],
    held: [] as ProxyRow[],
    bindings: [] as Array<{ id: string; text: string }>,
    ownedUnitIds: [] as string[],
    voterUnitIds: [] as string[],
    actingFor: [] as ActingForRow[],
    proxyOnly: false,
    inviting: false,
    proxyName: '',
    vote: true,
    pay: true,
    validUntil: '',
    submitting: false,
    error: '',
    invitation: null as ProxyInvitation | null,
  },
  methods: {
    onLoad() {
      return this.load();
    },

    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    onRetry() {
      return this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const view = toHouseholdView(await getMyHousehold());
        this.setData({ status: 'ready', ...view });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    /** A proxy goes to vote or pay for the owner: both are tabs. */
    onGoTab(event: WechatMiniprogram.TouchEvent<Record<string, never>, { url: string }>) {
      wx.switchTab({ url: event.currentTarget.dataset.url });
    },

    /** The page's one large button. */
    onPrimary() {
      if (!this.data.ownedUnitIds.length) {
        wx.navigateTo({ url: '/pages/bind/index' });
        return;
      }
      this.setData({
        inviting: true,
        invitation: null,
        error: '',
        vote: this.data.voterUnitIds.length === this.data.ownedUnitIds.length,
        validUntil: this.data.validUntil || inThirtyDays(Date.now()),
      });
    },

    onProxyNameInput(event: WechatMiniprogram.Input) {
      this.setData({ proxyName: event.detail.value, error: '' });
    },

    onVoteChange(event: WechatMiniprogram.SwitchChange) {
      this.setData({ vote: event.detail.value });
    },

    onPayChange(event: WechatMiniprogram.SwitchChange) {
      this.setData({ pay: event.detail.value });
    },

    onDateChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ validUntil: String(event.detail.value) });
    },

    async onSubmitInvite(): Promise<void> {
      const proxyName = this.data.proxyName.trim();
      if (!proxyName) return this.setData({ error: '请填写代理人的姓名' });
      if (!this.data.vote && !this.data.pay) return this.setData({ error: '请至少选择投票或缴款' });
      if (this.data.submitting) return;
      this.setData({ submitting: true, error: '' });
      try {
        const invitation = await inviteProxy({
          unitIds: this.data.vote ? this.data.voterUnitIds : this.data.ownedUnitIds,
          proxyName,
          scope: { vote: this.data.vote, pay: this.data.pay, decisionId: null },
          validUntil: this.data.validUntil,
        });
        this.setData({ invitation, inviting: false, proxyName: '' });
        await this.load();
      } catch (error) {
        this.setData({ error: userMessageOf(error) });
      } finally {
        this.setData({ submitting: false });
      }
    },

    onCancelInvite() {
      this.setData({ inviting: false, error: '' });
    },

    async onRevoke(event: WechatMiniprogram.BaseEvent<object, { id: string }>): Promise<void> {
      const id = event.currentTarget.dataset.id;
      const answer = await wx.showModal({
        title: '撤销委托',
        content: '撤销后代理人不能再替您投票或缴款，已完成的不受影响。',
        confirmText: '撤销',
      });
      if (!answer.confirm) return;
      try {
        await revokeProxy(id);
        await this.load();
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },

    onShareAppMessage() {
      const invitation = this.data.invitation;
      if (!invitation) return { title: '同梯：我们楼换电梯', path: '/pages/home/index' };
      return {
        title: `请您代我办理换梯事务（${invitation.proxy.unitNos.join('、')}）`,
        path: invitation.sharePath,
      };
    },
  },
});
