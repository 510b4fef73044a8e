import type {
  MapFloorsView,
  MapLegendView,
  MapOverviewView,
  UnitHistoryView,
} from '../../../typings/api';
import {
  choicesOf,
  floorRow,
  floorsPerRange,
  layerTitle,
  legendRows,
  nextRange,
  statusClass,
  unitPath,
} from '../../../miniprogram/pages/building-map/view';
import { cashPath, paperPath, unitSheet } from '../../../miniprogram/pages/map-unit/view';
import {
  answer,
  callMethod,
  cloudCalls,
  flush,
  mount,
  ok,
  resetWx,
  settle,
  textOf,
  type Rendered,
} from '../harness';
import { aContact } from './households-fixtures';
import { asReadToday } from '../dates';

beforeEach(resetWx);

const overview: MapOverviewView = {
  layout: { topFloor: 24, bottomFloor: 2, floorCount: 23, units: 138, columns: 6 },
  decisions: [
    { id: 'd-outage', title: '施工期间停梯安排', note: '投票中' },
    { id: 'd-plan', title: '电梯更换方案表决', note: '已公布结果' },
  ],
  articles: [{ id: 'notice-1', title: '换梯费用分摊及缴款通知', note: '11月16日发布' }],
  work: { kind: 'vote', decisionId: 'd-outage', title: '施工期间停梯安排' },
};

function floors(from: number, to: number, status = 'online'): MapFloorsView {
  const out: MapFloorsView = { floors: [], nextFloor: to - 1 };
  for (let f = from; f >= to; f -= 1) {
    out.floors.push({
      floor: f,
      cells: [1, 2, 4].map((col) => [`u${f}-0${col}`, `${f}-0${col}`, col, status]),
    });
  }
  return out;
}

function legend(layer: MapLegendView['layer']): MapLegendView {
  return layer === 'vote'
    ? {
        layer,
        units: 138,
        entries: [
          { status: 'online', label: '在线投票', count: 89 },
          { status: 'meeting', label: '现场投票', count: 2 },
          { status: 'notYet', label: '还没投', count: 1234 },
        ],
      }
    : { layer, units: 138, entries: [{ status: 'paid', label: '已缴清', count: 85 }] };
}

describe('building map view', () => {
  it('keeps a gap where a floor skips a room, and shows the room part of the number', () => {
    const row = floorRow({
      floor: 12,
      cells: [
        ['u12-01', '12-01', 1, 'online'],
        ['u12-04', '12-04', 4, 'meeting'],
      ],
    });
    expect(row.label).toBe('12层');
    expect(row.cells.map((c) => [c.id, c.room, c.cls])).toEqual([
      ['u12-01', '01', 's-online'],
      ['', '', 'gap'],
      ['', '', 'gap'],
      ['u12-04', '04', 's-staff'],
    ]);
  });

  it('colours a channel it does not know like the other staff channels', () => {
    expect(statusClass('video')).toBe('s-staff');
    expect(statusClass('cashPending')).toBe('s-cashPending');
  });

  it('asks for fewer floors at once on wide floors, and stops at the bottom floor', () => {
    expect(floorsPerRange(6)).toBe(20);
    expect(floorsPerRange(40)).toBe(5);
    expect(floorsPerRange(500)).toBe(1);
    expect(nextRange(24, 2, 6)).toEqual({ from: 24, to: 5 });
    expect(nextRange(4, 2, 6)).toEqual({ from: 4, to: 2 });
    expect(nextRange(1, 2, 6)).toBeNull();
  });

  it('words the legend with thousands separators and titles each layer', () => {
    expect(legendRows(legend('vote')).map((r) => r.text)).toEqual([
      '在线投票 89 户',
      '现场投票 2 户',
      '还没投 1,234 户',
    ]);
    expect(layerTitle('vote', overview.decisions[0] ?? null, 10_000)).toBe(
      '「施工期间停梯安排」投票情况 · 全楼 10,000 户',
    );
    expect(layerTitle('read', null, 138)).toBe('还没有发布公告');
    expect(choicesOf('vote', overview).first).toBe('d-outage');
    expect(choicesOf('read', overview).first).toBe('notice-1');
    expect(choicesOf('pay', overview)).toEqual({ list: [], first: '' });
    expect(unitPath('u5-02', 'vote', 'd-outage')).toBe(
      '/pages/map-unit/index?unitId=u5-02&decisionId=d-outage',
    );
    expect(unitPath('u5-02', 'pay', 'd-outage')).toBe('/pages/map-unit/index?unitId=u5-02');
  });
});

function answerMap(): void {
  answer('cockpit', 'overview', ok(overview));
  answer('cockpit', 'mapLegend', (request) =>
    ok(legend((request.layer as { layer: MapLegendView['layer'] }).layer)),
  );
  answer('cockpit', 'mapFloors', (request) =>
    ok(
      floors(
        Number(request.fromFloor),
        Number(request.toFloor),
        (request.layer as { layer: string }).layer === 'pay' ? 'unpaid' : 'online',
      ),
    ),
  );
}

