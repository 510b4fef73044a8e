import type {
  MapChoiceView,
  MapFloorsView,
  MapLayerName,
  MapLayoutView,
} from '../../../typings/api';
import { largeTypeBehavior } from '../../behaviors/largeType';
import { userMessageOf } from '../../services/cloud';
import { getMapFloors, getMapLegend, getMapOverview } from '../../services/cockpit';
import {
  choicesOf,
  floorRow,
  layerRequest,
  layerTitle,
  legendRows,
  LAYERS,
  nextRange,
  unitPath,
  type FloorRowView,
  type LegendRow,
} from './view';

type Status = 'loading' | 'ready' | 'error';

interface Held {
  layout: MapLayoutView;
  decisions: MapChoiceView[];
  articles: MapChoiceView[];
  /** Bumped on every layer change: answers for an older layer are dropped. */
  generation: number;
}

// Beside the page rather than in data: only the page's logic reads them, and setData stays small.
const held = new WeakMap<object, Held>();

const MANY_FLOORS = 40;

/**
 * The building map (楼栋地图): every flat as a cell on its floor, coloured by how it voted,
 * whether it paid, whether staff reached it, or whether it read a notice, with a legend of
 * counts. Floors load a range at a time from the top as the organizer scrolls, so a building of
 * 10,000 flats never comes in one setData. Tapping a flat opens its history and actions.
 */
Component({
  behaviors: [largeTypeBehavior],
  data: {
    status: 'loading' as Status,
    statusMessage: '',
    layers: LAYERS,
    layer: 'vote' as MapLayerName,
    choices: [] as string[],
    choiceIndex: 0,
    choiceId: '',
    title: '',
    legend: [] as LegendRow[],
    floors: [] as FloorRowView[],
    next: null as { from: number; to: number } | null,
    loadingMore: false,
    empty: '',
    /** Tall buildings get a "go to floor" field: scrolling a thousand floors is no way to work. */
    manyFloors: false,
    jumpFloor: '',
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      return this.loadMore();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading', statusMessage: '' });
      try {
        const overview = await getMapOverview();
        held.set(this, {
          layout: overview.layout,
          decisions: overview.decisions,
          articles: overview.articles,
          generation: 0,
        });
        this.setData({ manyFloors: overview.layout.floorCount > MANY_FLOORS });
        const layer: MapLayerName = overview.work.kind === 'vote' ? 'vote' : 'pay';
        await this.showLayer(layer, choicesOf(layer, overview).first);
        this.setData({ status: 'ready' });
      } catch (error) {
        this.setData({ status: 'error', statusMessage: userMessageOf(error) });
      }
    },

    /** Colours the map by a layer: the legend and the top floors first, the rest on scrolling. */
    async showLayer(layer: MapLayerName, choiceId: string): Promise<void> {
      const state = held.get(this);
      if (!state) return;
      const generation = (state.generation += 1);
      const { list } = choicesOf(layer, { ...state, work: { kind: 'money' } });
      const choice = list.find((c) => c.id === choiceId) ?? null;
      const request = layerRequest(layer, choiceId);
      const first = nextRange(
        state.layout.topFloor,
        state.layout.bottomFloor,
        state.layout.columns,
      );
      this.setData({
        layer,
        choiceId,
        choices: list.map((c) => (c.note ? `${c.title}（${c.note}）` : c.title)),
        choiceIndex: Math.max(0, list.indexOf(choice ?? (list[0] as MapChoiceView))),
        title: layerTitle(layer, choice, state.layout.units),
        legend: [],
        floors: [],
        next: null,
        empty: request ? '' : layer === 'vote' ? '还没有开始投票的议题' : '还没有发布公告',
      });
      if (!request || !first || state.layout.units === 0) return;
      const [legend, page] = await Promise.all([
        getMapLegend(request),
        getMapFloors(request, first.from, first.to),
      ]);
      if (generation !== state.generation) return;
      this.setData({ legend: legendRows(legend) });
      this.appendFloors(page);
    },

    /** Adds the floors of one answer by path, so each setData carries only the new rows. */
    appendFloors(page: MapFloorsView): void {
      const state = held.get(this);
      if (!state) return;
      const patch: Record<string, unknown> = {};
      const start = this.data.floors.length;
      page.floors.forEach((f, i) => {
        patch[`floors[${start + i}]`] = floorRow(f);
      });
      patch.next = nextRange(page.nextFloor, state.layout.bottomFloor, state.layout.columns);
      this.setData(patch);
    },

    async loadMore(): Promise<void> {
      const state = held.get(this);
      const next = this.data.next;
      const request = layerRequest(this.data.layer, this.data.choiceId);
      if (!state || !next || !request || this.data.loadingMore) return;
      const generation = state.generation;
      this.setData({ loadingMore: true });
      try {
        const page = await getMapFloors(request, next.from, next.to);
        if (generation === state.generation) this.appendFloors(page);
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    async onLayer(
      event: WechatMiniprogram.BaseEvent<object, { layer: MapLayerName }>,
    ): Promise<void> {
      const layer = event.currentTarget.dataset.layer;
      const state = held.get(this);
      if (!state || layer === this.data.layer) return;
      const { first } = choicesOf(layer, {
        ...state,
        work:
          this.data.layer === 'vote' && this.data.choiceId
            ? { kind: 'vote', decisionId: this.data.choiceId, title: '' }
            : { kind: 'money' },
      });
      await this.guarded(() => this.showLayer(layer, first));
    },

    async onChoice(event: WechatMiniprogram.PickerChange): Promise<void> {
      const state = held.get(this);
      if (!state) return;
      const list = this.data.layer === 'vote' ? state.decisions : state.articles;
      const choice = list[Number(event.detail.value)];
      if (!choice) return;
      await this.guarded(() => this.showLayer(this.data.layer, choice.id));
    },

    async guarded(work: () => Promise<void>): Promise<void> {
      try {
        await work();
      } catch (error) {
        wx.showToast({ title: userMessageOf(error), icon: 'none' });
      }
    },

    onMore() {
      return this.loadMore();
    },

    onJumpInput(event: WechatMiniprogram.Input) {
      this.setData({ jumpFloor: event.detail.value });
    },

    /** Shows the map from the floor typed, downwards; the legend stays as it is. */
    async onJump(): Promise<void> {
      const state = held.get(this);
      const request = layerRequest(this.data.layer, this.data.choiceId);
      const typed = Number.parseInt(this.data.jumpFloor, 10);
      if (!state || !request || !Number.isFinite(typed)) return;
      const { topFloor, bottomFloor, columns } = state.layout;
      const range = nextRange(
        Math.min(topFloor, Math.max(bottomFloor, typed)),
        bottomFloor,
        columns,
      );
      if (!range) return;
      const generation = (state.generation += 1);
      this.setData({ floors: [], next: null });
      await this.guarded(async () => {
        const page = await getMapFloors(request, range.from, range.to);
        if (generation === state.generation) this.appendFloors(page);
      });
    },

    onCell(event: WechatMiniprogram.BaseEvent<object, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      if (!id) return;
      wx.navigateTo({ url: unitPath(id, this.data.layer, this.data.choiceId) });
    },
  },
});
