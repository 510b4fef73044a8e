import type { CockpitLastMileRequest } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { ApiError, userMessageOf } from '../../services/cloud';
import { getWorkLastMile } from '../../services/cockpit';
import {
  decideBinding,
  getImportHistory,
  getMyHousehold,
  importRoster,
  listBindingRequests,
  logContact,
  uploadToCloud,
} from '../../services/households';
import { CONTACT_OUTCOMES } from '../../utils/households';
import {
  chaseRow,
  importLine,
  importPreview,
  requestRow,
  workLine,
  type ChaseRow,
  type ImportPreview,
  type RequestRow,
} from './view';

type Status = 'loading' | 'ready' | 'error';

function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'FORBIDDEN';
}

/** The work the last mile walks (set by the first page): the next pages ask for the same. */
const workOf = new WeakMap<object, NonNullable<CockpitLastMileRequest['work']>>();

/**
 * Organizer (换梯小组): the building map, the last mile of the work at hand (an open vote's
 * owners who have not voted, else the flats that have not paid), the approvals queue and the
 * roster import status. The one large button uploads the property office's roster: a dry run
 * first, then confirm.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    /** The organizer's own desk (approvals, roster import); false for staff. */
    desk: true,
    requests: [] as RequestRow[],
    imports: [] as string[],
    work: '',
    chase: [] as ChaseRow[],
    nextAfter: '',
    loadingMore: false,
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
        const [requests, imports, lastMile, me] = await Promise.allSettled([
          listBindingRequests(),
          getImportHistory(),
          getWorkLastMile({}),
          getMyHousehold(),
        ]);
        if (lastMile.status === 'rejected') throw lastMile.reason;
        // Staff walk the last mile but neither approve bindings nor import rosters: for them
        // those parts are refused, and the page shows the map and the last mile only.
        for (const part of [requests, imports]) {
          if (part.status === 'rejected' && !isForbidden(part.reason)) throw part.reason;
        }
        const page = lastMile.value;
        workOf.set(
          this,
          page.work.kind === 'vote'
            ? { kind: 'vote', decisionId: page.work.decisionId }
            : { kind: 'money' },
        );
        this.setData({
          status: 'ready',
          desk: requests.status === 'fulfilled' && imports.status === 'fulfilled',
          requests: requests.status === 'fulfilled' ? requests.value.map(requestRow) : [],
          imports:
            imports.status === 'fulfilled'
              ? imports.value.slice(0, 3).map((i) => importLine(i, Date.now()))
              : [],
          work: workLine(page),
          chase: page.rows.map(chaseRow),
          nextAfter: page.nextAfter ?? '',
          // The contact list carries phone numbers: admins only (the function checks it again).
          canExportContacts: me.status === 'fulfilled' && me.value.roles.includes('admin'),
        });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    onOpenMap() {
      wx.navigateTo({ url: '/pages/building-map/index' });
    },

    /** The next page of the last mile, appended by path so setData carries only the new rows. */
    async onMoreChase(): Promise<void> {
      const work = workOf.get(this);
      if (!work || !this.data.nextAfter || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      try {
        const page = await getWorkLastMile({ work, after: this.data.nextAfter });
        const patch: Record<string, unknown> = {
          nextAfter: page.nextAfter ?? '',
          work: workLine(page),
        };
        const start = this.data.chase.length;
        page.rows.forEach((r, i) => {
          patch[`chase[${start + i}]`] = chaseRow(r);
        });
        this.setData(patch);
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    onCall(event: WechatMiniprogram.BaseEvent<object, { phone: string }>) {
      wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.phone });
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

    /** One tap at the door: staff saw the household. */
    async onVisited(event: WechatMiniprogram.BaseEvent<object, { unit: string }>): Promise<void> {
      await this.logOutcome(event.currentTarget.dataset.unit, 'visit', true);
    },

    async onLogContact(
      event: WechatMiniprogram.BaseEvent<object, { unit: string }>,
    ): Promise<void> {
      const unitId = event.currentTarget.dataset.unit;
      let tapIndex: number;
      try {
        ({ tapIndex } = await wx.showActionSheet({
          itemList: CONTACT_OUTCOMES.map((o) => o.label),
        }));
      } catch {
        return; // cancelled
      }
      const outcome = CONTACT_OUTCOMES[tapIndex];
      if (outcome) await this.logOutcome(unitId, outcome.channel, outcome.reached);
    },

    async logOutcome(
      unitId: string,
      channel: 'phone' | 'visit' | 'wechat',
      reached: boolean,
    ): Promise<void> {
      try {
        const row = await logContact({ unitId, channel, reached });
        const index = this.data.chase.findIndex((c) => c.unitId === unitId);
        const before = this.data.chase[index];
        if (before) {
          // The work's status stays until the vote or payment comes in; the contact is new.
          this.setData({
            [`chase[${index}]`]: {
              ...chaseRow({ contact: row, status: '', statusLabel: before.statusLabel }),
              phone: before.phone,
            },
          });
        }
        wx.showToast({ title: '已记录', icon: 'success' });
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
