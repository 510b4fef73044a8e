import { largeTypeBehavior } from '../../behaviors/largeType';
import { tempUrlOf, userMessageOf } from '../../services/cloud';
import { getLedgerEntries, getLedgerSummary } from '../../services/ledgerReading';
import { appendEntries, type EntryRow, type LedgerHeadView, toLedgerHead } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

const PAGE_SIZE = 20;

/** Invoice photos shown on the page, by fileID: temp URLs expire, so they are asked per visit. */
type InvoiceUrls = Record<string, string>;

/**
 * The public ledger: how much is collected against the target, which rooms have paid, every
 * entry a page at a time, the expenses with their invoices, and the head hash anyone can compare
 * with the one printed on money notices.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    head: null as LedgerHeadView | null,
    open: '' as string,
    entries: [] as EntryRow[],
    total: 0,
    hasMore: false,
    loadingMore: false,
    moreError: '',
    invoiceUrls: {} as InvoiceUrls,
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
    onReachBottom() {
      return this.onMore();
    },
    onShareAppMessage() {
      return { title: '同梯 · 电梯更换公开账本', path: '/pages/ledger/index' };
    },

    /** Never rejects. */
    async load(): Promise<void> {
      if (!this.data.head) this.setData({ status: 'loading', statusMessage: '' });
      try {
        const [summary, page] = await Promise.all([
          getLedgerSummary(),
          getLedgerEntries(0, PAGE_SIZE),
        ]);
        const entries = appendEntries([], page.entries);
        this.setData({
          status: 'ready',
          head: toLedgerHead(summary),
          entries,
          total: page.total,
          hasMore: entries.length < page.total,
          moreError: '',
        });
        await this.loadInvoices();
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    async onMore(): Promise<void> {
      if (!this.data.hasMore || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const page = await getLedgerEntries(this.data.entries.length, PAGE_SIZE);
        const entries = appendEntries(this.data.entries, page.entries);
        this.setData({
          entries,
          total: page.total,
          hasMore: page.entries.length > 0 && entries.length < page.total,
          loadingMore: false,
        });
      } catch (error) {
        this.setData({ loadingMore: false, moreError: userMessageOf(error) });
      }
    },

    async loadInvoices(): Promise<void> {
      const ids = (this.data.head?.expenses ?? []).flatMap((e) => e.invoiceFileIds);
      const urls: InvoiceUrls = {};
      await Promise.all(
        ids.map(async (id) => {
          try {
            urls[id] = await tempUrlOf(id);
          } catch {
            // A missing photo leaves its thumbnail empty; the expense itself still shows.
          }
        }),
      );
      this.setData({ invoiceUrls: urls });
    },

    onToggleGroup(event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      const key = event.currentTarget.dataset.key;
      this.setData({ open: this.data.open === key ? '' : key });
    },

    onPreviewInvoice(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { file: string; expense: string }>,
    ) {
      const { file, expense } = event.currentTarget.dataset;
      const row = this.data.head?.expenses.find((e) => e.id === expense);
      const urls = (row?.invoiceFileIds ?? [])
        .map((id) => this.data.invoiceUrls[id])
        .filter((u): u is string => Boolean(u));
      const current = this.data.invoiceUrls[file];
      if (current) wx.previewImage({ current, urls });
    },

    onCopyHash() {
      const hash = this.data.head?.headHash;
      if (hash) wx.setClipboardData({ data: hash });
    },
  },
});
