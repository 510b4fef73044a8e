import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { listDecisions } from '../../services/decisions';
import { type DecisionRow, toRows } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/** Decisions (议事): every decision residents can see, open votes first. */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    rows: [] as DecisionRow[],
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onShow() {
      // Coming back from a vote should show its new state.
      if (this.data.status === 'ready') return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      if (id) wx.navigateTo({ url: `/pages/decision-detail/index?id=${encodeURIComponent(id)}` });
    },
    /** Never rejects: every failure ends in the error or empty state. */
    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading', statusMessage: '' });
      try {
        const rows = toRows(await listDecisions());
        this.setData(
          rows.length
            ? { status: 'ready', rows }
            : { status: 'empty', rows, statusMessage: '暂时没有需要表决的事项' },
        );
      } catch (error) {
        const forbidden = error instanceof ApiError && error.code === 'FORBIDDEN';
        this.setData({
          status: 'error',
          statusMessage: forbidden ? '绑定房屋后才能查看议事和表决' : userMessageOf(error),
        });
      }
    },
  },
});
