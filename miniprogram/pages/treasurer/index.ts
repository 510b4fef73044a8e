import type {
  CashReceiptView,
  DepositView,
  ExpenseView,
  PayAnomalyView,
  TreasurerQueueView,
} from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { listAnomalies, reconcileOrders, resolveAnomaly } from '../../services/fundsOrganize';
import { getMyHousehold } from '../../services/households';
import {
  confirmDeposit,
  payExpense,
  photoUrl,
  settleCash,
  treasurerQueue,
} from '../../services/ledger';
import {
  OWN_RECORD_NOTE,
  anomalyRow,
  confirmDepositText,
  payExpenseText,
  postCashText,
  queueCashRow,
  queueCounts,
  queueDepositRow,
  queueExpenseRow,
  reconcileLine,
  rejectDepositText,
  rejectExpenseText,
  voidCashText,
  type AnomalyRow,
  type QueueCashRow,
  type QueueDepositRow,
  type QueueExpenseRow,
} from './view';

type Status = 'loading' | 'ready' | 'error';

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<
  Record<string, never>,
  D
>;

// The views behind the rows: the modals quote them in full.
const queueOf = new WeakMap<object, TreasurerQueueView>();

/** Asks for a reason; null when cancelled. An empty reason is returned as '' for the page to refuse. */
async function askReason(title: string, placeholderText: string): Promise<string | null> {
  const answer = await wx.showModal({
    title,
    editable: true,
    placeholderText,
    confirmText: '下一步',
  });
  return answer.confirm ? (answer.content ?? '').trim() : null;
}

async function confirmFinal(title: string, content: string, confirmText: string): Promise<boolean> {
  const answer = await wx.showModal({ title, content, confirmText, confirmColor: '#fa5151' });
  return answer.confirm;
}

