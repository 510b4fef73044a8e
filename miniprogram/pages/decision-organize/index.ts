import type { DecisionDetailView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { printNotice } from '../../services/notices';
import { uploadToCloud } from '../../services/storage';
import { type NoticePrint, noticePrintsFor } from '../../utils/noticePrints';
import { formatDate, formatDateTime } from '../../utils/format';
import {
  type OrganizerStep,
  createDecision,
  editDecision,
  extendDeadline,
  getDecision,
  organizerStep,
  recount,
} from '../../services/decisions';
import {
  type Control,
  type DecisionForm,
  MATTER_CHOICES,
  PRIVACY_CHOICES,
  confirmationFor,
  controlsFor,
  emptyForm,
  fieldsOf,
  formOf,
} from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

const STEPS: ReadonlySet<string> = new Set<OrganizerStep>([
  'postNotice',
  'withdrawNotice',
  'open',
  'close',
  'publishPreliminary',
  'publishFinal',
]);

/**
 * The organizer's page: write the draft (question, plans, documents, voting window), post the
 * notice, open and close voting, publish the preliminary and final results, recount.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    opensDay: '',
    closesDay: '',
    extendDay: '',
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    decision: null as DecisionDetailView | null,
    editable: true,
    /** The posted voting window as residents read it: "2026年12月17日 09:00 至 …". */
    windowText: '',
    form: emptyForm(),
    matters: MATTER_CHOICES.map((m) => m.label),
    privacies: PRIVACY_CHOICES,
    controls: controlsFor('draft') as Control[],
    prints: [] as NoticePrint[],
    extendDate: '',
    extendTime: '18:00',
    busy: false,
    message: '',
    error: '',
  },
  observers: {
    // Pickers keep YYYY-MM-DD; people read the day the one way dates are written.
    'form.opensDate, form.closesDate, extendDate'(opens: string, closes: string, extend: string) {
      const day = (date: string): string => (date ? formatDate(date) : '');
      this.setData({ opensDay: day(opens), closesDay: day(closes), extendDay: day(extend) });
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '' });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'ready', editable: true, controls: controlsFor('draft') });
        return;
      }
      try {
        this.show(await getDecision(this.data.id));
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
    show(decision: DecisionDetailView) {
      this.setData({
        status: 'ready',
        id: decision.id,
        decision,
        editable: decision.status === 'draft',
        windowText:
          decision.opensAt && decision.closesAt
            ? `${formatDateTime(decision.opensAt)} 至 ${formatDateTime(decision.closesAt)}`
            : '',
        form: formOf(decision),
        controls: controlsFor(decision.status),
        prints: noticePrintsFor(decision),
      });
    },

    /** 打印版: the notice or the result as an A4 PDF for the lobby board. */
    onPrint(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { action: NoticePrint['action'] }>,
    ) {
      printNotice(event.currentTarget.dataset.action, { decisionId: this.data.id }).catch(
        (error: unknown) => this.setData({ error: userMessageOf(error) }),
      );
    },

    /** Every form field writes `form.<field>` through data-field, so one handler serves them all. */
    onField(
      event: WechatMiniprogram.Input &
        WechatMiniprogram.BaseEvent<Record<string, never>, { field: keyof DecisionForm }>,
    ) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value });
    },
    onMatter(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.matterIndex': Number(event.detail.value) || 0 });
    },
    onPrivacy(event: WechatMiniprogram.RadioGroupChange) {
      this.setData({ 'form.privacy': event.detail.value === 'receipts' ? 'receipts' : 'open' });
    },
    onKind(event: WechatMiniprogram.RadioGroupChange) {
      this.setData({ 'form.kind': event.detail.value === 'plans' ? 'plans' : 'proposal' });
    },
    onPlanField(
      event: WechatMiniprogram.Input &
        WechatMiniprogram.BaseEvent<Record<string, never>, { index: number; field: string }>,
    ) {
      const { index, field } = event.currentTarget.dataset;
      this.setData({ [`form.plans[${index}].${field}`]: event.detail.value });
    },
    onAddPlan() {
      const plans = this.data.form.plans;
      const keys = ['A', 'B', 'C', 'D', 'E'] as const;
      const key = keys[plans.length];
      if (!key) return;
      this.setData({ 'form.plans': [...plans, { key, title: '', summary: '', costYuan: '' }] });
    },
    onExtendDate(event: WechatMiniprogram.PickerChange) {
      this.setData({ extendDate: String(event.detail.value) });
    },
    onExtendTime(event: WechatMiniprogram.PickerChange) {
      this.setData({ extendTime: String(event.detail.value) });
    },
    async onAddDocument(): Promise<void> {
      try {
        const picked = await wx.chooseMessageFile({ count: 1, type: 'file' });
        const file = picked.tempFiles[0];
        if (!file) return;
        const fileId = await uploadToCloud(`decisions/${Date.now()}-${file.name}`, file.path);
        const documents = [
          ...this.data.form.documents,
          { kind: 'other' as const, title: file.name, fileId },
        ];
        this.setData({ 'form.documents': documents });
      } catch (error) {
        console.error('organize: document', error);
        this.setData({ error: '资料上传失败，请重试' });
      }
    },

    async onStep(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { step: string }>,
    ): Promise<void> {
      const step = event.currentTarget.dataset.step;
      if (this.data.busy) return;
      const ask = confirmationFor(step, this.data.decision ?? this.formTitle(), Date.now());
      if (ask) {
        const answer = await wx.showModal({
          title: ask.title,
          content: ask.content,
          confirmText: ask.confirmText,
          showCancel: ask.allowed,
          ...(ask.allowed ? { cancelText: '再想想', confirmColor: '#fa5151' } : {}),
        });
        if (!ask.allowed || !answer.confirm) return;
      }
      this.setData({ busy: true, message: '', error: '' });
      try {
        if (step === 'recount') {
          const r = await recount(this.data.id);
          this.setData({ message: r.message });
        } else if (step === 'save' || (step === 'postNotice' && this.data.editable)) {
          const saved = await this.save();
          if (saved && step === 'postNotice') {
            this.show(await organizerStep('postNotice', saved));
            this.setData({ message: '公示已发布' });
          } else if (saved) this.setData({ message: '已保存' });
        } else if (step === 'extend') {
          if (!this.data.extendDate) throw new Error('请选择新的截止日期');
          const closesAt = `${this.data.extendDate}T${this.data.extendTime}:00+08:00`;
          this.show(await extendDeadline(this.data.id, closesAt));
          this.setData({ message: '截止时间已延长' });
        } else if (STEPS.has(step)) {
          this.show(await organizerStep(step as OrganizerStep, this.data.id));
          this.setData({ message: '已完成' });
        }
      } catch (error) {
        this.setData({
          error:
            error instanceof Error && !('code' in error) ? error.message : userMessageOf(error),
        });
      } finally {
        this.setData({ busy: false });
      }
    },

    /** A draft not yet saved has only the form's title to quote in the question. */
    formTitle(): { title: string; opensAt: null; closesAt: null; objectionDays: number } {
      return { title: this.data.form.title, opensAt: null, closesAt: null, objectionDays: 7 };
    },

    /** Creates or updates the draft; the decision's id, or '' when the form was refused. */
    async save(): Promise<string> {
      const outcome = fieldsOf(this.data.form);
      if (!outcome.ok) {
        this.setData({ error: outcome.message });
        return '';
      }
      const saved = this.data.id
        ? await editDecision({ decisionId: this.data.id, ...outcome.fields })
        : await createDecision(outcome.fields);
      this.show(saved);
      return saved.id;
    },
  },
});
