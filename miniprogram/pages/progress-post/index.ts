import type { MilestoneStatusName, MilestoneView, StageName } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getOverview, postUpdate, publishOutage, setMilestone } from '../../services/progress';
import { uploadToCloud } from '../../services/storage';
import { formatDate } from '../../utils/format';
import {
  type DraftPhoto,
  MAX_PHOTOS,
  MODE_TITLES,
  type PostMode,
  STATUS_CHOICES,
  type StageForm,
  milestoneRequest,
  modeOf,
  outageFormProblem,
  photoPath,
  postProblem,
  stageFormOf,
} from './view';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/** Dates as residents read them ("2026年12月18日"); the pickers keep YYYY-MM-DD. */
function formTextOf(form: StageForm): Record<keyof StageForm, string> {
  return {
    status: form.status,
    plannedStart: formatDate(form.plannedStart),
    plannedEnd: formatDate(form.plannedEnd),
    actualStart: formatDate(form.actualStart),
    actualEnd: formatDate(form.actualEnd),
  };
}
type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<
  Record<string, never>,
  D
>;

/**
 * The organizer's three writes on the works, one per visit (`mode`): post an update with photos,
 * set a stage's status and dates, publish an elevator's stop days. Photos upload as soon as they
 * are chosen, so "发布" only sends the text and their fileIDs.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    mode: 'update' as PostMode,
    title: '',
    stages: [] as Array<{ stage: StageName; label: string }>,
    stageLabels: [] as string[],
    stageIndex: 0,
    milestones: [] as MilestoneView[],
    text: '',
    photos: [] as DraftPhoto[],
    uploading: false,
    maxPhotos: MAX_PHOTOS,
    statusChoices: STATUS_CHOICES,
    form: stageFormOf(undefined) as StageForm,
    formText: formTextOf(stageFormOf(undefined)),
    elevator: '',
    from: '',
    to: '',
    fromText: '',
    toText: '',
    note: '',
    sending: false,
    message: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const mode = modeOf(query.mode);
      this.setData({ mode, title: MODE_TITLES[mode] });
      wx.setNavigationBarTitle({ title: MODE_TITLES[mode] });
      return this.load(query.stage ?? '');
    },
    onRetry() {
      return this.load('');
    },
    async load(wanted: string): Promise<void> {
      if (this.data.mode === 'outage') {
        this.setData({ status: 'ready' });
        return;
      }
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const overview = await getOverview();
        if (!overview.canPost) {
          this.setData({ status: 'empty', statusMessage: '只有换梯小组可以发布进展' });
          return;
        }
        const stages = overview.milestones.map((m) => ({ stage: m.stage, label: m.label }));
        const found = stages.findIndex((s) => s.stage === (wanted || overview.current));
        const stageIndex = found >= 0 ? found : 0;
        this.setData({
          status: 'ready',
          stages,
          stageLabels: stages.map((s) => s.label),
          stageIndex,
          milestones: overview.milestones,
        });
        this.setForm(stageFormOf(overview.milestones[stageIndex]));
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
    stage(): StageName {
      return this.data.stages[this.data.stageIndex]?.stage ?? 'inspection';
    },
    onPickStage(event: WechatMiniprogram.PickerChange) {
      const stageIndex = Number(event.detail.value) || 0;
      this.setData({ stageIndex, message: '' });
      this.setForm(stageFormOf(this.data.milestones[stageIndex]));
    },

    // ── update ──
    onText(event: WechatMiniprogram.Input) {
      this.setData({ text: event.detail.value, message: '' });
    },
    async onAddPhotos(): Promise<void> {
      const room = MAX_PHOTOS - this.data.photos.length;
      if (room <= 0 || this.data.uploading) return;
      let paths: string[];
      try {
        const picked = await wx.chooseMedia({
          count: room,
          mediaType: ['image'],
          sourceType: ['album', 'camera'],
        });
        paths = picked.tempFiles.map((f) => f.tempFilePath).slice(0, room);
      } catch {
        return; // the organizer closed the picker
      }
      this.setData({ uploading: true, message: '' });
      try {
        const now = Date.now();
        const added: DraftPhoto[] = [];
        for (const [i, localPath] of paths.entries()) {
          const fileId = await uploadToCloud(photoPath(this.stage(), localPath, i, now), localPath);
          added.push({ fileId, localPath, caption: '' });
        }
        this.setData({ photos: [...this.data.photos, ...added], uploading: false });
      } catch (error) {
        this.setData({ uploading: false, message: `照片上传失败：${userMessageOf(error)}` });
      }
    },
    onCaption(event: WechatMiniprogram.Input & Tap<{ index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const photos = this.data.photos.map((p, i) =>
        i === index ? { ...p, caption: event.detail.value } : p,
      );
      this.setData({ photos });
    },
    onRemovePhoto(event: Tap<{ index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ photos: this.data.photos.filter((_, i) => i !== index) });
    },
    async onPublish(): Promise<void> {
      const { text, photos, uploading, sending } = this.data;
      if (sending) return;
      const problem = postProblem(text, photos, uploading);
      if (problem) {
        this.setData({ message: problem });
        return;
      }
      this.setData({ sending: true, message: '' });
      try {
        const posted = await postUpdate({
          stage: this.stage(),
          text: text.trim(),
          photos: photos.map((p) => ({ fileId: p.fileId, caption: p.caption.trim() })),
        });
        this.setData({ sending: false });
        wx.showToast({ title: '已发布', icon: 'success' });
        wx.redirectTo({ url: `/pages/progress-update/index?id=${encodeURIComponent(posted.id)}` });
      } catch (error) {
        this.setData({ sending: false, message: userMessageOf(error) });
      }
    },

    // ── stage ──
    setForm(form: StageForm) {
      this.setData({ form, formText: formTextOf(form), message: '' });
    },
    onStatus(event: Tap<{ key: MilestoneStatusName }>) {
      this.setForm({ ...this.data.form, status: event.currentTarget.dataset.key });
    },
    onDate(event: WechatMiniprogram.PickerChange & Tap<{ field: keyof StageForm }>) {
      const field = event.currentTarget.dataset.field;
      this.setForm({ ...this.data.form, [field]: String(event.detail.value) });
    },
    onClearDate(event: Tap<{ field: keyof StageForm }>) {
      this.setForm({ ...this.data.form, [event.currentTarget.dataset.field]: '' });
    },
    async onSaveStage(): Promise<void> {
      if (this.data.sending) return;
      this.setData({ sending: true, message: '' });
      try {
        await setMilestone(milestoneRequest(this.stage(), this.data.form));
        this.setData({ sending: false });
        wx.showToast({ title: '已保存', icon: 'success' });
        wx.navigateBack();
      } catch (error) {
        this.setData({ sending: false, message: userMessageOf(error) });
      }
    },

    // ── outage ──
    onElevator(event: WechatMiniprogram.Input) {
      this.setData({ elevator: event.detail.value, message: '' });
    },
    onNote(event: WechatMiniprogram.Input) {
      this.setData({ note: event.detail.value });
    },
    onOutageDate(event: WechatMiniprogram.PickerChange & Tap<{ field: 'from' | 'to' }>) {
      const field = event.currentTarget.dataset.field;
      const value = String(event.detail.value);
      this.setData({ [field]: value, [`${field}Text`]: formatDate(value), message: '' });
    },
    async onPublishOutage(): Promise<void> {
      const { elevator, from, to, note, sending } = this.data;
      if (sending) return;
      const problem = outageFormProblem(elevator, from, to);
      if (problem) {
        this.setData({ message: problem });
        return;
      }
      this.setData({ sending: true, message: '' });
      try {
        const outage = await publishOutage({
          elevator: elevator.trim(),
          from,
          to,
          note: note.trim(),
        });
        this.setData({ sending: false });
        wx.redirectTo({ url: `/pages/outage/index?id=${encodeURIComponent(outage.id)}` });
      } catch (error) {
        this.setData({ sending: false, message: userMessageOf(error) });
      }
    },
  },
});
