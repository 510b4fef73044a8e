import type {
  BallotPrivacyName,
  PublishedLineView,
  PublishedReceiptView,
} from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getPublished } from '../../services/decisions';
import { type PublishedRow, filterLines, filterReceipts, publishedRows } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/**
 * The published list (逐户表决清单), no names. When the decision posts each flat's choice: each
 * unit that took part, its area, its choice, how it voted and the ballot's receipt. When it posts
 * receipts: the units that took part (no choice), and apart the receipts with their choices. A
 * resident types the start of their receipt (or their room) to find their line.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    title: '',
    privacy: 'open' as BallotPrivacyName,
    privacyStatement: '',
    lines: [] as PublishedLineView[],
    receipts: [] as PublishedReceiptView[],
    shown: [] as PublishedRow[],
    shownReceipts: [] as PublishedReceiptView[],
    totalBallots: 0,
    nextOffset: null as number | null,
    query: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '' });
      return this.load(0);
    },
    onRetry() {
      return this.load(0);
    },
    onMore() {
      return this.data.nextOffset === null ? undefined : this.load(this.data.nextOffset);
    },
    onSearch(event: WechatMiniprogram.Input) {
      const query = event.detail.value;
      this.setData({
        query,
        shown: publishedRows(filterLines(this.data.lines, query)),
        shownReceipts: filterReceipts(this.data.receipts, query),
      });
    },
    /** Never rejects. */
    async load(offset: number): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从议事列表打开' });
        return;
      }
      try {
        const page = await getPublished(this.data.id, offset);
        const lines = offset === 0 ? page.lines : [...this.data.lines, ...page.lines];
        const receipts = offset === 0 ? page.receipts : [...this.data.receipts, ...page.receipts];
        this.setData({
          status: lines.length ? 'ready' : 'empty',
          statusMessage: lines.length ? '' : '还没有表决票',
          title: page.title,
          privacy: page.privacy,
          privacyStatement: page.privacyStatement,
          lines,
          receipts,
          shown: publishedRows(filterLines(lines, this.data.query)),
          shownReceipts: filterReceipts(receipts, this.data.query),
          totalBallots: page.totalBallots,
          nextOffset: page.nextOffset,
        });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
  },
});
