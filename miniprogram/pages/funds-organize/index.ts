import type { DecisionDetailView, SchemeView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getDecision, listDecisions } from '../../services/decisions';
import {
  compareSchemes,
  createScheme,
  issueAllCharges,
  listSchemes,
} from '../../services/fundsOrganize';
import { getLastMile } from '../../services/households';
import { listExpenses, proposeExpense, redLine } from '../../services/ledger';
import { uploadToCloud } from '../../services/storage';
import {
  MAX_COMPARED,
  METHODS,
  MILESTONES,
  comparisonScreen,
  emptyExpenseForm,
  emptyForm,
  expenseRequest,
  expenseRow,
  proposeConfirmText,
  redLineScreen,
  issueConfirmText,
  issuedLine,
  planOptions,
  risingCoefficients,
  schemeListRow,
  schemeRequest,
  toggleSelection,
  type ComparisonScreen,
  type ExpenseRow,
  type PlanOption,
  type RedLineScreen,
  type SchemeForm,
  type SchemeListRow,
} from './view';
import { formatDate } from '../../utils/format';

type Status = 'loading' | 'ready' | 'error';
type TabName = 'schemes' | 'charges' | 'expenses' | 'redline';

const TABS: Array<{ key: TabName; label: string }> = [
  { key: 'schemes', label: '分摊方案' },
  { key: 'charges', label: '出具应缴' },
  { key: 'expenses', label: '工程付款' },
  { key: 'redline', label: '基金红线' },
];

const PAGE_SIZE = 50;

// Kept beside the page, not in data: 10,000 room numbers would only weigh down every setData.
const unitIds = new WeakMap<object, Map<string, string>>();
const schemesOf = new WeakMap<object, SchemeView[]>();

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<
  Record<string, never>,
  D
>;

