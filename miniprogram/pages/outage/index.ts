import type { HelpKindName, TimeSlotName } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { type HelpStep, getOutage, helpStep, requestHelp } from '../../services/progress';
import { KINDS, type OutagePage, SLOTS, askProblem, toOutagePage } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';
type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<
  Record<string, never>,
  D
>;

/**
 * One elevator's stop days: the schedule, help asked by elderly and disabled neighbours (with
 * "我来帮忙" on each), the form to ask for my household — or, for staff, for a neighbour
 * without a phone — and for staff and organizers who is covered and who has not asked.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    page: null as OutagePage | null,
    kinds: KINDS,
    slots: SLOTS,
    asking: false,
    unitNo: '',
    unitIndex: 0,
    kind: '' as HelpKindName | '',
    dayIndex: -1,
    slot: '' as TimeSlotName | '',
    note: '',
    sending: false,
    message: '',
    rowMessage: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '' });
      return this.load();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },
    onShareAppMessage() {
      const page = this.data.page;
      return {
        title: page ? `${page.title}：${page.when}` : '同梯 · 停梯安排',
        path: `/pages/outage/index?id=${encodeURIComponent(this.data.id)}`,
      };
    },
    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从进度页打开' });
        return;
      }
      if (!this.data.page) this.setData({ status: 'loading', statusMessage: '' });
      try {
        const page = toOutagePage(await getOutage(this.data.id));
        this.setData({
          status: 'ready',
          page,
          unitNo: this.data.unitNo || (page.askUnits[0] ?? ''),
        });
      } catch (error) {
        const code = error instanceof ApiError ? error.code : '';
        this.setData({
          // Not bound yet is not a failure to retry: say what to do instead.
          status: code === 'NOT_FOUND' || code === 'FORBIDDEN' ? 'empty' : 'error',
          statusMessage:
            code === 'FORBIDDEN' ? '绑定房屋后才能查看和报名停梯期间的互助' : userMessageOf(error),
        });
      }
    },

    onStartAsk() {
      this.setData({ asking: true, message: '' });
    },
    onCancelAsk() {
      this.setData({ asking: false, message: '' });
    },
    onPickUnit(event: WechatMiniprogram.PickerChange) {
      const unitIndex = Number(event.detail.value) || 0;
      this.setData({ unitIndex, unitNo: this.data.page?.askUnits[unitIndex] ?? '' });
    },
    onUnitNo(event: WechatMiniprogram.Input) {
      this.setData({ unitNo: event.detail.value, message: '' });
    },
    onKind(event: Tap<{ key: HelpKindName }>) {
      this.setData({ kind: event.currentTarget.dataset.key, message: '' });
    },
    onDay(event: WechatMiniprogram.PickerChange) {
      this.setData({ dayIndex: Number(event.detail.value), message: '' });
    },
    onSlot(event: Tap<{ key: TimeSlotName }>) {
      this.setData({ slot: event.currentTarget.dataset.key, message: '' });
    },
    onNote(event: WechatMiniprogram.Input) {
      this.setData({ note: event.detail.value });
    },
    async onSubmitAsk(): Promise<void> {
      const { unitNo, kind, dayIndex, slot, note, sending, page } = this.data;
      if (sending || !page) return;
      const problem = askProblem(unitNo, kind, dayIndex, slot);
      const date = page.days[dayIndex];
      if (problem || !kind || !slot || !date) {
        this.setData({ message: problem || '请选择日期' });
        return;
      }
      this.setData({ sending: true, message: '' });
      try {
        await requestHelp({
          outageId: this.data.id,
          unitNo: unitNo.trim(),
          kind,
          date,
          slot,
          note: note.trim(),
        });
        this.setData({ sending: false, asking: false, kind: '', dayIndex: -1, slot: '', note: '' });
        wx.showToast({ title: '已提交', icon: 'success' });
        await this.load();
      } catch (error) {
        this.setData({ sending: false, message: userMessageOf(error) });
      }
    },

    async step(step: HelpStep, requestId: string): Promise<void> {
      if (this.data.sending) return;
      this.setData({ sending: true, rowMessage: '' });
      try {
        await helpStep(step, requestId);
        this.setData({ sending: false });
        await this.load();
      } catch (error) {
        this.setData({ sending: false, rowMessage: userMessageOf(error) });
      }
    },
    onVolunteer(event: Tap<{ id: string }>) {
      return this.step('volunteer', event.currentTarget.dataset.id);
    },
    onUnvolunteer(event: Tap<{ id: string }>) {
      return this.step('unvolunteer', event.currentTarget.dataset.id);
    },
    async onCancelHelp(event: Tap<{ id: string }>): Promise<void> {
      const { confirm } = await wx.showModal({
        title: '取消这条求助？',
        content: '报名的邻居会看到已取消。',
      });
      if (confirm) await this.step('cancelHelp', event.currentTarget.dataset.id);
    },
  },
});
