import type {
  ChoiceView,
  StaffChannelName,
  UnitBallotStatusView,
  WitnessView,
} from '../../../typings/api';
import {
  CHANNEL_OPTIONS,
  channelOption,
  isCancel,
  missingFields,
  missingMessage,
  paperConfirmation,
  unitLine,
} from './view';
import { findUnit } from './lookup';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import {
  enterPaperBallot,
  getDecision,
  getUnitStatus,
  getUnitStatusById,
  listWitnesses,
} from '../../services/decisions';
import { uploadToCloud } from '../../services/storage';
import { formatDateTime } from '../../utils/format';

type Status = 'loading' | 'ready' | 'error' | 'empty';

function extensionOf(path: string, fallback: string): string {
  const m = /\.([a-z0-9]{2,4})$/i.exec(path);
  return m ? (m[1] ?? fallback).toLowerCase() : fallback;
}

/**
 * Staff enter a ballot they took for an owner (elderly owners without smartphones, owners abroad):
 * find the room, see whether it has voted, pick how the vote was given (signed paper form, at the
 * owners' meeting, by video call, door to door), the choice, who gave it, and attach that way's
 * evidence — for video and visits also the second staff member. The building map opens it with
 * `?decisionId=…&unit=…` to prefill the flat.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    id: '',
    title: '',
    choices: [] as ChoiceView[],
    channels: CHANNEL_OPTIONS,
    channel: 'paper' as StaffChannelName,
    option: channelOption('paper'),
    unitNo: '',
    unit: null as UnitBallotStatusView | null,
    unitLine: '',
    choice: '',
    signedBy: 'owner' as 'owner' | 'proxy',
    evidenceFileId: '',
    /** The meeting's sign-in sheet covers many flats: kept for the next flat. */
    sheetFileId: '',
    witnesses: [] as WitnessView[],
    witnessLabels: [] as string[],
    witness: null as WitnessView | null,
    uploading: false,
    sending: false,
    message: '',
    done: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = query.decisionId ?? query.id;
      const unit = query.unit ? decodeURIComponent(query.unit).trim() : '';
      this.setData({ id: id ? decodeURIComponent(id) : '', unitNo: unit });
      return this.load(unit);
    },
    onRetry() {
      return this.load('');
    },
    async load(unit: string): Promise<void> {
      try {
        const d = await getDecision(this.data.id);
        if (!d.votingOpen) {
          this.setData({ status: 'empty', statusMessage: '这个议题现在不在投票期' });
          return;
        }
        this.setData({ status: 'ready', title: d.title, choices: d.choices });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
        return;
      }
      if (unit) await this.findUnit(unit, true);
    },
    onUnitInput(event: WechatMiniprogram.Input) {
      this.setData({ unitNo: event.detail.value.trim(), unit: null, unitLine: '', done: '' });
    },
    onFindUnit(): Promise<void> | undefined {
      return this.data.unitNo ? this.findUnit(this.data.unitNo, false) : undefined;
    },
    /** By room number as written; a link from the map may name the unit's id instead. */
    async findUnit(unitNo: string, maybeId: boolean): Promise<void> {
      try {
        let unit: UnitBallotStatusView;
        // As written ("5-4", "5楼4室"): every reading is asked, the building says which exist.
        const found = await findUnit(unitNo, (reading) =>
          getUnitStatus(this.data.id, reading).catch((error: unknown) => {
            if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
            throw error;
          }),
        );
        if (found.ok) unit = found.unit;
        else if (maybeId) unit = await getUnitStatusById(this.data.id, unitNo);
        else {
          this.setData({ unit: null, unitLine: '', message: found.message });
          return;
        }
        this.setData({
          unit,
          unitNo: unit.unitNo,
          unitLine: unitLine(unit, formatDateTime(unit.castAt ?? '')),
          message: '',
        });
      } catch (error) {
        this.setData({ unit: null, unitLine: '', message: userMessageOf(error) });
      }
    },
    async onChannel(
      event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: StaffChannelName }>,
    ): Promise<void> {
      const channel = event.currentTarget.dataset.key;
      const option = channelOption(channel);
      this.setData({
        channel,
        option,
        evidenceFileId: channel === 'meeting' ? this.data.sheetFileId : '',
        witness: null,
        message: '',
      });
      if (option.witness && this.data.witnesses.length === 0) await this.loadWitnesses();
    },
    async loadWitnesses(): Promise<void> {
      try {
        const witnesses = await listWitnesses();
        this.setData({
          witnesses,
          witnessLabels: witnesses.map((w) => w.label),
          message: witnesses.length ? '' : '没有其他工作人员可以选择，请联系换梯小组添加',
        });
      } catch (error) {
        this.setData({ message: userMessageOf(error) });
      }
    },
    onWitness(event: WechatMiniprogram.PickerChange) {
      const witness = this.data.witnesses[Number(event.detail.value)] ?? null;
      this.setData({ witness, message: '' });
    },
    onChoose(event: WechatMiniprogram.BaseEvent<Record<string, never>, { key: string }>) {
      this.setData({ choice: event.currentTarget.dataset.key, message: '' });
    },
    onSignedBy(event: WechatMiniprogram.RadioGroupChange) {
      this.setData({ signedBy: event.detail.value === 'proxy' ? 'proxy' : 'owner' });
    },
    async onEvidence(): Promise<void> {
      const { unit, channel, id } = this.data;
      if (!unit) return;
      let path: string;
      try {
        const picked = await wx.chooseMedia({
          count: 1,
          mediaType: channel === 'video' ? ['image', 'video'] : ['image'],
          sourceType: channel === 'video' ? ['album', 'camera'] : ['camera', 'album'],
        });
        const file = picked.tempFiles[0];
        if (!file) return;
        path = file.tempFilePath;
      } catch (error) {
        // Closing the camera is a change of mind, not a failure.
        if (isCancel(error)) return;
        this.setData({ message: '没有拿到照片，请检查相机权限后重试' });
        return;
      }
      const name = channel === 'meeting' ? 'meeting-sheet' : unit.unitId;
      const ext = extensionOf(path, 'jpg');
      this.setData({ uploading: true });
      try {
        const fileId = await uploadToCloud(`ballots/${id}/${name}-${Date.now()}.${ext}`, path);
        this.setData({
          evidenceFileId: fileId,
          ...(channel === 'meeting' ? { sheetFileId: fileId } : {}),
          message: '',
        });
      } catch (error) {
        console.error('staff ballot: evidence', error);
        this.setData({ message: `${channelOption(channel).evidence}上传失败，请重试` });
      } finally {
        this.setData({ uploading: false });
      }
    },
    async onSubmit(): Promise<void> {
      const { unit, choice, evidenceFileId, signedBy, channel, witness } = this.data;
      const missing = missingFields({ unit, choice, channel, evidenceFileId, witness });
      if (missing.length || !unit) {
        this.setData({ message: missingMessage(missing) });
        return;
      }
      const label = this.data.choices.find((c) => c.key === choice)?.label ?? choice;
      const answer = await wx.showModal({
        title: '确认录入？',
        content: paperConfirmation(unit, label, signedBy, channel, witness?.label ?? null),
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
          photoFileId: evidenceFileId,
          signedBy,
          ...(channel === 'paper' ? {} : { channel }),
          ...(witness ? { witness: witness.openid } : {}),
        });
        this.setData({
          sending: false,
          done: `已录入 ${receipt.unitNos.join('、')}：${receipt.choiceLabel}，回执 ${receipt.receiptShort}`,
          unit: null,
          unitLine: '',
          unitNo: '',
          choice: '',
          evidenceFileId: channel === 'meeting' ? this.data.sheetFileId : '',
        });
      } catch (error) {
        this.setData({ sending: false, message: userMessageOf(error) });
      }
    },
  },
});
