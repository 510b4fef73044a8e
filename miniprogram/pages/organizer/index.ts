import type {
  ContactChannelName,
  LastMileFilterName,
  LastMileCountsView,
} from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import {
  decideBinding,
  getImportHistory,
  getLastMile,
  importRoster,
  listBindingRequests,
  logContact,
  uploadToCloud,
} from '../../services/households';
import {
  contactRow,
  importLine,
  importPreview,
  requestRow,
  type ContactRow,
  type ImportPreview,
  type RequestRow,
} from './view';

type Status = 'loading' | 'ready' | 'error';

const FILTERS: Array<{ key: LastMileFilterName; label: string }> = [
  { key: 'unreached', label: '未联系上' },
  { key: 'overseas', label: '外地/海外' },
  { key: 'elderly', label: '高龄' },
  { key: 'needsHomeVisit', label: '需上门' },
  { key: 'all', label: '全部' },
];

const OUTCOMES: Array<{ label: string; channel: ContactChannelName; reached: boolean }> = [
  { label: '电话联系上了', channel: 'phone', reached: true },
  { label: '上门见到了', channel: 'visit', reached: true },
  { label: '微信联系上了', channel: 'wechat', reached: true },
  { label: '电话没人接', channel: 'phone', reached: false },
  { label: '上门没人在', channel: 'visit', reached: false },
];

/**
 * Organizer (换梯小组): the approvals queue, the roster import status and the last-mile tracker.
 * The one large button uploads the property office's roster: a dry run first, then confirm.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    requests: [] as RequestRow[],
    imports: [] as string[],
    filters: FILTERS,
    filter: 'unreached' as LastMileFilterName,
    counts: null as LastMileCountsView | null,
    contacts: [] as ContactRow[],
    importing: false,
    preview: null as ImportPreview | null,
    pendingFile: null as { fileId: string; fileName: string } | null,
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
        const [requests, imports, lastMile] = await Promise.all([
          listBindingRequests(),
          getImportHistory(),
          getLastMile(this.data.filter),
        ]);
        this.setData({
          status: 'ready',
          requests: requests.map(requestRow),
          imports: imports.slice(0, 3).map((i) => importLine(i, Date.now())),
          counts: lastMile.counts,
          contacts: lastMile.rows.map(contactRow),
        });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    /** The printable lobby list of invite codes. */
    onOpenInviteSheet() {
      wx.navigateTo({ url: '/pages/invite-sheet/index' });
    },

    async onApprove(event: WechatMiniprogram.BaseEvent<object, { id: string }>): Promise<void> {
      await this.decide(event.currentTarget.dataset.id, true, '');
    },

    async onReject(event: WechatMiniprogram.BaseEvent<object, { id: string }>): Promise<void> {
      const answer = await wx.showModal({
        title: '不通过',
        editable: true,
        placeholderText: '原因（申请人会看到）',
        confirmText: '不通过',
      });
      if (!answer.confirm) return;
      await this.decide(event.currentTarget.dataset.id, false, answer.content ?? '');
    },

    async decide(id: string, approve: boolean, reason: string): Promise<void> {
      try {
        await decideBinding(id, approve, reason.trim() || undefined);
        this.setData({ requests: this.data.requests.filter((r) => r.id !== id) });
        wx.showToast({ title: approve ? '已通过' : '已退回', icon: 'success' });
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },

    async onFilter(
      event: WechatMiniprogram.BaseEvent<object, { filter: LastMileFilterName }>,
    ): Promise<void> {
      const filter = event.currentTarget.dataset.filter;
      this.setData({ filter });
      try {
        const lastMile = await getLastMile(filter);
        this.setData({ counts: lastMile.counts, contacts: lastMile.rows.map(contactRow) });
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },

    async onLogContact(
      event: WechatMiniprogram.BaseEvent<object, { unit: string }>,
    ): Promise<void> {
      const unitId = event.currentTarget.dataset.unit;
      let tapIndex: number;
      try {
        ({ tapIndex } = await wx.showActionSheet({ itemList: OUTCOMES.map((o) => o.label) }));
      } catch {
        return; // cancelled
      }
      const outcome = OUTCOMES[tapIndex];
      if (!outcome) return;
      try {
        const row = contactRow(
          await logContact({ unitId, channel: outcome.channel, reached: outcome.reached }),
        );
        this.setData({
          contacts: this.data.contacts.map((c) => (c.unitId === unitId ? row : c)),
        });
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },

    /** The page's one large button: choose the roster from a chat, upload it, preview it. */
    async onImport(): Promise<void> {
      if (this.data.importing) return;
      let chosen: { path: string; name: string } | undefined;
      try {
        const picked = await wx.chooseMessageFile({
          count: 1,
          type: 'file',
          extension: ['csv', 'xlsx'],
        });
        chosen = picked.tempFiles[0];
      } catch {
        return; // cancelled
      }
      if (!chosen) return;
      this.setData({ importing: true, preview: null, pendingFile: null });
      try {
        const fileId = await uploadToCloud(`rosters/${Date.now()}-${chosen.name}`, chosen.path);
        const result = await importRoster(fileId, chosen.name, true);
        const preview = importPreview(result);
        this.setData({
          preview,
          pendingFile: preview.ok ? { fileId, fileName: chosen.name } : null,
        });
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      } finally {
        this.setData({ importing: false });
      }
    },

    async onConfirmImport(): Promise<void> {
      const file = this.data.pendingFile;
      if (!file || this.data.importing) return;
      this.setData({ importing: true });
      try {
        const result = await importRoster(file.fileId, file.fileName, false);
        this.setData({ preview: importPreview(result), pendingFile: null });
        await this.load();
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      } finally {
        this.setData({ importing: false });
      }
    },
  },
});
