import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getUnitHistory } from '../../services/cockpit';
import { logContact } from '../../services/households';
import { CONTACT_OUTCOMES } from '../../utils/households';
import { cashPath, paperPath, unitSheet, type UnitSheet } from './view';

type Status = 'loading' | 'ready' | 'error';

/**
 * One flat from the building map (房屋记录): its owners and how to reach them, each vote with
 * its channel, the money, the contacts logged and the proxies — and what staff do next: log a
 * visit in one tap (or another outcome), enter a paper ballot, record cash taken at the door.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    unitId: '',
    unitNo: '',
    decisionId: '',
    sheet: null as UnitSheet | null,
    logging: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({
        unitId: query.unitId ? decodeURIComponent(query.unitId) : '',
        decisionId: query.decisionId ? decodeURIComponent(query.decisionId) : '',
      });
      return this.load();
    },
    onShow() {
      // Back from the paper ballot or the cash desk: show what they recorded.
      if (this.data.status === 'ready') return this.load();
      return undefined;
    },
    onRetry() {
      return this.load();
    },

    async load(): Promise<void> {
      if (!this.data.sheet) this.setData({ status: 'loading', statusMessage: '' });
      try {
        const history = await getUnitHistory(this.data.unitId);
        wx.setNavigationBarTitle({ title: `${history.unitNo} 房屋记录` });
        this.setData({
          status: 'ready',
          unitNo: history.unitNo,
          sheet: unitSheet(history, this.data.decisionId),
        });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    /** The one-tap action at the door: staff saw the household. */
    onVisited() {
      return this.log('visit', true);
    },

    async onOtherOutcome(): Promise<void> {
      let tapIndex: number;
      try {
        ({ tapIndex } = await wx.showActionSheet({
          itemList: CONTACT_OUTCOMES.map((o) => o.label),
        }));
      } catch {
        return; // cancelled
      }
      const outcome = CONTACT_OUTCOMES[tapIndex];
      if (outcome) await this.log(outcome.channel, outcome.reached);
    },

    async log(channel: 'phone' | 'visit' | 'wechat', reached: boolean): Promise<void> {
      if (this.data.logging) return;
      this.setData({ logging: true });
      try {
        await logContact({ unitId: this.data.unitId, channel, reached });
        wx.showToast({ title: '已记录', icon: 'success' });
        await this.load();
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      } finally {
        this.setData({ logging: false });
      }
    },

    onCall(event: WechatMiniprogram.BaseEvent<object, { phone: string }>) {
      wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.phone });
    },

    onPaper() {
      const sheet = this.data.sheet;
      if (!sheet?.paperDecisionId) return;
      wx.navigateTo({ url: paperPath(sheet.paperDecisionId, this.data.unitNo) });
    },

    onCash() {
      wx.navigateTo({ url: cashPath(this.data.unitNo) });
    },
  },
});
