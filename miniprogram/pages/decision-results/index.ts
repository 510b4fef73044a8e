import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getResults } from '../../services/decisions';
import { type ResultsPageView, toResultsView } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/** Results: the live gauge on both axes against the law's lines, and the count per choice. */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    view: null as ResultsPageView | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '' });
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
    /** Never rejects. */
    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从议事列表打开' });
        return;
      }
      try {
        this.setData({ status: 'ready', view: toResultsView(await getResults(this.data.id)) });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
  },
});
