import type { AreaCard, NoticeView } from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import type { AreaCardOpenDetail } from '../../components/area-card/index';
import { ApiError, userMessageOf } from '../../services/cloud';
import { getBuildingSummary } from '../../services/households';
import { setLargeType } from '../../utils/largeType';
import { openPath } from '../../utils/navigation';
import type { BuildingFact } from './view';
import { toHomeView } from './view';

type HomeStatus = 'loading' | 'ready' | 'error' | 'empty';

/** Home (首页): the building at a glance, its latest notice and a card per area of the product. */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as HomeStatus,
    statusMessage: '',
    name: '',
    address: '',
    facts: [] as BuildingFact[],
    ownership: '',
    notice: null as NoticeView | null,
    areas: [] as AreaCard[],
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

    onLargeTypeChange(event: WechatMiniprogram.SwitchChange) {
      // The behavior's listener updates data.largeType on this and every other open page.
      setLargeType(event.detail.value);
    },

    onOpenArticles() {
      openPath('/pages/articles/index');
    },

    onOpenArea(event: WechatMiniprogram.CustomEvent<AreaCardOpenDetail>) {
      if (event.detail.path) openPath(event.detail.path);
    },

    /** Never rejects: every failure ends in the error or empty state. */
    async load(): Promise<void> {
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const view = toHomeView(await getBuildingSummary());
        this.setData({ status: 'ready', ...view });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NOT_FOUND') {
          this.setData({ status: 'empty', statusMessage: '楼栋信息还没有录入，请联系换梯小组。' });
        } else {
          console.error('home: load failed', error);
          this.setData({ status: 'error', statusMessage: userMessageOf(error) });
        }
      }
    },
  },
});
