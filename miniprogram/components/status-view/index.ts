/**
 * What a page shows instead of its content: loading, an error with a retry button, or nothing yet.
 * Emits `retry` when the button is tapped.
 */
Component({
  properties: {
    status: { type: String, value: 'loading' },
    message: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry', {});
    },
  },
});
