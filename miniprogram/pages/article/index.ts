import { largeTypeBehavior } from '../../behaviors/largeType';
import {
  answerQuestion,
  askQuestion,
  getArticle,
  getArticleVersion,
  hideQuestion,
  markFaq,
  withdrawArticle,
} from '../../services/articles';
import { ApiError, userMessageOf } from '../../services/cloud';
import { openCloudDocument } from '../../services/storage';
import { formatDateTime } from '../../utils/format';
import type { RichNodeView } from '../../../typings/api';
import { type ArticleView, toArticleView } from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';
type IdEvent = WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>;

interface OldVersion {
  label: string;
  title: string;
  nodes: RichNodeView[];
}

/**
 * An article: its text (rich-text from the server's sanitized tree), images and PDFs, what
 * changed since it was first published, and the questions under it. Organizers also see how many
 * flats have read it, answer questions, and can edit or withdraw it.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    view: null as ArticleView | null,
    showHistory: false,
    oldVersion: null as OldVersion | null,
    question: '',
    askError: '',
    sending: false,
    answers: {} as Record<string, string>,
    notice: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ? decodeURIComponent(query.id) : '' });
      return this.load();
    },
    onShow() {
      if (this.data.status === 'ready') return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },
    onShareAppMessage() {
      return {
        title: this.data.view?.title ?? '同梯 · 公告',
        path: `/pages/article/index?id=${encodeURIComponent(this.data.id)}`,
      };
    },

    async load(): Promise<void> {
      if (!this.data.id) {
        this.setData({ status: 'empty', statusMessage: '没有找到这篇公告' });
        return;
      }
      if (this.data.status !== 'ready') this.setData({ status: 'loading', statusMessage: '' });
      try {
        const view = toArticleView(await getArticle(this.data.id), Date.now());
        this.setData({ status: 'ready', view });
        wx.setNavigationBarTitle({ title: view.kindLabel });
      } catch (error) {
        const missing = error instanceof ApiError && error.code === 'NOT_FOUND';
        this.setData({
          status: missing ? 'empty' : 'error',
          statusMessage: userMessageOf(error),
        });
      }
    },

    onToggleHistory() {
      this.setData({ showHistory: !this.data.showHistory, oldVersion: null });
    },
    async onOpenVersion(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { version: number }>,
    ) {
      const version = Number(event.currentTarget.dataset.version);
      try {
        const old = await getArticleVersion(this.data.id, version);
        this.setData({
          oldVersion: {
            label: `第 ${old.version} 版 · ${formatDateTime(old.replacedAt)} 被修改`,
            title: old.title,
            nodes: old.nodes,
          },
        });
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },
    onCloseVersion() {
      this.setData({ oldVersion: null });
    },

    onPreviewImage(event: WechatMiniprogram.BaseEvent<Record<string, never>, { url: string }>) {
      const urls = (this.data.view?.images ?? []).map((i) => i.url);
      wx.previewImage({ current: event.currentTarget.dataset.url, urls });
    },
    async onOpenDocument(event: IdEvent) {
      wx.showLoading({ title: '正在打开' });
      try {
        await openCloudDocument(event.currentTarget.dataset.id);
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      } finally {
        wx.hideLoading();
      }
    },
    onOpenDecision() {
      const id = this.data.view?.decisionId;
      if (id) wx.navigateTo({ url: `/pages/decision-detail/index?id=${encodeURIComponent(id)}` });
    },

    onQuestionInput(event: WechatMiniprogram.Input) {
      this.setData({ question: event.detail.value, askError: '' });
    },
    async onAsk(): Promise<void> {
      const text = this.data.question.trim();
      if (!text) {
        this.setData({ askError: '请先写下您的问题' });
        return;
      }
      if (this.data.sending) return;
      this.setData({ sending: true, askError: '' });
      try {
        await askQuestion(this.data.id, text);
        this.setData({ question: '', notice: '问题已提交，答复后会显示在这里' });
        await this.load();
      } catch (error) {
        this.setData({ askError: userMessageOf(error) });
      } finally {
        this.setData({ sending: false });
      }
    },

    onAnswerInput(event: WechatMiniprogram.Input) {
      const id = String((event.currentTarget.dataset as { id?: string }).id ?? '');
      this.setData({ [`answers.${id}`]: event.detail.value });
    },
    async onAnswer(event: IdEvent): Promise<void> {
      const id = event.currentTarget.dataset.id;
      const text = (this.data.answers[id] ?? '').trim();
      if (!text) {
        wx.showToast({ title: '请先写下答复', icon: 'none' });
        return;
      }
      await this.act(() => answerQuestion(id, text), '答复已公开');
    },
    async onFaq(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string; faq: boolean }>,
    ) {
      const { id, faq } = event.currentTarget.dataset;
      await this.act(() => markFaq(id, !faq), faq ? '已移出常见问题' : '已列入常见问题');
    },
    async onHideQuestion(event: IdEvent): Promise<void> {
      const id = event.currentTarget.dataset.id;
      const answer = await wx.showModal({
        title: '隐藏这个问题',
        content: '',
        editable: true,
        placeholderText: '隐藏原因（会记入操作记录）',
        confirmText: '隐藏',
      });
      if (!answer.confirm) return;
      const reason = (answer.content ?? '').trim();
      if (!reason) {
        wx.showToast({ title: '请写明隐藏的原因', icon: 'none' });
        return;
      }
      await this.act(() => hideQuestion(id, reason), '已隐藏');
    },

    onEdit() {
      wx.navigateTo({ url: `/pages/article-edit/index?id=${encodeURIComponent(this.data.id)}` });
    },
    async onWithdraw(): Promise<void> {
      const answer = await wx.showModal({
        title: '撤回这篇公告',
        content: '',
        editable: true,
        placeholderText: '撤回原因（住户会看到）',
        confirmText: '撤回',
        confirmColor: '#fa5151',
      });
      if (!answer.confirm) return;
      const reason = (answer.content ?? '').trim();
      if (!reason) {
        wx.showToast({ title: '请写明撤回的原因', icon: 'none' });
        return;
      }
      await this.act(() => withdrawArticle(this.data.id, reason), '已撤回');
    },

    /** Runs an organizer's step, then shows the article as it now stands. */
    async act(step: () => Promise<unknown>, done: string): Promise<void> {
      if (this.data.sending) return;
      this.setData({ sending: true });
      try {
        await step();
        wx.showToast({ title: done, icon: 'success' });
        await this.load();
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      } finally {
        this.setData({ sending: false });
      }
    },
  },
});
