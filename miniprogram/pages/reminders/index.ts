import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { askToSubscribe, mySubscriptions } from '../../services/reminders';
import { type RemindersView, toRemindersView } from './view';

type Status = 'loading' | 'ready' | 'error';

/**
 * 消息提醒: what I will be told (vote opening, the day before a vote closes, my share due, a cash
 * receipt entered, progress of the works) and how many messages are left of each. WeChat sends
 * one message per accept, so each row's button asks for one more, from the tap.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    view: null as RemindersView | null,
    asking: false,
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
    /** Never rejects. */
    async load(): Promise<void> {
      try {
        this.setData({ status: 'ready', view: toRemindersView(await mySubscriptions()) });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
    async onSubscribe(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>,
    ): Promise<void> {
      const id = event.currentTarget.dataset.id;
      if (!id || this.data.asking) return;
      this.setData({ asking: true });
      try {
        const outcome = await askToSubscribe([id]);
        if (outcome.view) this.setData({ view: toRemindersView(outcome.view) });
        if (outcome.blocked) {
          wx.showModal({
            title: '消息提醒已关闭',
            content: '请点右上角“···”→“设置”→“通知管理”，打开订阅消息后再试。',
            showCancel: false,
          });
        } else if (outcome.accepted > 0) {
          wx.showToast({ title: '已订阅', icon: 'success' });
        }
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
      this.setData({ asking: false });
    },
  },
});
