import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getOverview } from '../../services/progress';
import { remindFromTap, remindIdsFor } from '../../services/remindTap';
import { type ProgressView, toProgressView } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<
  Record<string, never>,
  D
>;

/**
 * Progress (进度): where the works stand — percent done, the current stage, the next key date,
 * each elevator's stop days, the latest updates with photos and the whole timeline. Open to
 * anyone a link was shared with; organizers post from here.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    buildingName: '',
    view: null as ProgressView | null,
    remindIds: [] as string[],
    reminded: false,
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onShow() {
      // Back from posting an update or setting a stage: show the timeline as it now stands.
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
      return { title: this.shareTitle(), path: '/pages/progress/index' };
    },
    onShareTimeline() {
      return { title: this.shareTitle(), query: '' };
    },
    shareTitle(): string {
      const view = this.data.view;
      if (!view) return '同梯 · 换梯进度';
      const name = this.data.buildingName || '我们楼';
      return `${name}换电梯：${view.currentLabel}，已完成 ${view.percent}%`;
    },

    /** Never rejects: every failure ends in the error state. */
    async load(): Promise<void> {
      if (!this.data.view) this.setData({ status: 'loading', statusMessage: '' });
      try {
        const overview = await getOverview();
        this.setData({
          status: 'ready',
          buildingName: overview.buildingName,
          view: toProgressView(overview),
        });
        if (!this.data.remindIds.length) {
          this.setData({ remindIds: await remindIdsFor(['progressUpdate']) });
        }
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    /** From the tap: WeChat's consent sheet opens only when asked before any await. */
    async onRemind(): Promise<void> {
      if (await remindFromTap(this.data.remindIds)) this.setData({ reminded: true });
    },

    onOpenUpdate(event: Tap<{ id: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) wx.navigateTo({ url: `/pages/progress-update/index?id=${encodeURIComponent(id)}` });
    },
    onOpenOutage(event: Tap<{ id: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) wx.navigateTo({ url: `/pages/outage/index?id=${encodeURIComponent(id)}` });
    },
    /** A stage with updates opens them. */
    onOpenStage(event: Tap<{ stage: string; updates: string }>) {
      const { stage, updates } = event.currentTarget.dataset;
      if (!stage || !updates) return;
      wx.navigateTo({ url: `/pages/progress-updates/index?stage=${stage}` });
    },
    /** Organizers set a stage's status and dates from its row. */
    onSetStage(event: Tap<{ stage: string }>) {
      const { stage } = event.currentTarget.dataset;
      if (!this.data.view?.canPost || !stage) return;
      wx.navigateTo({ url: `/pages/progress-post/index?mode=stage&stage=${stage}` });
    },
    onAllUpdates() {
      wx.navigateTo({ url: '/pages/progress-updates/index' });
    },
    onPost() {
      const stage = this.data.view?.stages.find((s) => s.current)?.stage ?? '';
      wx.navigateTo({ url: `/pages/progress-post/index?mode=update&stage=${stage}` });
    },
    onPublishOutage() {
      wx.navigateTo({ url: '/pages/progress-post/index?mode=outage' });
    },
  },
});
