import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getOverview } from '../../services/progress';
import { remindFromTap, remindIdsFor } from '../../services/remindTap';
import { type ProgressView, toProgressView } from './view';
import { PROGRESS_PATH, progressCard, progressShareTitle } from '../../utils/pageShares';
import type { ShareCardContent } from '../../utils/shareCard';
import { shareWithCard } from '../../utils/shareMessage';

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
    shareCard: null as ShareCardContent | null,
    makingCard: false,
    buildingName: '',
    view: null as ProgressView | null,
    remindIds: [] as string[],
    reminded: false,
  },
  methods: {
    onLoad() {
      wx.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] });
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
    /** Public: the link opens the progress for anyone, bound or not; the card follows if it can. */
    onShareAppMessage() {
      const link = { title: this.shareTitle(), path: PROGRESS_PATH };
      return shareWithCard(this, link, () => this.requireShareCard());
    },
    onShareTimeline() {
      return { title: this.shareTitle(), query: '' };
    },
    shareTitle(): string {
      return progressShareTitle(this.data.buildingName, this.data.view);
    },

    /** The card's content, made from the page as it stands (no request). */
    prepareShareCard(): ShareCardContent | null {
      const view = this.data.view;
      if (!view) return null;
      if (this.data.shareCard) return this.data.shareCard;
      const shareCard = progressCard({
        building: this.data.buildingName,
        view,
        now: new Date().toISOString(),
      });
      this.setData({ shareCard });
      return shareCard;
    },
    requireShareCard(): Promise<void> {
      return this.prepareShareCard()
        ? Promise.resolve()
        : Promise.reject(new Error('nothing to share yet'));
    },
    onMakeCard() {
      this.prepareShareCard();
    },

    /** Never rejects: every failure ends in the error state. */
    async load(): Promise<void> {
      if (!this.data.view) this.setData({ status: 'loading', statusMessage: '' });
      try {
        const overview = await getOverview();
        this.setData({
          status: 'ready',
          shareCard: null,
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