async function openMap(): Promise<Rendered> {
  const page = mount('pages/building-map/index');
  await callMethod(page, 'onLoad', {});
  await settle();
  return page;
}

describe('building map page', () => {
  it('opens on the work at hand: the open vote, its legend and the top floors', async () => {
    answerMap();
    const page = await openMap();
    expect(textOf(page.querySelector('.map-title'))).toBe(
      '「施工期间停梯安排」投票情况 · 全楼 138 户',
    );
    expect(page.querySelectorAll('.legend-text').map((l) => textOf(l))).toEqual([
      '在线投票 89 户',
      '现场投票 2 户',
      '还没投 1,234 户',
    ]);
    const requested = cloudCalls().filter((c) => c.data.action === 'mapFloors');
    expect(requested.map((c) => c.data)).toEqual([
      {
        action: 'mapFloors',
        layer: { layer: 'vote', decisionId: 'd-outage' },
        fromFloor: 24,
        toFloor: 5,
      },
    ]);
    expect(page.querySelectorAll('.floor')).toHaveLength(20);
    expect(page.querySelectorAll('.floor-label').map((l) => textOf(l))[0]).toBe('24层');
    expect(textOf(page.querySelector('.more'))).toBe('再看 4–2 层');
  });

  it('loads the lower floors on scrolling, adding only the new rows', async () => {
    answerMap();
    const page = await openMap();
    const patches: string[][] = [];
    const original = page.instance.setData.bind(page.instance);
    page.instance.setData = (patch: Record<string, unknown>, callback?: () => void) => {
      patches.push(Object.keys(patch));
      original(patch, callback);
    };
    await callMethod(page, 'onReachBottom');
    await settle();
    expect(page.querySelectorAll('.floor')).toHaveLength(23);
    expect(patches).toContainEqual(['floors[20]', 'floors[21]', 'floors[22]', 'next']);
    expect(page.querySelector('.more')).toBeUndefined();
    expect(textOf(page.querySelector('.bottom'))).toContain('已到最低层');
  });

  it('switches layers and recolours from the top', async () => {
    answerMap();
    const page = await openMap();
    page.querySelectorAll('.layer')[1]?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().at(-1)?.data).toMatchObject({ layer: { layer: 'pay' }, fromFloor: 24 });
    expect(textOf(page.querySelector('.map-title'))).toBe('换梯费用缴纳情况 · 全楼 138 户');
    expect(page.querySelectorAll('.legend-text').map((l) => textOf(l))).toEqual(['已缴清 85 户']);
    expect(page.querySelectorAll('.floor')).toHaveLength(20);
    expect(page.querySelector('.cell')?.dom?.className).toContain('s-unpaid');
    // The notices' layer asks about the newest notice.
    page.querySelectorAll('.layer')[3]?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().at(-1)?.data).toMatchObject({
      layer: { layer: 'read', articleId: 'notice-1' },
    });
  });

  it('in a tall building, goes to the floor typed instead of scrolling a thousand floors', async () => {
    answerMap();
    answer(
      'cockpit',
      'overview',
      ok({
        ...overview,
        layout: { topFloor: 1668, bottomFloor: 2, floorCount: 1667, units: 10_000, columns: 6 },
      }),
    );
    const page = await openMap();
    expect(page.querySelectorAll('.floor-label').map((l) => textOf(l))[0]).toBe('1668层');
    await callMethod(page, 'onJumpInput', { detail: { value: '500' } });
    page.querySelector('.jump-go')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().at(-1)?.data).toMatchObject({ fromFloor: 500, toFloor: 481 });
    expect(page.querySelectorAll('.floor')).toHaveLength(20);
    expect(page.querySelectorAll('.floor-label').map((l) => textOf(l))[0]).toBe('500层');
    expect(textOf(page.querySelector('.more'))).toBe('再看 480–461 层');
  });

  it('has no floor field in an ordinary tower', async () => {
    answerMap();
    const page = await openMap();
    expect(page.querySelector('.jump')).toBeUndefined();
  });

  it('opens the flat tapped, with the decision shown', async () => {
    answerMap();
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await openMap();
    page.querySelectorAll('.cell')[1]?.dispatchEvent('tap');
    await flush();
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/map-unit/index?unitId=u24-02&decisionId=d-outage' }),
    );
    // A gap is no flat: tapping it opens nothing.
    navigate.mockClear();
    page.querySelectorAll('.cell')[2]?.dispatchEvent('tap');
    await flush();
    expect(navigate).not.toHaveBeenCalled();
    navigate.mockRestore();
  });
});

