import type { PreviewView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import {
  createArticle,
  editArticle,
  getArticle,
  previewArticle,
  publishArticle,
} from '../../services/articles';
import { userMessageOf } from '../../services/cloud';
import { listDecisions } from '../../services/decisions';
import { uploadToCloud } from '../../services/storage';
import {
  BODY_HINT,
  KINDS,
  appendLine,
  decisionChoices,
  emptyForm,
  formOf,
  imageLine,
  missingOf,
  scheduleOf,
  toInput,
} from './view';
import { formatDate } from '../../utils/format';

type Status = 'loading' | 'ready' | 'error' | 'empty';
type FieldEvent = WechatMiniprogram.Input & {
  currentTarget: { dataset: { field?: string } };
};

/**
 * The organizer's editor: kind, title, summary, the body in light markup with images uploaded to
 * our storage, PDFs, pin, linked decision, and publication now or at a set time. "预览" shows the
 * article exactly as the server will render it for residents.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    pickedDay: '',
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    published: false,
    kinds: KINDS.map((k) => k.label),
    hint: BODY_HINT,
    choices: [{ id: '', label: '不关联表决' }],
    choiceLabels: ['不关联表决'],
    form: emptyForm(),
    preview: null as PreviewView | null,
    busy: false,
    error: '',
    today: '',
  },
  observers: {
    // Pickers keep YYYY-MM-DD; people read the day the one way dates are written.
    'form.date'(date: string) {
      this.setData({ pickedDay: date ? formatDate(date) : '' });
    },
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>): Promise<void> {
      const id = query.id ? decodeURIComponent(query.id) : '';
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      this.setData({ id, today });
      try {
        const [decisions, article] = await Promise.all([
          listDecisions().catch(() => []),
          id ? getArticle(id) : Promise.resolve(null),
        ]);
        const choices = decisionChoices(decisions);
        const form = article?.source ? formOf(article.source, choices) : emptyForm();
        this.setData({
          status: 'ready',
          choices,
          choiceLabels: choices.map((c) => c.label),
          form,
          published: article ? article.status === 'published' : false,
        });
        wx.setNavigationBarTitle({ title: id ? '修改公告' : '写公告' });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
    onRetry() {
      return this.onLoad({ id: this.data.id });
    },

    onField(event: FieldEvent) {
      const field = event.currentTarget.dataset.field;
      if (field) this.setData({ [`form.${field}`]: event.detail.value, error: '', preview: null });
    },
    onKind(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.kindIndex': Number(event.detail.value), preview: null });
    },
    onDecision(event: WechatMiniprogram.PickerChange) {
      this.setData({ 'form.decisionIndex': Number(event.detail.value) });
    },
    onPinned(event: WechatMiniprogram.SwitchChange) {
      this.setData({ 'form.pinned': event.detail.value });
    },
    onScheduled(event: WechatMiniprogram.SwitchChange) {
      this.setData({ 'form.scheduled': event.detail.value, error: '' });
    },
    onPick(
      event: WechatMiniprogram.PickerChange & { currentTarget: { dataset: { field?: string } } },
    ) {
      const field = event.currentTarget.dataset.field;
      if (field) this.setData({ [`form.${field}`]: String(event.detail.value), error: '' });
    },

    async onAddImage(): Promise<void> {
      try {
        const picked = await wx.chooseMedia({
          count: 1,
          mediaType: ['image'],
          sizeType: ['compressed'],
        });
        const file = picked.tempFiles[0];
        if (!file) return;
        this.setData({ busy: true });
        const ext = /\.(png|jpe?g|gif|webp)$/i.exec(file.tempFilePath)?.[0] ?? '.jpg';
        const fileId = await uploadToCloud(
          `articles/${Date.now()}${ext.toLowerCase()}`,
          file.tempFilePath,
        );
        this.setData({
          'form.body': appendLine(this.data.form.body, imageLine(fileId, '')),
          preview: null,
        });
      } catch (error) {
        if (!/cancel/.test(String((error as { errMsg?: string }).errMsg ?? ''))) {
          this.setData({ error: '图片上传失败，请重试' });
        }
      } finally {
        this.setData({ busy: false });
      }
    },
    async onAddPdf(): Promise<void> {
      try {
        const picked = await wx.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
        const file = picked.tempFiles[0];
        if (!file) return;
        this.setData({ busy: true });
        const fileId = await uploadToCloud(`articles/${Date.now()}.pdf`, file.path);
        const attachments = [
          ...this.data.form.attachments,
          { kind: 'pdf' as const, title: file.name, fileId },
        ];
        this.setData({ 'form.attachments': attachments, preview: null });
      } catch (error) {
        if (!/cancel/.test(String((error as { errMsg?: string }).errMsg ?? ''))) {
          this.setData({ error: '文件上传失败，请重试' });
        }
      } finally {
        this.setData({ busy: false });
      }
    },
    onRemoveAttachment(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { index: number }>,
    ) {
      const index = Number(event.currentTarget.dataset.index);
      const attachments = this.data.form.attachments.filter((_a, i) => i !== index);
      this.setData({ 'form.attachments': attachments, preview: null });
    },

    async onPreview(): Promise<void> {
      const missing = missingOf(this.data.form);
      if (missing) {
        this.setData({ error: missing });
        return;
      }
      await this.run(async () => {
        const preview = await previewArticle(toInput(this.data.form, this.data.choices));
        this.setData({ preview });
      });
    },
    onClosePreview() {
      this.setData({ preview: null });
    },

    /** Saves the article (creating it the first time); returns its id. */
    async save(): Promise<string> {
      const input = toInput(this.data.form, this.data.choices);
      if (this.data.id) {
        await editArticle(this.data.id, input);
        return this.data.id;
      }
      const id = await createArticle(input);
      this.setData({ id });
      return id;
    },
    async onSaveDraft(): Promise<void> {
      const missing = missingOf(this.data.form);
      if (missing) {
        this.setData({ error: missing });
        return;
      }
      await this.run(async () => {
        await this.save();
        wx.showToast({ title: this.data.published ? '修改已发布' : '草稿已保存', icon: 'success' });
        if (this.data.published) wx.navigateBack({ delta: 1 });
      });
    },
    async onPublish(): Promise<void> {
      const missing = missingOf(this.data.form);
      const schedule = scheduleOf(this.data.form, Date.now());
      if (missing || !schedule.ok) {
        this.setData({ error: missing || (schedule.ok ? '' : schedule.message) });
        return;
      }
      await this.run(async () => {
        const id = await this.save();
        const result = await publishArticle(id, schedule.at ?? undefined);
        wx.showToast({
          title: result.status === 'scheduled' ? '已定时发布' : '已发布',
          icon: 'success',
        });
        wx.redirectTo({ url: `/pages/article/index?id=${encodeURIComponent(id)}` });
      });
    },

    async run(step: () => Promise<void>): Promise<void> {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      try {
        await step();
      } catch (error) {
        this.setData({ error: userMessageOf(error) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
