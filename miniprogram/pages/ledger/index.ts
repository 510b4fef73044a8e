import type { LedgerOverviewView, MeView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, tempUrlOf, userMessageOf } from '../../services/cloud';
import { getMyHousehold } from '../../services/households';
import { printNotice } from '../../services/notices';
import {
  exportLedger,
  getExpenses,
  getLedgerEntries,
  getLedgerOverview,
  getUnitsByStatus,
} from '../../services/ledgerReading';
import { buildingName } from '../../services/share';
import { openCloudDocument } from '../../services/storage';
import { LEDGER_PATH, ledgerCard, ledgerShareTitle } from '../../utils/pageShares';
import type { ShareCardContent } from '../../utils/shareCard';
import { makeCardOnTap, requireCard, shareWithCard } from '../../utils/shareMessage';
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
/** Who posts the money summary in the lobby (notices.moneySummary). */
const PRINTERS = new Set(['staff', 'treasurer', 'organizer', 'admin']);

type GroupTap = WechatMiniprogram.BaseEvent<Record<string, never>, { key: GroupKey }>;

// The overview as the server sent it, for the share card (the page's data holds the view only).
const overviews = new WeakMap<object, LedgerOverviewView>();

/** The card still goes out when the building's name cannot be read. */
function buildingOrDefault(): Promise<string> {
  return buildingName().catch(() => '我们楼');
}

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
    canPrint: false,
    exporting: false,
    exportError: '',
    /** Signed in but not bound: the ledger is for the building's members, so it says how to bind. */
    needsBinding: false,
    shareCard: null as ShareCardContent | null,
    makingCard: false,
  },
  methods: {
    onLoad() {
      // Members only: no 朋友圈, whose readers open it signed out.
      wx.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] });
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
    /** The link opens the ledger for a member, and the bind prompt for anyone else. */
    onShareAppMessage() {
      const link = { title: ledgerShareTitle(overviews.get(this) ?? null), path: LEDGER_PATH };
      return shareWithCard(this, link, () => this.requireShareCard());
    },

    /** Collected against the target and the head hash (one request for the building's name). */
    async prepareShareCard(): Promise<ShareCardContent | null> {
      const overview = overviews.get(this);
      if (!overview) return null;
      if (this.data.shareCard) return this.data.shareCard;
      const shareCard = ledgerCard({
        building: await buildingOrDefault(),
        overview,
        now: new Date().toISOString(),
      });
      this.setData({ shareCard });
      return shareCard;
    },
    requireShareCard(): Promise<void> {
      return requireCard(() => this.prepareShareCard());
    },
    onMakeCard(): Promise<void> {
      return makeCardOnTap(this, () => this.prepareShareCard(), userMessageOf);
    },
    onBind() {
      wx.navigateTo({ url: '/pages/bind/index' });
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
        overviews.set(this, overview);
        this.setData({
          status: 'ready',
          needsBinding: false,
          shareCard: null,
          head: toLedgerHead(overview),
          open: '',
          groupUnits: {},
          groupNext: {},
          entries: appendEntries([], page.entries),
          nextBeforeSeq: page.nextBeforeSeq,
          moreError: '',
          expenses: expenseRows(expenses),
          canExport: (me?.roles ?? []).some((r) => EXPORTERS.has(r)),
          canPrint: (me?.roles ?? []).some((r) => PRINTERS.has(r)),
        });
        await this.loadInvoices();
      } catch (error) {
        const unbound = error instanceof ApiError && error.code === 'FORBIDDEN';
        this.setData({
          status: unbound ? 'empty' : 'error',
          needsBinding: unbound,
          statusMessage: unbound
            ? '公开账本给本楼业主查看。绑定您的房屋后，就能看到每一笔收支和各户缴款情况。'
            : userMessageOf(error),
        });
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

    /** 打印版: the money summary with the head hash, as an A4 PDF for the lobby board. */
    onPrint() {
      printNotice('moneySummary', {}).catch((error: unknown) =>
        wx.showToast({ title: userMessageOf(error), icon: 'none' }),
      );
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
