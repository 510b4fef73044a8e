import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { getUpdate } from '../../services/progress';
import { type UpdatePage, toUpdatePage } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/** One progress update: the whole text and every photo, opened full screen with a tap. */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    update: null as UpdatePage | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '' });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    onShareAppMessage() {
      const update = this.data.update;
      return {
        title: update ? `换梯进展：${update.stageLabel}` : '同梯 · 换梯进展',
        path: `/pages/progress-update/index?id=${encodeURIComponent(this.data.id)}`,
      };
    },
    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从进度页打开' });
        return;
      }
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        this.setData({ status: 'ready', update: toUpdatePage(await getUpdate(this.data.id)) });
      } catch (error) {
        const missing = error instanceof ApiError && error.code === 'NOT_FOUND';
        this.setData({
          status: missing ? 'empty' : 'error',
          statusMessage: missing ? '没有找到这条进展' : userMessageOf(error),
        });
      }
    },
    onPreview(event: WechatMiniprogram.BaseEvent<Record<string, never>, { url: string }>) {
      const urls = this.data.update?.photos.map((p) => p.url) ?? [];
      const current = event.currentTarget.dataset.url;
      if (urls.length) void wx.previewImage({ urls, current });
    },
  },
});
