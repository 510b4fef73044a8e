import type { StageName } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { listUpdates } from '../../services/progress';
import { type UpdateCard, updateCard } from '../progress/view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

const STAGES: readonly string[] = [
  'inspection',
  'planVote',
  'costSplit',
  'contract',
  'outage',
  'installation',
  'acceptance',
  'inService',
];

function stageOf(value: string | undefined): StageName | undefined {
  return value && STAGES.includes(value) ? (value as StageName) : undefined;
}

/** Every update, newest first, of one stage (`?stage=`) or all; twenty at a time. */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    stage: '',
    title: '全部进展',
    cards: [] as UpdateCard[],
    more: false,
    loadingMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ stage: stageOf(query.stage) ?? '' });
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
        const page = await listUpdates(stageOf(this.data.stage), 0);
        const cards = page.updates.map((u) => updateCard(u, page.today));
        const title =
          this.data.stage && cards[0] ? `${cards[0].stageLabel} · 全部进展` : '全部进展';
        this.setData(
          cards.length
            ? { status: 'ready', cards, more: page.more, title }
            : { status: 'empty', cards, more: false, statusMessage: '这个阶段还没有发布进展' },
        );
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
    async onMore(): Promise<void> {
      if (this.data.loadingMore || !this.data.more) return;
      this.setData({ loadingMore: true });
      try {
        const page = await listUpdates(stageOf(this.data.stage), this.data.cards.length);
        const cards = [...this.data.cards, ...page.updates.map((u) => updateCard(u, page.today))];
        this.setData({ cards, more: page.more, loadingMore: false });
      } catch (error) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const { id } = event.currentTarget.dataset;
      if (id) wx.navigateTo({ url: `/pages/progress-update/index?id=${encodeURIComponent(id)}` });
    },
  },
});
