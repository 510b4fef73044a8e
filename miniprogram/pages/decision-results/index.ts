import type { ResultsView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { getResults } from '../../services/decisions';
import { buildingName } from '../../services/share';
import { decisionCard, decisionSharePath, decisionShareQuery } from '../../utils/decisionShare';
import type { ShareCardContent } from '../../utils/shareCard';
import { makeCardOnTap, requireCard, shareWithCard } from '../../utils/shareMessage';
import { type ResultsPageView, toResultsView } from './view';
import { idFromQuery } from '../../utils/scene';

type Status = 'loading' | 'ready' | 'error' | 'empty';

// The results as the server sent them, for the share card (the page's data holds the view only).
const loaded = new WeakMap<object, ResultsView>();

/** Results: the live gauge on both axes against the law's lines, and the count per choice. */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    view: null as ResultsPageView | null,
    /** Signed in but not bound: the page says how to bind instead of failing. */
    needsBinding: false,
    shareCard: null as ShareCardContent | null,
    makingCard: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: idFromQuery(query) });
      wx.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] });
      return this.load();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },
    onRefresh() {
      return this.load();
    },
    /** The link opens these results for whoever taps it; the card follows within 3 s if it can. */
    onShareAppMessage() {
      const title = this.data.view ? `「${this.data.view.title}」表决结果` : '同梯 · 表决结果';
      const link = { title, path: decisionSharePath('decision-results', this.data.id) };
      return shareWithCard(this, link, () => this.requireShareCard());
    },
    onShareTimeline() {
      const title = this.data.view ? `「${this.data.view.title}」表决结果` : '同梯 · 表决结果';
      return { title, query: decisionShareQuery(this.data.id) };
    },
    onBind() {
      wx.navigateTo({ url: '/pages/bind/index' });
    },
    /** Never rejects. */
    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从议事列表打开' });
        return;
      }
      try {
        const results = await getResults(this.data.id);
        loaded.set(this, results);
        this.setData({ status: 'ready', view: toResultsView(results), shareCard: null });
      } catch (error) {
        const unbound = error instanceof ApiError && error.code === 'FORBIDDEN';
        this.setData({
          status: unbound ? 'empty' : 'error',
          needsBinding: unbound,
          statusMessage: unbound
            ? '这是本楼业主的表决结果。绑定您的房屋后即可查看。'
            : userMessageOf(error),
        });
      }
    },

    async prepareShareCard(): Promise<ShareCardContent | null> {
      const results = loaded.get(this);
      if (!results) return null;
      if (this.data.shareCard) return this.data.shareCard;
      const shareCard = decisionCard({
        building: await buildingName(),
        decision: results,
        results,
        now: new Date().toISOString(),
      });
      this.setData({ shareCard });
      return shareCard;
    },

    requireShareCard(): Promise<void> {
      return requireCard(() => this.prepareShareCard());
    },
    onMakeCard(): Promise<void> {
      return makeCardOnTap(this, () => this.prepareShareCard(), userMessageOf);
    },
  },
});
