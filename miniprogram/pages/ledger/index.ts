import type { MeView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { tempUrlOf, userMessageOf } from '../../services/cloud';
import { getMyHousehold } from '../../services/households';
import {
  exportLedger,
  getExpenses,
  getLedgerEntries,
  getLedgerOverview,
  getUnitsByStatus,
} from '../../services/ledgerReading';
import { openCloudDocument } from '../../services/storage';
import {
  appendEntries,
  type EntryRow,
  expenseRows,
  type ExpenseRow,
  type GroupKey,
  type LedgerHeadView,
  toLedgerHead,
  unitLine,
} from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

const ENTRY_PAGE = 20;
const UNIT_PAGE = 100;
const EXPORTERS = new Set(['treasurer', 'organizer', 'admin']);

type GroupTap = WechatMiniprogram.BaseEvent<Record<string, never>, { key: GroupKey }>;

/**
 * The public ledger: how much is collected against the target, which rooms have paid (names
 * masked), every entry a page at a time, the expenses with their invoices, and the head hash
 * anyone can compare with the one printed on money notices.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    head: null as LedgerHeadView | null,
    open: '' as GroupKey | '',
    groupUnits: {} as Partial<Record<GroupKey, string[]>>,
    groupNext: {} as Partial<Record<GroupKey, string | null>>,
    groupError: '',
    entries: [] as EntryRow[],
    nextBeforeSeq: null as number | null,
    loadingMore: false,
    moreError: '',
    expenses: [] as ExpenseRow[],
    invoiceUrls: {} as Record<string, string>,
    canExport: false,
    exporting: false,
    exportError: '',
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
        const [overview, page, expenses, me] = await Promise.all([
          getLedgerOverview(),
          getLedgerEntries(null, ENTRY_PAGE),
          getExpenses(),
          getMyHousehold().catch((): MeView | null => null),
        ]);
        this.setData({
          status: 'ready',
          head: toLedgerHead(overview),
          open: '',
          groupUnits: {},
          groupNext: {},
          entries: appendEntries([], page.entries),
          nextBeforeSeq: page.nextBeforeSeq,
          moreError: '',
          expenses: expenseRows(expenses),
          canExport: (me?.roles ?? []).some((r) => EXPORTERS.has(r)),
        });
        await this.loadInvoices();
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    async onMore(): Promise<void> {
      const before = this.data.nextBeforeSeq;
      if (before === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const page = await getLedgerEntries(before, ENTRY_PAGE);
        this.setData({
          entries: appendEntries(this.data.entries, page.entries),
          nextBeforeSeq: page.nextBeforeSeq,
          loadingMore: false,
        });
      } catch (error) {
        this.setData({ loadingMore: false, moreError: userMessageOf(error) });
      }
    },

    async loadInvoices(): Promise<void> {
      const urls: Record<string, string> = {};
      await Promise.all(
        this.data.expenses.map(async (e) => {
          try {
            urls[e.invoiceFileId] = await tempUrlOf(e.invoiceFileId);
          } catch {
            // A missing photo leaves its thumbnail empty; the expense itself still shows.
          }
        }),
      );
      this.setData({ invoiceUrls: urls });
    },

    /** Rooms of one standing, fetched the first time the group is opened. */
    async onToggleGroup(event: GroupTap): Promise<void> {
      const key = event.currentTarget.dataset.key;
      if (this.data.open === key) {
        this.setData({ open: '' });
        return;
      }
      this.setData({ open: key, groupError: '' });
      if (!this.data.groupUnits[key]) await this.loadGroup(key);
    },

    async onMoreUnits(event: GroupTap): Promise<void> {
      await this.loadGroup(event.currentTarget.dataset.key);
    },

    async loadGroup(key: GroupKey): Promise<void> {
      const shown = this.data.groupUnits[key] ?? [];
      const after = this.data.groupNext[key] ?? null;
      if (shown.length > 0 && after === null) return;
      try {
        const page = await getUnitsByStatus(key, after, UNIT_PAGE);
        this.setData({
          [`groupUnits.${key}`]: [...shown, ...page.units.map(unitLine)],
          [`groupNext.${key}`]: page.nextAfter,
        });
      } catch (error) {
        this.setData({ groupError: userMessageOf(error) });
      }
    },

    onPreviewInvoice(event: WechatMiniprogram.BaseEvent<Record<string, never>, { file: string }>) {
      const urls = this.data.expenses
        .map((e) => this.data.invoiceUrls[e.invoiceFileId])
        .filter((u): u is string => Boolean(u));
      const current = this.data.invoiceUrls[event.currentTarget.dataset.file];
      if (current) wx.previewImage({ current, urls });
    },

    onCopyHash() {
      const hash = this.data.head?.headHash;
      if (hash) wx.setClipboardData({ data: hash });
    },

    async onExport(): Promise<void> {
      if (this.data.exporting) return;
      this.setData({ exporting: true, exportError: '' });
      try {
        const file = await exportLedger();
        await openCloudDocument(file.fileId);
        this.setData({ exporting: false });
      } catch (error) {
        this.setData({ exporting: false, exportError: userMessageOf(error) });
      }
    },
  },
});
