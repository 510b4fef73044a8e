import type { CastReceiptView, DecisionDetailView, ObjectionView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, tempUrlOf, userMessageOf } from '../../services/cloud';
import {
  answerObjection,
  castBallot,
  getOpenVotes,
  fileObjection,
  getDecision,
  getResults,
  listObjections,
} from '../../services/decisions';
import { getMyShares } from '../../services/funds';
import { askToSubscribe, idsOf, reminderTemplates } from '../../services/reminders';
import { buildingName } from '../../services/share';
import {
  cardNeedsResults,
  decisionCard,
  decisionSharePath,
  decisionShareQuery,
  voteReminderKeys,
} from '../../utils/decisionShare';
import type { ShareCardContent } from '../../utils/shareCard';
import { makeCardOnTap, requireCard, shareWithCard } from '../../utils/shareMessage';
import { printNotice } from '../../services/notices';
import { openStoredFile } from '../../services/storage';
import type { NoticePrint } from '../../utils/noticePrints';
import { formatDateTime } from '../../utils/format';
import {
  type DetailView,
  type ShareLine,
  type VotedCard,
  toDetailView,
  toShareLines,
  withJustCast,
} from './view';
import { idFromQuery } from '../../utils/scene';
import { showVoteBadge } from '../../utils/voteBadge';

type Status = 'loading' | 'ready' | 'error' | 'empty';

interface ObjectionRow {
  id: string;
  who: string;
  text: string;
  answer: string;
  answered: boolean;
}

function objectionRow(o: ObjectionView): ObjectionRow {
  return {
    id: o.id,
    who: `${o.unitNo}（${o.voiceLabel}）· ${formatDateTime(o.filedAt)}`,
    text: o.text,
    answer: o.answer ? `答复（${formatDateTime(o.answer.at)}）：${o.answer.text}` : '尚未答复',
    answered: o.answer !== null,
  };
}

// The decision as the server sent it, for the share card (the page's data holds the view only).
const details = new WeakMap<object, DecisionDetailView>();

