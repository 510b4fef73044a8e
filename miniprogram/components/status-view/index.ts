/**
 * What a page shows instead of its content: loading, an error with a retry button, or nothing yet.
 * Emits `retry` when the button is tapped.
 */
Component({
  properties: {
    status: { type: String, value: 'loading' },
    message: { type: String, value: '' },
    /** Replaces "暂无内容" when the page knows better (e.g. "绑定房屋后查看"). */
    title: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry', {});
    },
  },
});