const history: UnitHistoryView = {
  unitId: 'u9-04',
  unitNo: '9-04',
  floor: 9,
  contact: aContact({
    owners: [
      {
        name: '方永康',
        phone: '13900001111',
        elderly: false,
        noSmartphone: false,
        overseas: true,
        livesIn: '悉尼',
      },
    ],
  }),
  votes: [
    { decisionId: 'd-plan', decisionTitle: '电梯更换方案表决', open: false, ballot: null },
    {
      decisionId: 'd-outage',
      decisionTitle: '施工期间停梯安排',
      open: true,
      ballot: null,
    },
    {
      decisionId: 'd-fund',
      decisionTitle: '续筹专项维修资金',
      open: true,
      ballot: {
        decisionId: 'd-fund',
        decisionTitle: '续筹专项维修资金',
        channel: 'meeting',
        channelLabel: '现场投票',
        voice: 'owner',
        castAt: '2026-12-01T10:05:00+08:00',
        coveredUnitNos: ['9-05'],
      },
    },
  ],
  money: {
    standing: {
      unitId: 'u9-04',
      unitNo: '9-04',
      ownerMasked: '方**',
      chargedFen: 1234567,
      paidFen: 34567,
      leftFen: 1200000,
      pendingCashFen: 0,
      status: 'partly',
      statusLabel: '部分缴纳',
    },
    entries: [],
  },
  contacts: [
    {
      channel: 'phone',
      reached: false,
      note: '时差，电话无人接听',
      byLabel: '田玉珍（社区工作者）',
      at: '2026-11-25T10:00:00+08:00',
    },
  ],
  proxies: [
    { proxyName: '方小雨', scopeLabel: '投票和缴款', stateLabel: '有效', validUntil: '2027-06-30' },
  ],
};

describe('unit sheet', () => {
  it('reads the history as staff need it at the door', () => {
    const sheet = unitSheet(history, 'd-outage');
    expect(sheet.title).toBe('9-04（9层）');
    expect(sheet.owners).toBe('方永康（悉尼）');
    expect(sheet.phones).toEqual([{ name: '方永康', phone: '13900001111' }]);
    expect(sheet.contactLine).toBe('未联系上 · 电话 1 次 · 11月25日 10:00 · 时差，电话无人接听');
    expect(sheet.votes.map((v) => v.line)).toEqual([
      '没有投票',
      '还没投',
      '现场投票 · 12月1日 10:05 · 同时代表 9-05',
    ]);
    expect(sheet.moneyLine).toBe('部分缴纳 · 应缴 ¥12,345.67，还差 ¥12,000.00');
    expect(sheet.owes).toBe(true);
    expect(sheet.paperDecisionId).toBe('d-outage');
    expect(sheet.proxies).toEqual([asReadToday('方小雨 · 投票和缴款 · 有效 · 至 2027年6月30日')]);
    expect(paperPath('d-outage', '9-04')).toBe(
      '/pages/decision-paper/index?id=d-outage&decisionId=d-outage&unit=9-04',
    );
    expect(cashPath('9-04')).toBe('/pages/cash-desk/index?unit=9-04');
  });
});

describe('unit page', () => {
  async function openUnit(): Promise<Rendered> {
    const page = mount('pages/map-unit/index');
    await callMethod(page, 'onLoad', { unitId: 'u9-04', decisionId: 'd-outage' });
    await settle();
    return page;
  }

  it('logs a visit in one tap and shows the history again', async () => {
    answer('cockpit', 'unitHistory', ok(history));
    answer('households', 'logContact', ok({ row: aContact({ reached: true }) }));
    const page = await openUnit();
    expect(textOf(page.querySelector('.unit-title'))).toBe('9-04（9层）');
    page.querySelector('.visited')?.dispatchEvent('tap');
    await settle();
    const calls = cloudCalls().map((c) => c.data.action);
    expect(calls).toEqual(['unitHistory', 'logContact', 'unitHistory']);
    expect(cloudCalls()[1]?.data).toEqual({
      action: 'logContact',
      unitId: 'u9-04',
      channel: 'visit',
      reached: true,
    });
  });

  it('enters a paper ballot and records cash on the pages that do it, the flat filled in', async () => {
    answer('cockpit', 'unitHistory', ok(history));
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await openUnit();
    expect(textOf(page.querySelector('.paper'))).toBe('录入表决票：施工期间停梯安排');
    page.querySelector('.paper')?.dispatchEvent('tap');
    page.querySelector('.cash')?.dispatchEvent('tap');
    await flush();
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      '/pages/decision-paper/index?id=d-outage&decisionId=d-outage&unit=9-04',
      '/pages/cash-desk/index?unit=9-04',
    ]);
    navigate.mockRestore();
  });

  it('offers no paper ballot or cash when the flat voted and paid', async () => {
    const done: UnitHistoryView = {
      ...history,
      votes: [history.votes[2] as UnitHistoryView['votes'][number]],
      money: {
        ...history.money,
        standing: { ...history.money.standing, leftFen: 0, status: 'paid', statusLabel: '已缴清' },
      },
    };
    answer('cockpit', 'unitHistory', ok(done));
    const page = await openUnit();
    expect(page.querySelector('.paper')).toBeUndefined();
    expect(page.querySelector('.cash')).toBeUndefined();
    expect(page.querySelector('.visited')).toBeDefined();
  });
});
