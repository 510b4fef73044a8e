import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { acceptProxy, previewProxyInvite } from '../../services/households';
import { dayText, PROXY_STATE_LABELS, scopeText } from '../../utils/households';

type Status = 'loading' | 'ready' | 'error';

/**
 * A proxy invitation (代理委托), opened from the owner's share card: what the owner asks (rooms,
 * vote and/or pay, until when) and one large button to accept. The link works once.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    token: '',
    owner: '',
    rooms: '',
    scope: '',
    validUntil: '',
    canAccept: false,
    reason: '',
    accepting: false,
    accepted: false,
    state: '',
  },
  methods: {
    onLoad(options: Record<string, string | undefined>) {
      const token = options.token ? decodeURIComponent(options.token) : '';
      this.setData({ token });
      return this.load();
    },

    onRetry() {
      return this.load();
    },

    async load(): Promise<void> {
      if (!this.data.token) {
        this.setData({ status: 'error', statusMessage: '邀请链接不完整，请让业主重新分享' });
        return;
      }
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const preview = await previewProxyInvite(this.data.token);
        this.setData({
          status: 'ready',
          owner: preview.proxy.ownerName,
          rooms: preview.proxy.unitNos.join('、'),
          scope: scopeText(preview.proxy.scope),
          validUntil: dayText(preview.proxy.validUntil),
          canAccept: preview.canAccept,
          reason: preview.reason ?? '',
          state: PROXY_STATE_LABELS[preview.proxy.state],
        });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    async onAccept(): Promise<void> {
      if (this.data.accepting || !this.data.canAccept) return;
      this.setData({ accepting: true });
      try {
        const proxy = await acceptProxy(this.data.token);
        this.setData({ accepted: true, canAccept: false, state: PROXY_STATE_LABELS[proxy.state] });
      } catch (error) {
        this.setData({ reason: userMessageOf(error), canAccept: false });
      } finally {
        this.setData({ accepting: false });
      }
    },

    onOpenHousehold() {
      wx.redirectTo({ url: '/pages/household/index' });
    },
  },
});
