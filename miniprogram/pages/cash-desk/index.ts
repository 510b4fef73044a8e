import type { CashReceiptView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getLastMile } from '../../services/households';
import { myCash, photoUrl, recordCash, recordDeposit } from '../../services/ledger';
import { uploadToCloud } from '../../services/storage';
import { unitIn } from '../../utils/roomLookup';
import {
  cashRequest,
  cashRow,
  cashSummary,
  depositMatch,
  depositRequest,
  emptyCashForm,
  emptyDepositForm,
  type CashRow,
  type DepositMatch,
} from './view';
import { formatDate } from '../../utils/format';

type Status = 'loading' | 'ready' | 'error';
type TabName = 'cash' | 'deposit';

interface UnitEntry {
  unitId: string;
  owners: string;
}

// Beside the page rather than in data: only the page's logic reads them.
const unitsOf = new WeakMap<object, Map<string, UnitEntry>>();
const receiptsOf = new WeakMap<object, CashReceiptView[]>();

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<
  Record<string, never>,
  D
>;

/**
 * Staff cash desk (现金收款登记): record cash taken at the door with a photo of the signed paper
 * receipt, see the cash still in hand (red after 3 days), and record the bank deposit that
 * covers chosen receipts — the sums must match before it can be sent.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    cashDay: '',
    depositDay: '',
    status: 'loading' as Status,
    statusMessage: '',
    tab: 'cash' as TabName,
    summary: '',
    overdue: 0,
    rows: [] as CashRow[],
    inHand: 0,
    cash: emptyCashForm(0),
    ownerLine: '',
    cashMessage: '',
    recording: false,
    done: '',
    selected: [] as string[],
    deposit: emptyDepositForm(0),
    match: null as DepositMatch | null,
    depositMessage: '',
    depositing: false,
    uploading: false,
  },
  observers: {
    // Pickers keep YYYY-MM-DD; people read the day the one way dates are written.
    'cash.date, deposit.date'(cash: string, deposit: string) {
      this.setData({ cashDay: formatDate(cash), depositDay: formatDate(deposit) });
    },
  },
  methods: {
    /** `?unit=12-03` (from the building map) fills the room number in. */
    async onLoad(query: Record<string, string | undefined> = {}) {
      const unitNo = query.unit ? decodeURIComponent(query.unit).trim() : '';
      this.setData({
        cash: { ...emptyCashForm(Date.now()), unitNo },
        deposit: emptyDepositForm(Date.now()),
      });
      await this.load();
      const unit = unitNo ? unitsOf.get(this)?.get(unitNo) : undefined;
      if (unit) this.setData({ ownerLine: `业主：${unit.owners || '（未售）'}` });
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const [receipts, lastMile] = await Promise.all([myCash(), getLastMile('all')]);
        unitsOf.set(
          this,
          new Map(
            lastMile.rows.map((r) => [
              r.unitNo,
              { unitId: r.unitId, owners: r.owners.map((o) => o.name).join('、') },
            ]),
          ),
        );
        this.setData({ status: 'ready' });
        this.showReceipts(receipts);
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    showReceipts(receipts: CashReceiptView[]): void {
      receiptsOf.set(this, receipts);
      const selected = this.data.selected.filter((id) =>
        receipts.some((r) => r.id === id && r.settlement === 'pending' && r.depositId === null),
      );
      const summary = cashSummary(receipts);
      this.setData({
        summary: summary.line,
        overdue: summary.overdue,
        selected,
        rows: receipts.map((r) => cashRow(r, selected)),
        inHand: receipts.filter((r) => r.settlement === 'pending' && r.depositId === null).length,
        match: selected.length
          ? depositMatch(receipts, selected, this.data.deposit.amountYuan)
          : null,
      });
    },

    onTab(event: Tap<{ tab: TabName }>) {
      this.setData({ tab: event.currentTarget.dataset.tab, done: '' });
    },

    // ---- recording cash ----

    onCashField(event: WechatMiniprogram.Input) {
      const field = (event.currentTarget.dataset as { field: string }).field;
      this.setData({ [`cash.${field}`]: event.detail.value, cashMessage: '', done: '' });
      if (field === 'unitNo') {
        const unit = this.unitFor(event.detail.value);
        this.setData({ ownerLine: unit ? `业主：${unit.owners || '（未售）'}` : '' });
      }
    },

    /** The flat typed, however it is written (12-3, 1203, 12楼3室). */
    unitFor(text: string): UnitEntry | null {
      const found = unitIn(text, unitsOf.get(this) ?? new Map<string, UnitEntry>());
      return found.ok ? found.value : null;
    },

    async takePhoto(cloudPath: (stamp: number) => string): Promise<string | null> {
      let tempFilePath: string | undefined;
      try {
        const picked = await wx.chooseMedia({
          count: 1,
          mediaType: ['image'],
          sourceType: ['camera', 'album'],
        });
        tempFilePath = picked.tempFiles[0]?.tempFilePath;
      } catch {
        return null; // cancelled
      }
      if (!tempFilePath) return null;
      this.setData({ uploading: true });
      try {
        return await uploadToCloud(cloudPath(Date.now()), tempFilePath);
      } finally {
        this.setData({ uploading: false });
      }
    },

    async onReceiptPhoto(): Promise<void> {
      const unit = this.unitFor(this.data.cash.unitNo);
      const folder = unit ? unit.unitId : 'unknown';
      try {
        const fileId = await this.takePhoto((stamp) => `ledger/cash/${folder}/${stamp}.jpg`);
        if (fileId) this.setData({ 'cash.photoFileId': fileId, cashMessage: '' });
      } catch (error) {
        this.setData({ cashMessage: `照片上传失败，请重试（${userMessageOf(error)}）` });
      }
    },

    onCashDate(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'cash.date': String(event.detail.value) });
    },
    onCashTime(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'cash.time': String(event.detail.value) });
    },

    async onRecordCash(): Promise<void> {
      if (this.data.recording) return;
      const check = cashRequest(
        this.data.cash,
        new Map(
          [...(unitsOf.get(this) ?? new Map<string, UnitEntry>())].map(([no, u]) => [no, u.unitId]),
        ),
        Date.now(),
      );
      if (!check.ok) {
        this.setData({ cashMessage: check.message });
        return;
      }
      this.setData({ recording: true, cashMessage: '' });
      try {
        await recordCash(check.request);
        this.setData({
          done: `已登记：${check.summary}。该户显示“现金已收，待入账”，出纳确认后入账。`,
          cash: emptyCashForm(Date.now()),
          ownerLine: '',
        });
        this.showReceipts(await myCash());
      } catch (error) {
        this.setData({ cashMessage: userMessageOf(error) });
      } finally {
        this.setData({ recording: false });
      }
    },

    // ---- bank deposit ----

    onToggleReceipt(event: Tap<{ id: string; selectable: boolean }>) {
      const { id, selectable } = event.currentTarget.dataset;
      if (!selectable || this.data.tab !== 'deposit') return;
      const selected = this.data.selected.includes(id)
        ? this.data.selected.filter((s) => s !== id)
        : [...this.data.selected, id];
      this.setData({ selected, depositMessage: '' });
      this.showReceipts(receiptsOf.get(this) ?? []);
    },

    onDepositField(event: WechatMiniprogram.Input) {
      const field = (event.currentTarget.dataset as { field: string }).field;
      this.setData({ [`deposit.${field}`]: event.detail.value, depositMessage: '' });
      if (field === 'amountYuan') {
        this.setData({
          match: depositMatch(receiptsOf.get(this) ?? [], this.data.selected, event.detail.value),
        });
      }
    },
    onDepositDate(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'deposit.date': String(event.detail.value) });
    },
    onDepositTime(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'deposit.time': String(event.detail.value) });
    },

    async onSlipPhoto(): Promise<void> {
      try {
        const fileId = await this.takePhoto((stamp) => `ledger/deposits/${stamp}.jpg`);
        if (fileId) this.setData({ 'deposit.slipFileId': fileId, depositMessage: '' });
      } catch (error) {
        this.setData({ depositMessage: `照片上传失败，请重试（${userMessageOf(error)}）` });
      }
    },

    async onRecordDeposit(): Promise<void> {
      if (this.data.depositing) return;
      const check = depositRequest(
        this.data.deposit,
        receiptsOf.get(this) ?? [],
        this.data.selected,
      );
      if (!check.ok) {
        this.setData({ depositMessage: check.message });
        return;
      }
      this.setData({ depositing: true, depositMessage: '' });
      try {
        await recordDeposit(check.request);
        this.setData({
          done: `已登记存款：${check.summary}。请等待出纳确认。`,
          selected: [],
          deposit: emptyDepositForm(Date.now()),
          match: null,
        });
        this.showReceipts(await myCash());
      } catch (error) {
        this.setData({ depositMessage: userMessageOf(error) });
      } finally {
        this.setData({ depositing: false });
      }
    },

    async onViewPhoto(event: Tap<{ id: string }>): Promise<void> {
      const receipt = (receiptsOf.get(this) ?? []).find(
        (r) => r.id === event.currentTarget.dataset.id,
      );
      if (!receipt) return;
      try {
        const url = await photoUrl(receipt.photoFileId);
        await wx.previewImage({ urls: [url], current: url });
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },
  },
});
