import type { AreaCard, NoticeView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import type { AreaCardOpenDetail } from '../../components/area-card/index';
import { ApiError, userMessageOf } from '../../services/cloud';
import { getOpenVotes } from '../../services/decisions';
import { getBuildingSummary } from '../../services/households';
import { setLargeType } from '../../utils/largeType';
import { openPath } from '../../utils/navigation';
import { showVoteBadge } from '../../utils/voteBadge';
import type { BuildingFact, OpenVoteRow } from './view';
import { toHomeView } from './view';

type HomeStatus = 'loading' | 'ready' | 'error' | 'empty';

/**
 * Home (首页): the building at a glance, every vote taking ballots (soonest deadline first, "尚未投票"
 * on mine), its latest notice and a card per area of the product.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as HomeStatus,
    statusMessage: '',
    name: '',
    address: '',
    facts: [] as BuildingFact[],
    ownership: [] as string[],
    notice: null as NoticeView | null,
    votes: [] as OpenVoteRow[],
    areas: [] as AreaCard[],
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

    onLargeTypeChange(event: WechatMiniprogram.SwitchChange) {
      // The behavior's listener updates data.largeType on this and every other open page.
      setLargeType(event.detail.value);
    },

    onOpenArticles() {
      openPath('/pages/articles/index');
    },

    onOpenVote(event: WechatMiniprogram.TouchEvent<Record<string, never>, { path: string }>) {
      openPath(event.currentTarget.dataset.path);
    },

    onOpenArea(event: WechatMiniprogram.CustomEvent<AreaCardOpenDetail>) {
      if (event.detail.path) openPath(event.detail.path);
    },

    /** Never rejects: every failure ends in the error or empty state. */
    async load(): Promise<void> {
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        // Votes are the caller's own: a visitor not yet in the building simply has none.
        const [summary, open] = await Promise.all([
          getBuildingSummary(),
          getOpenVotes().catch(() => null),
        ]);
        this.setData({ status: 'ready', ...toHomeView(summary, open?.votes ?? []) });
        if (open) showVoteBadge(open.pending);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NOT_FOUND') {
          this.setData({ status: 'empty', statusMessage: '楼栋信息还没有录入，请联系换梯小组。' });
        } else {
          console.error('home: load failed', error);
          this.setData({ status: 'error', statusMessage: userMessageOf(error) });
        }
      }
    },
  },
});
