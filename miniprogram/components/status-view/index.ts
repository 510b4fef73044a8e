import { callHelpLine, helpLead, knownHelpLine } from '../../utils/helpLine';

/**
 * What a page shows instead of its content: loading, an error with a retry button and the help
 * line (the residents' committee's phone, with a button that dials it), or nothing yet.
 * Emits `retry` when the retry button is tapped.
 */
Component({
  properties: {
    status: { type: String, value: 'loading' },
    message: { type: String, value: '' },
    /** Replaces "暂无内容" when the page knows better (e.g. "绑定房屋后查看"). */
    title: { type: String, value: '' },
  },
  data: {
    helpText: '',
    helpPhone: '',
  },
  lifetimes: {
    attached() {
      this.showHelpLine(this.data.status);
    },
  },
  observers: {
    status(status: string) {
      this.showHelpLine(status);
    },
  },
  methods: {
    showHelpLine(status: string) {
      const line = status === 'error' ? knownHelpLine() : null;
      this.setData({ helpText: line ? helpLead(line) : '', helpPhone: line?.phone ?? '' });
    },
    onRetry() {
      this.triggerEvent('retry', {});
    },
    onCall() {
      const line = knownHelpLine();
      if (line) callHelpLine(line);
    },
  },
});
