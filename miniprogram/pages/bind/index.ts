import type { BindingView, LinkKindName } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { requestBindingByCode, requestBindingByPhone } from '../../services/households';
import { BINDING_STATUS_LABELS } from '../../utils/households';

interface BindingRow {
  id: string;
  text: string;
  status: string;
}

function rowsOf(bindings: readonly BindingView[]): BindingRow[] {
  return bindings.map((b) => ({
    id: b.id,
    text: `${b.unitNo}（${b.as === 'owner' ? '业主' : '住户'}）`,
    status: BINDING_STATUS_LABELS[b.status],
  }));
}

/**
 * Bind (绑定房屋): the invite code from the lobby list with one's name, or the phone number
 * WeChat verifies; an organizer approves either way. Opened from the lobby's mini program code
 * (scene=bind) or from My household.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    code: '',
    name: '',
    as: 'owner' as LinkKindName,
    submitting: false,
    error: '',
    message: '',
    bindings: [] as BindingRow[],
  },
  methods: {
    onLoad(options: Record<string, string | undefined>) {
      if (options.code) this.setData({ code: decodeURIComponent(options.code) });
    },

    onCodeInput(event: WechatMiniprogram.Input) {
      this.setData({ code: event.detail.value, error: '' });
    },

    onNameInput(event: WechatMiniprogram.Input) {
      this.setData({ name: event.detail.value, error: '' });
    },

    onAsChange(event: WechatMiniprogram.RadioGroupChange) {
      this.setData({ as: event.detail.value === 'resident' ? 'resident' : 'owner' });
    },

    async onSubmit(): Promise<void> {
      const code = this.data.code.trim();
      const name = this.data.name.trim();
      if (!code) return this.setData({ error: '请填写大堂公示的邀请码' });
      if (!name) {
        return this.setData({
          error: this.data.as === 'owner' ? '请填写房产证上的业主姓名' : '请填写您的姓名',
        });
      }
      await this.send(() => requestBindingByCode(code, this.data.as, name));
    },

    async onPhoneNumber(event: WechatMiniprogram.ButtonGetPhoneNumber): Promise<void> {
      const code = event.detail.code;
      if (!code) return this.setData({ error: '没有获得手机号授权，可以改用邀请码绑定' });
      await this.send(() => requestBindingByPhone(code));
    },

    async send(request: () => ReturnType<typeof requestBindingByPhone>): Promise<void> {
      if (this.data.submitting) return;
      this.setData({ submitting: true, error: '', message: '' });
      try {
        const result = await request();
        this.setData({ message: result.message, bindings: rowsOf(result.bindings) });
      } catch (error) {
        this.setData({ error: userMessageOf(error) });
      } finally {
        this.setData({ submitting: false });
      }
    },

    onOpenPrivacy() {
      wx.openPrivacyContract({});
    },
  },
});
