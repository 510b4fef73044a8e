import type { ChoiceView, UnitBallotStatusView } from '../../../typings/api';
import { findUnit } from './lookup';
import { paperConfirmation } from './view';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { enterPaperBallot, getDecision, getUnitStatus } from '../../services/decisions';
import { uploadToCloud } from '../../services/storage';
import { formatDateTime } from '../../utils/format';

type Status = 'loading' | 'ready' | 'error' | 'empty';

/**
 * Staff enter a signed paper ballot (elderly owners without smartphones): find the room, see
 * whether it has voted, pick the choice on the form, who signed it, take a photo of the form.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    title: '',
    choices: [] as ChoiceView[],
    unitNo: '',
    unit: null as UnitBallotStatusView | null,
    unitLine: '',
    choice: '',
    signedBy: 'owner' as 'owner' | 'proxy',
    photoFileId: '',
    sending: false,
    message: '',
    done: '',
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
      try {
        const d = await getDecision(this.data.id);
        if (!d.votingOpen) {
          this.setData({ status: 'empty', statusMessage: '这个议题现在不在投票期' });
          return;
        }
        this.setData({ status: 'ready', title: d.title, choices: d.choices });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },
    onUnitInput(event: WechatMiniprogram.Input) {
      this.setData({ unitNo: event.detail.value.trim(), unit: null, unitLine: '', done: '' });
    },
    async onFindUnit(): Promise<void> {
      if (!this.data.unitNo) return;
      try {
        const found = await findUnit(this.data.unitNo, (unitNo) =>
          getUnitStatus(this.data.id, unitNo).catch((error: unknown) => {
            if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
            throw error;
          }),
        );
        if (!found.ok) {
          this.setData({ unit: null, unitLine: '', message: found.message });
          return;
        }
        const unit = found.unit;
        const units = unit.coveredUnitNos.join('、');
        const line = unit.voted
          ? `${units} 已于 ${formatDateTime(unit.castAt ?? '')} 由${unit.voice === 'owner' ? '业主本人' : '代理人'}${unit.channel === 'paper' ? '纸质' : '线上'}投票；再次录入将以此票为准`
          : `${units} 尚未投票`;
        this.setData({ unit, unitLine: line, message: '' });
      } catch (error) {
        this.setData({ unit: null, unitLine: '', message: userMessageOf(error) });
      }
    },
    onChoose(event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      this.setData({ choice: event.currentTarget.dataset.key });
    },
    onSignedBy(event: WechatMiniprogram.RadioGroupChange) {
      this.setData({ signedBy: event.detail.value === 'proxy' ? 'proxy' : 'owner' });
    },
    async onPhoto(): Promise<void> {
      try {
        const picked = await wx.chooseMedia({
          count: 1,
          mediaType: ['image'],
          sourceType: ['camera', 'album'],
        });
        const file = picked.tempFiles[0];
        if (!file || !this.data.unit) return;
        const photoFileId = await uploadToCloud(
          `ballots/${this.data.id}/${this.data.unit.unitId}-${Date.now()}.jpg`,
          file.tempFilePath,
        );
        this.setData({ photoFileId, message: '' });
      } catch (error) {
        this.setData({ message: '照片上传失败，请重试' });
        console.error('paper ballot: photo', error);
      }
    },
    async onSubmit(): Promise<void> {
      const { unit, choice, photoFileId, signedBy } = this.data;
      if (!unit || !choice || !photoFileId) {
        this.setData({ message: '请填写房号、选择表决意见并拍摄签字表决票' });
        return;
      }
      const label = this.data.choices.find((c) => c.key === choice)?.label ?? choice;
      const answer = await wx.showModal({
        title: '确认录入？',
        content: paperConfirmation(unit, label, signedBy),
        confirmText: '确认录入',
        cancelText: '再核对',
      });
      if (!answer.confirm) return;
      this.setData({ sending: true, message: '' });
      try {
        const receipt = await enterPaperBallot({
          decisionId: this.data.id,
          unitId: unit.unitId,
          choice,
          photoFileId,
          signedBy,
        });
        this.setData({
          sending: false,
          done: `已录入 ${receipt.unitNos.join('、')}：${receipt.choiceLabel}，回执 ${receipt.receiptShort}`,
          unit: null,
          unitLine: '',
          unitNo: '',
          choice: '',
          photoFileId: '',
        });
      } catch (error) {
        this.setData({ sending: false, message: userMessageOf(error) });
      }
    },
  },
});