/**
 * Organizer money desk (筹款工作台): draft cost-split schemes and compare them side by side —
 * stats, my share, a floor-by-floor chart and every unit's share — then issue the charges from
 * the scheme the owners' vote made binding.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    dueDay: '',
    status: 'loading' as Status,
    statusMessage: '',
    tabs: TABS,
    tab: 'schemes' as TabName,
    schemes: [] as SchemeListRow[],
    selected: [] as string[],
    maxCompared: MAX_COMPARED,
    screen: null as ComparisonScreen | null,
    offset: 0,
    comparing: false,
    plans: [] as PlanOption[],
    planLabels: [] as string[],
    methodLabels: METHODS.map((m) => m.label),
    floors: [] as number[],
    formOpen: false,
    form: emptyForm([]),
    formMessage: '',
    saving: false,
    binding: [] as SchemeListRow[],
    chargeIndex: 0,
    dueDate: '',
    issuing: false,
    issued: '',
    milestoneLabels: MILESTONES.map((m) => m.label),
    expenses: [] as ExpenseRow[],
    expensesLoaded: false,
    expense: emptyExpenseForm(),
    expenseMessage: '',
    proposing: false,
    uploading: false,
    redLine: null as RedLineScreen | null,
    redLineMessage: '',
    message: '',
  },
  observers: {
    // Pickers keep YYYY-MM-DD; people read the day the one way dates are written.
    dueDate(dueDate: string) {
      this.setData({ dueDay: dueDate ? formatDate(dueDate) : '' });
    },
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
        const [schemes, lastMile, decisions] = await Promise.all([
          listSchemes(),
          getLastMile('all'),
          listDecisions(),
        ]);
        const details: DecisionDetailView[] = await Promise.all(
          decisions.map((d) => getDecision(d.id)),
        );
        const byNo = new Map(lastMile.rows.map((r) => [r.unitNo, r.unitId]));
        unitIds.set(this, byNo);
        const floors = [...new Set(lastMile.rows.map((r) => r.floor))].sort((a, b) => a - b);
        const plans = planOptions(details);
        const kept = this.data.selected.filter((id) => schemes.some((s) => s.id === id));
        const selected = kept.length ? kept : schemes.slice(0, MAX_COMPARED).map((s) => s.id);
        this.setData({
          status: 'ready',
          floors,
          plans,
          planLabels: ['自行填写总额', ...plans.map((p) => p.label)],
          form: this.data.formOpen ? this.data.form : emptyForm(floors),
        });
        this.showSchemes(schemes, selected);
        await this.compare(0);
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    showSchemes(schemes: SchemeView[], selected: string[]): void {
      schemesOf.set(this, schemes);
      const binding = schemes.filter((s) => s.status === 'binding');
      this.setData({
        selected,
        schemes: schemes.map((s) => schemeListRow(s, selected.includes(s.id))),
        binding: binding.map((s) => schemeListRow(s, false)),
        chargeIndex: Math.min(this.data.chargeIndex, Math.max(0, binding.length - 1)),
      });
    },

    async onTab(event: Tap<{ tab: TabName }>): Promise<void> {
      const tab = event.currentTarget.dataset.tab;
      this.setData({ tab, message: '' });
      // Loaded when first opened: the schemes work even while the ledger cannot answer.
      if (tab === 'expenses') await this.loadExpenses();
      if (tab === 'redline') await this.loadRedLine();
    },

    // ---- comparison ----

    async onToggle(event: Tap<{ id: string }>): Promise<void> {
      const selected = toggleSelection(this.data.selected, event.currentTarget.dataset.id);
      if (selected.length === this.data.selected.length) {
        wx.showToast({ title: `最多同时比较 ${MAX_COMPARED} 个方案`, icon: 'none' });
        return;
      }
      this.showSchemes(schemesOf.get(this) ?? [], selected);
      await this.compare(0);
    },

    async compare(offset: number): Promise<void> {
      if (this.data.selected.length === 0) {
        this.setData({ screen: null, offset: 0 });
        return;
      }
      this.setData({ comparing: true });
      try {
        const comparison = await compareSchemes(this.data.selected, offset, PAGE_SIZE);
        this.setData({ screen: comparisonScreen(comparison), offset: comparison.offset });
      } catch (error) {
        this.setData({ message: userMessageOf(error) });
      } finally {
        this.setData({ comparing: false });
      }
    },

    onNextPage() {
      return this.compare(this.data.offset + PAGE_SIZE);
    },
    onPrevPage() {
      return this.compare(Math.max(0, this.data.offset - PAGE_SIZE));
    },

    // ---- drafting ----

    onOpenForm() {
      this.setData({ formOpen: true, form: emptyForm(this.data.floors), formMessage: '' });
    },
    onCloseForm() {
      this.setData({ formOpen: false, formMessage: '' });
    },
    onFormTitle(event: WechatMiniprogram.Input) {
      this.setData({ 'form.title': event.detail.value });
    },
    onFormTotal(event: WechatMiniprogram.Input) {
      this.setData({ 'form.totalYuan': event.detail.value });
    },
    onFormPlan(event: WechatMiniprogram.PickerChange) {
      // The picker's first entry is "type the total in".
      const planIndex = Number(event.detail.value) - 1;
      const plan = this.data.plans[planIndex];
      this.setData({ 'form.planIndex': planIndex, 'form.attach': plan ? plan.linkable : false });
    },
    onFormAttach(event: WechatMiniprogram.SwitchChange) {
      this.setData({ 'form.attach': event.detail.value });
    },
    onFormMethod(event: WechatMiniprogram.RadioGroupChange) {
      this.setData({ 'form.methodIndex': Number(event.detail.value) });
    },
    onCoefficient(event: WechatMiniprogram.Input) {
      const index = Number((event.currentTarget.dataset as { index: number }).index);
      this.setData({ [`form.coefficients[${index}].text`]: event.detail.value });
    },
    onRisingCoefficients() {
      this.setData({ 'form.coefficients': risingCoefficients(this.data.floors) });
    },
    onAddExemption() {
      this.setData({
        'form.exemptions': [...this.data.form.exemptions, { unitNo: '', reason: '' }],
      });
    },
    onExemption(event: WechatMiniprogram.Input) {
      const { index, field } = event.currentTarget.dataset as { index: number; field: string };
      const key = field === 'reason' ? 'reason' : 'unitNo';
      this.setData({ [`form.exemptions[${Number(index)}].${key}`]: event.detail.value });
    },
    onRemoveExemption(event: Tap<{ index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ 'form.exemptions': this.data.form.exemptions.filter((_, i) => i !== index) });
    },

    async onSaveScheme(): Promise<void> {
      if (this.data.saving) return;
      const form: SchemeForm = this.data.form;
      const check = schemeRequest(form, this.data.plans, unitIds.get(this) ?? new Map());
      if (!check.ok) {
        this.setData({ formMessage: check.message });
        return;
      }
      this.setData({ saving: true, formMessage: '' });
      try {
        const created = await createScheme(check.request);
        const schemes = [...(schemesOf.get(this) ?? []), created];
        const selected = toggleSelection(this.data.selected, created.id);
        this.setData({ formOpen: false, message: `已保存草案：${check.summary}` });
        this.showSchemes(schemes, selected);
        await this.compare(0);
      } catch (error) {
        this.setData({ formMessage: userMessageOf(error) });
      } finally {
        this.setData({ saving: false });
      }
    },

    // ---- charges ----

    onChargeScheme(event: WechatMiniprogram.PickerChange) {
      this.setData({ chargeIndex: Number(event.detail.value), issued: '' });
    },
    onDueDate(event: WechatMiniprogram.PickerChange) {
      this.setData({ dueDate: String(event.detail.value), issued: '' });
    },

    async onIssue(): Promise<void> {
      if (this.data.issuing) return;
      const row = this.data.binding[this.data.chargeIndex];
      const scheme = (schemesOf.get(this) ?? []).find((s) => s.id === row?.id);
      if (!scheme) return;
      if (!this.data.dueDate) {
        this.setData({ message: '请先选择缴款截止日期' });
        return;
      }
      let paying = scheme.chargedUnits;
      try {
        // The number of paying units comes from the scheme's own stats, not a guess.
        const stats = await compareSchemes([scheme.id], 0, 1);
        paying = stats.schemes[0]?.stats.payingUnits ?? paying;
      } catch {
        // Without the count the modal still names the scheme, the total and the due date.
      }
      const answer = await wx.showModal({
        title: '出具应缴款',
        content: issueConfirmText(scheme, paying, this.data.dueDate),
        confirmText: '确认出具',
        confirmColor: '#fa5151',
      });
      if (!answer.confirm) return;
      this.setData({ issuing: true, message: '' });
      try {
        const result = await issueAllCharges(scheme.id, this.data.dueDate);
        this.setData({ issued: issuedLine(result) });
        this.showSchemes(await listSchemes(), this.data.selected);
      } catch (error) {
        this.setData({ message: userMessageOf(error) });
      } finally {
        this.setData({ issuing: false });
      }
    },

    // ---- expenses ----

    async loadExpenses(): Promise<void> {
      try {
        const expenses = await listExpenses();
        const lastPayee = expenses[expenses.length - 1]?.payee ?? '';
        this.setData({
          expenses: expenses.map(expenseRow),
          expensesLoaded: true,
          expense: this.data.expense.payee ? this.data.expense : emptyExpenseForm(lastPayee),
        });
      } catch (error) {
        this.setData({ expenseMessage: userMessageOf(error) });
      }
    },
    onExpenseMilestone(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'expense.milestoneIndex': Number(event.detail.value), expenseMessage: '' });
    },
    onExpenseField(event: WechatMiniprogram.Input) {
      const field = (event.currentTarget.dataset as { field: string }).field;
      this.setData({ [`expense.${field}`]: event.detail.value, expenseMessage: '' });
    },
    async onInvoicePhoto(): Promise<void> {
      let tempFilePath: string | undefined;
      try {
        const picked = await wx.chooseMedia({
          count: 1,
          mediaType: ['image'],
          sourceType: ['camera', 'album'],
        });
        tempFilePath = picked.tempFiles[0]?.tempFilePath;
      } catch {
        return; // cancelled
      }
      if (!tempFilePath) return;
      this.setData({ uploading: true });
      try {
        const fileId = await uploadToCloud(`ledger/invoices/${Date.now()}.jpg`, tempFilePath);
        this.setData({ 'expense.invoiceFileId': fileId, expenseMessage: '' });
      } catch (error) {
        this.setData({ expenseMessage: `发票上传失败，请重试（${userMessageOf(error)}）` });
      } finally {
        this.setData({ uploading: false });
      }
    },
    async onProposeExpense(): Promise<void> {
      if (this.data.proposing) return;
      const check = expenseRequest(this.data.expense);
      if (!check.ok) {
        this.setData({ expenseMessage: check.message });
        return;
      }
      const answer = await wx.showModal({
        title: '提出工程付款',
        content: proposeConfirmText(check.summary),
        confirmText: '提出',
      });
      if (!answer.confirm) return;
      this.setData({ proposing: true, expenseMessage: '' });
      try {
        await proposeExpense(check.request);
        this.setData({
          message: `已提出：${check.summary}，等待出纳付款`,
          expense: emptyExpenseForm(check.request.payee),
        });
        await this.loadExpenses();
      } catch (error) {
        this.setData({ expenseMessage: userMessageOf(error) });
      } finally {
        this.setData({ proposing: false });
      }
    },

    // ---- red line ----

    async loadRedLine(): Promise<void> {
      try {
        this.setData({ redLine: redLineScreen(await redLine()), redLineMessage: '' });
      } catch (error) {
        this.setData({ redLineMessage: userMessageOf(error) });
      }
    },
  },
});