/**
 * A decision: its plan and documents, the countdown, how my units stand, and voting — from a
 * shared link, tap a choice, tap "确认投票", read the receipt: two taps, large buttons.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    view: null as DetailView | null,
    ballotIndex: 0,
    selected: '',
    selectedLabel: '',
    sending: false,
    voteError: '',
    receipt: null as CastReceiptView | null,
    /** Every ballot I cast or a proxy cast for me, with its current receipt and the void ones. */
    voted: [] as VotedCard[],
    objections: [] as ObjectionRow[],
    canAnswer: false,
    objectionText: '',
    objectionError: '',
    answers: {} as Record<string, string>,
    shares: [] as ShareLine[],
    /** Signed in but not bound: the page says how to bind instead of failing. */
    needsBinding: false,
    shareCard: null as ShareCardContent | null,
    makingCard: false,
    /** Template ids a voter may subscribe to here (vote opens, 24 h before it closes). */
    remindIds: [] as string[],
    remindLine: '',
    reminded: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = idFromQuery(query);
      this.setData({ id });
      wx.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] });
      return this.load();
    },
    onShow() {
      // Back from organizing, a paper ballot or the results: show the decision as it now stands
      // (closed, published, one more ballot), not as it was when the page was first opened.
      if (this.data.status === 'ready') return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },
    /** The link opens this decision for whoever taps it; the card follows within 3 s if it can. */
    onShareAppMessage() {
      const title = this.data.view ? `请为「${this.data.view.title}」投票` : '同梯 · 议事';
      const link = { title, path: decisionSharePath('decision-detail', this.data.id) };
      return shareWithCard(this, link, () => this.requireShareCard());
    },
    onShareTimeline() {
      const title = this.data.view ? `「${this.data.view.title}」业主表决` : '同梯 · 议事';
      return { title, query: decisionShareQuery(this.data.id) };
    },

    /** The card's content: the turnout once voting began (one results request), else the stage. */
    async prepareShareCard(): Promise<ShareCardContent | null> {
      const detail = details.get(this);
      if (!detail) return null;
      if (this.data.shareCard) return this.data.shareCard;
      const [building, results] = await Promise.all([
        buildingName(),
        cardNeedsResults(detail.status) ? getResults(detail.id) : Promise.resolve(null),
      ]);
      const shareCard = decisionCard({
        building,
        decision: detail,
        results,
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

    /** From the tap: WeChat's consent sheet, then the accepts are recorded. */
    async onRemind(): Promise<void> {
      const ids = this.data.remindIds;
      if (!ids.length) return;
      try {
        const outcome = await askToSubscribe(ids);
        if (outcome.blocked) {
          wx.showModal({
            title: '消息提醒已关闭',
            content: '可在微信“设置 → 消息通知”或小程序右上角“设置”中打开订阅消息。',
            showCancel: false,
          });
        } else if (outcome.accepted > 0) {
          this.setData({ reminded: true });
          wx.showToast({ title: '到时会提醒您', icon: 'success' });
        }
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },

    onBind() {
      wx.navigateTo({ url: '/pages/bind/index' });
    },

    /** The reminder button shows only to someone with a flat in this vote, while it is ahead. */
    async loadReminders(detail: DecisionDetailView): Promise<void> {
      const keys = voteReminderKeys(detail.status);
      if (!keys.length || !detail.myUnits.length) {
        if (this.data.remindIds.length) this.setData({ remindIds: [] });
        return;
      }
      try {
        const remindIds = idsOf(await reminderTemplates(), keys);
        const remindLine = keys.includes('voteOpened')
          ? '投票开始时、截止前一天还没投票时，微信提醒您'
          : '截止前一天您还没投票时，微信提醒您';
        this.setData({ remindIds, remindLine });
      } catch {
        // Without the templates there is simply no reminder button.
      }
    },

    /** Never rejects: every failure ends in the error or empty state. */
    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '链接不完整，请从议事列表打开' });
        return;
      }
      if (!this.data.view) this.setData({ status: 'loading', statusMessage: '' });
      try {
        const detail = await getDecision(this.data.id);
        const view = toDetailView(detail, Date.now());
        details.set(this, detail);
        const ballotIndex = Math.min(this.data.ballotIndex, Math.max(0, view.votable.length - 1));
        const voted = withJustCast(
          view.voted,
          this.data.receipt,
          view.votable[ballotIndex],
          Date.now(),
        );
        this.setData({
          status: 'ready',
          view,
          voted,
          ballotIndex,
          shareCard: null,
          needsBinding: false,
        });
        if (view.objectionLine) await this.loadObjections();
        await this.loadShares(view);
        await this.loadReminders(detail);
      } catch (error) {
        const missing = error instanceof ApiError && error.code === 'NOT_FOUND';
        const unbound = error instanceof ApiError && error.code === 'FORBIDDEN';
        this.setData({
          status: missing || unbound ? 'empty' : 'error',
          needsBinding: unbound,
          statusMessage: missing
            ? '没有找到这个议题，可能尚未公示'
            : unbound
              ? '这是本楼业主的表决。绑定您的房屋后，就能查看议题并投票。'
              : userMessageOf(error),
        });
      }
    },

    /** "方案A：您家约 ¥12,345.67" — the first thing residents ask; the page stands without it. */
    async loadShares(view: DetailView): Promise<void> {
      if (!view.plans.some((p) => p.cost) && view.plans.length > 0) return;
      try {
        this.setData({ shares: toShareLines(await getMyShares(view.id)) });
      } catch {
        this.setData({ shares: [] });
      }
    },

    onPickBallot(event: WechatMiniprogram.PickerChange) {
      this.setData({ ballotIndex: Number(event.detail.value) || 0, selected: '' });
    },

    /** Tap 1: pick a choice; nothing is sent until it is confirmed. */
    onChoose(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string; label: string }>,
    ) {
      const { key, label } = event.currentTarget.dataset;
      this.setData({ selected: key, selectedLabel: label, voteError: '' });
    },

    onCancel() {
      this.setData({ selected: '', selectedLabel: '', voteError: '' });
    },

    /** Tap 2: cast, then show the receipt. */
    async onConfirm(): Promise<void> {
      const view = this.data.view;
      const ballot = view?.votable[this.data.ballotIndex];
      if (!view || !ballot || !this.data.selected || this.data.sending) return;
      if (ballot.currentChoice && ballot.currentChoice !== this.data.selected) {
        // A change of vote voids the receipt the voter may have written down: never silently.
        const answer = await wx.showModal({
          title: '确定改票吗？',
          content: `您已投「${ballot.currentLabel}」。改投「${this.data.selectedLabel}」后，原回执作废，以最后一次投票为准。`,
          confirmText: '确定改票',
          cancelText: '不改了',
        });
        if (!answer.confirm) {
          this.setData({ selected: '', selectedLabel: '' });
          return;
        }
      }
      this.setData({ sending: true, voteError: '' });
      try {
        const receipt = await castBallot(view.id, ballot.unitId, this.data.selected);
        this.setData({
          receipt,
          voted: withJustCast(this.data.voted, receipt, ballot, Date.now()),
          selected: '',
          selectedLabel: '',
          sending: false,
        });
        wx.showToast({
          title: receipt.casts > 1 && receipt.changed ? '已改票' : '已投票',
          icon: 'success',
        });
        await this.load();
        // The 议事 tab's "尚未投票" goes once my last missing ballot is in.
        await getOpenVotes().then(
          (open) => showVoteBadge(open.pending),
          () => undefined,
        );
      } catch (error) {
        this.setData({ sending: false, voteError: userMessageOf(error) });
      }
    },

    async loadObjections(): Promise<void> {
      try {
        const list = await listObjections(this.data.id);
        this.setData({ objections: list.objections.map(objectionRow), canAnswer: list.canAnswer });
      } catch (error) {
        this.setData({ objectionError: userMessageOf(error) });
      }
    },

    onObjectionInput(event: WechatMiniprogram.Input) {
      this.setData({ objectionText: event.detail.value, objectionError: '' });
    },

    async onSubmitObjection(): Promise<void> {
      const view = this.data.view;
      const ballot = view?.objectUnits[0];
      const text = this.data.objectionText.trim();
      if (!view || !ballot || this.data.sending) return;
      if (!text) {
        this.setData({ objectionError: '请写下您的异议' });
        return;
      }
      this.setData({ sending: true, objectionError: '' });
      try {
        await fileObjection(view.id, ballot.unitId, text);
        this.setData({ objectionText: '', sending: false });
        wx.showToast({ title: '异议已提交', icon: 'success' });
        await this.loadObjections();
      } catch (error) {
        this.setData({ sending: false, objectionError: userMessageOf(error) });
      }
    },

    onAnswerInput(event: WechatMiniprogram.Input) {
      const id = String((event.currentTarget.dataset as { id?: string }).id ?? '');
      this.setData({ [`answers.${id}`]: event.detail.value });
    },

    async onSubmitAnswer(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>,
    ): Promise<void> {
      const id = event.currentTarget.dataset.id;
      const text = (this.data.answers[id] ?? '').trim();
      if (!text || this.data.sending) return;
      this.setData({ sending: true });
      try {
        await answerObjection(id, text);
        this.setData({ sending: false, [`answers.${id}`]: '' });
        await this.loadObjections();
      } catch (error) {
        this.setData({ sending: false });
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },

    onCopyReceipt(event: WechatMiniprogram.BaseEvent<Record<string, never>, { receipt: string }>) {
      const receipt = event.currentTarget.dataset.receipt;
      if (receipt) wx.setClipboardData({ data: receipt });
    },

    onOpenDocument(event: WechatMiniprogram.BaseEvent<Record<string, never>, { file: string }>) {
      const fileID = event.currentTarget.dataset.file;
      openStoredFile(fileID, () => tempUrlOf(fileID)).catch(() =>
        wx.showToast({ title: '文件打开失败', icon: 'none' }),
      );
    },

    /** 打印版: the notice or the result as an A4 PDF to forward to a print shop or save. */
    onPrint(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { action: NoticePrint['action'] }>,
    ) {
      printNotice(event.currentTarget.dataset.action, { decisionId: this.data.id }).catch(
        (error: unknown) => wx.showToast({ title: userMessageOf(error), icon: 'none' }),
      );
    },

    onOpenPage(event: WechatMiniprogram.BaseEvent<Record<string, never>, { page: string }>) {
      const page = event.currentTarget.dataset.page;
      wx.navigateTo({ url: `/pages/${page}/index?id=${encodeURIComponent(this.data.id)}` });
    },
  },
});
