import type { ArticleKindName } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { listArticles } from '../../services/articles';
import { userMessageOf } from '../../services/cloud';
import { type ArticleRow, KIND_FILTERS, toArticleRows } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/** 公告: everything the replacement group published, pinned first, with a filter per kind. */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    filters: KIND_FILTERS,
    kind: '' as ArticleKindName | '',
    rows: [] as ArticleRow[],
    canWrite: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const kind = KIND_FILTERS.find((f) => f.kind === query.kind)?.kind ?? '';
      this.setData({ kind });
      return this.load();
    },
    onShow() {
      // Back from an article or the editor: show new reads, edits and publications.
      if (this.data.status === 'ready') return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },
    onFilter(event: WechatMiniprogram.BaseEvent<Record<string, never>, { kind: string }>) {
      const kind =
        KIND_FILTERS.find((f) => f.kind === event.currentTarget.dataset.kind)?.kind ?? '';
      if (kind === this.data.kind) return undefined;
      this.setData({ kind, status: 'loading' });
      return this.load();
    },
    onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      if (id) wx.navigateTo({ url: `/pages/article/index?id=${encodeURIComponent(id)}` });
    },
    onWrite() {
      wx.navigateTo({ url: '/pages/article-edit/index' });
    },
    /** Never rejects: every failure ends in the error or empty state. */
    async load(): Promise<void> {
      if (this.data.status !== 'ready') this.setData({ status: 'loading', statusMessage: '' });
      try {
        const { articles, canWrite } = await listArticles(this.data.kind || undefined);
        const rows = toArticleRows(articles, Date.now());
        this.setData({
          rows,
          canWrite,
          status: rows.length ? 'ready' : 'empty',
          statusMessage: rows.length ? '' : '这一类还没有发布内容',
        });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
  },
});