/**
 * Treasurer queue (出纳待办): cash and bank deposits awaiting confirmation, with their photos;
 * post or void each (irreversible, said before it happens, never one's own record), pay the
 * contractor's milestones the organizers proposed, and look after WeChat Pay anomalies.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    me: '',
    isTreasurer: false,
    counts: '',
    cash: [] as QueueCashRow[],
    deposits: [] as QueueDepositRow[],
    expenses: [] as QueueExpenseRow[],
    anomalies: [] as AnomalyRow[],
    anomaliesMessage: '',
    reconciling: false,
    reconciled: '',
    busy: '',
    message: '',
    ownNote: OWN_RECORD_NOTE,
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

    async load(): Promise<void> {
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const [me, queue] = await Promise.all([getMyHousehold(), treasurerQueue()]);
        this.setData({
          status: 'ready',
          me: me.openid,
          isTreasurer: me.roles.includes('treasurer'),
        });
        this.showQueue(queue);
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
        return;
      }
      await this.loadAnomalies();
    },

    showQueue(queue: TreasurerQueueView): void {
      queueOf.set(this, queue);
      const me = this.data.me;
      this.setData({
        cash: queue.pendingCash.map((r) =>
          queueCashRow(r, me, new Map(queue.depositsAwaiting.map((d) => [d.id, d.slipNo]))),
        ),
        deposits: queue.depositsAwaiting.map((d) => queueDepositRow(d, me)),
        expenses: queue.expensesAwaiting.map(queueExpenseRow),
        counts: queueCounts(
          queue.pendingCash.length,
          queue.overdueCount,
          queue.depositsAwaiting.length,
          queue.expensesAwaiting.length,
          this.data.anomalies.filter((a) => !a.resolved).length,
        ).line,
      });
    },

    async loadAnomalies(): Promise<void> {
      try {
        const anomalies: PayAnomalyView[] = await listAnomalies(false);
        this.setData({ anomalies: anomalies.map(anomalyRow), anomaliesMessage: '' });
        const queue = queueOf.get(this);
        if (queue) this.showQueue(queue);
      } catch (error) {
        // The cash queue stays usable when the pay side cannot answer.
        this.setData({ anomaliesMessage: `支付异常暂时无法读取：${userMessageOf(error)}` });
      }
    },

    async refresh(done: string): Promise<void> {
      this.setData({ message: done });
      this.showQueue(await treasurerQueue());
    },

    /** Runs one irreversible step; the server's refusal (one's own record, already settled) is shown as said. */
    async act(key: string, step: () => Promise<string>): Promise<void> {
      if (this.data.busy) return;
      this.setData({ busy: key, message: '' });
      try {
        await this.refresh(await step());
      } catch (error) {
        this.setData({ message: userMessageOf(error) });
      } finally {
        this.setData({ busy: '' });
      }
    },

    receipt(id: string): CashReceiptView | undefined {
      return queueOf.get(this)?.pendingCash.find((r) => r.id === id);
    },
    deposit(id: string): DepositView | undefined {
      return queueOf.get(this)?.depositsAwaiting.find((d) => d.id === id);
    },
    expense(id: string): ExpenseView | undefined {
      return queueOf.get(this)?.expensesAwaiting.find((e) => e.id === id);
    },

    refuseOwn(recordedBy: string): boolean {
      if (recordedBy !== this.data.me) return false;
      this.setData({ message: OWN_RECORD_NOTE });
      return true;
    },

    // ---- cash ----

    async onPostCash(event: Tap<{ id: string }>): Promise<void> {
      const r = this.receipt(event.currentTarget.dataset.id);
      if (!r || this.refuseOwn(r.recordedBy)) return;
      if (!(await confirmFinal('确认入账', postCashText(r), '确认入账'))) return;
      await this.act(r.id, async () => {
        const settled = await settleCash({ receiptId: r.id, decision: 'post' });
        return `已入账：${settled.unitNo} ${settled.amountText}（收据 ${settled.receiptNo}）`;
      });
    },

    async onVoidCash(event: Tap<{ id: string }>): Promise<void> {
      const r = this.receipt(event.currentTarget.dataset.id);
      if (!r || this.refuseOwn(r.recordedBy)) return;
      const reason = await askReason(`作废收据 ${r.receiptNo}`, '作废原因（必填，公开可见）');
      if (reason === null) return;
      if (!reason) {
        this.setData({ message: '作废须写明原因' });
        return;
      }
      if (!(await confirmFinal('作废现金收据', voidCashText(r, reason), '确认作废'))) return;
      await this.act(r.id, async () => {
        const settled = await settleCash({ receiptId: r.id, decision: 'void', reason });
        return `已作废：${settled.unitNo} 收据 ${settled.receiptNo}`;
      });
    },

    // ---- deposits ----

    async onConfirmDeposit(event: Tap<{ id: string }>): Promise<void> {
      const d = this.deposit(event.currentTarget.dataset.id);
      if (!d || this.refuseOwn(d.recordedBy)) return;
      if (!(await confirmFinal('确认银行存款', confirmDepositText(d), '确认'))) return;
      await this.act(d.id, async () => {
        const done = await confirmDeposit({ depositId: d.id, decision: 'confirm' });
        return `已确认存款单 ${done.slipNo}：${done.amountText}`;
      });
    },

    async onRejectDeposit(event: Tap<{ id: string }>): Promise<void> {
      const d = this.deposit(event.currentTarget.dataset.id);
      if (!d || this.refuseOwn(d.recordedBy)) return;
      const reason = await askReason(`退回存款单 ${d.slipNo}`, '退回原因（必填）');
      if (reason === null) return;
      if (!reason) {
        this.setData({ message: '退回须写明原因' });
        return;
      }
      if (!(await confirmFinal('退回存款单', rejectDepositText(d, reason), '确认退回'))) return;
      await this.act(d.id, async () => {
        const done = await confirmDeposit({ depositId: d.id, decision: 'reject', reason });
        return `已退回存款单 ${done.slipNo}`;
      });
    },

    // ---- expenses ----

    async onPayExpense(event: Tap<{ id: string }>): Promise<void> {
      const e = this.expense(event.currentTarget.dataset.id);
      if (!e) return;
      if (!(await confirmFinal('支付工程款', payExpenseText(e), '确认付款'))) return;
      await this.act(e.id, async () => {
        const paid = await payExpense({ expenseId: e.id, decision: 'pay' });
        return `已记支出：${paid.payee} ${paid.amountText}（${paid.milestoneLabel}）`;
      });
    },

    async onRejectExpense(event: Tap<{ id: string }>): Promise<void> {
      const e = this.expense(event.currentTarget.dataset.id);
      if (!e) return;
      const reason = await askReason('驳回工程付款', '驳回原因（必填）');
      if (reason === null) return;
      if (!reason) {
        this.setData({ message: '驳回须写明原因' });
        return;
      }
      if (!(await confirmFinal('驳回工程付款', rejectExpenseText(e, reason), '确认驳回'))) return;
      await this.act(e.id, async () => {
        const done = await payExpense({ expenseId: e.id, decision: 'reject', reason });
        return `已驳回：${done.payee} ${done.milestoneLabel}`;
      });
    },

    // ---- photos ----

    async onViewPhoto(
      event: Tap<{ kind: 'cash' | 'deposit' | 'expense'; id: string }>,
    ): Promise<void> {
      const { kind, id } = event.currentTarget.dataset;
      const fileId =
        kind === 'cash'
          ? this.receipt(id)?.photoFileId
          : kind === 'deposit'
            ? this.deposit(id)?.slipFileId
            : this.expense(id)?.invoiceFileId;
      if (!fileId) return;
      try {
        const url = await photoUrl(fileId);
        await wx.previewImage({ urls: [url], current: url });
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },

    // ---- WeChat Pay ----

    async onReconcile(): Promise<void> {
      if (this.data.reconciling) return;
      this.setData({ reconciling: true, reconciled: '' });
      try {
        this.setData({ reconciled: reconcileLine(await reconcileOrders()) });
        await this.loadAnomalies();
        this.showQueue(await treasurerQueue());
      } catch (error) {
        this.setData({ reconciled: userMessageOf(error) });
      } finally {
        this.setData({ reconciling: false });
      }
    },

    async onResolveAnomaly(event: Tap<{ id: string }>): Promise<void> {
      const id = event.currentTarget.dataset.id;
      const resolution = await askReason('处理支付异常', '如何处理的（如：已退款、已与业主核对）');
      if (resolution === null) return;
      if (!resolution) {
        this.setData({ message: '请写明如何处理的' });
        return;
      }
      try {
        await resolveAnomaly(id, resolution);
        this.setData({ message: '已记录处理结果' });
        await this.loadAnomalies();
      } catch (error) {
        this.setData({ message: userMessageOf(error) });
      }
    },
  },
});
