import snapshotPlugin from 'miniprogram-simulate/jest-snapshot-plugin';
import fs from 'node:fs';
import path from 'node:path';
import type { OpenVoteView } from '../../../typings/api';
import { summarizeBuilding } from '../../../core/building/summary';
import { aSummary, anArea } from '../fixtures';
import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  MINIPROGRAM_ROOT,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { asReadToday } from '../dates';
import { pageList } from '../../../preview/compile/graph';

expect.addSnapshotSerializer(snapshotPlugin);

beforeEach(resetWx);

/** Attaches the page and runs onLoad to the end, as WeChat would on opening it. */
async function openHome(): Promise<Rendered> {
  const page = mount('pages/home/index');
  await callMethod(page, 'onLoad', {});
  return page;
}

describe('home page', () => {
  it('shows the building, the latest notice and one card per area', async () => {
    // The snapshot holds dates, which read differently in another year: the clock stands still.
    const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-07T10:00:00+08:00'));
    const summary = aSummary();
    answer('households', 'summary', ok(summary));

    const page = await openHome();

    expect(page.data.status).toBe('ready');
    expect(textOf(page.querySelector('.building-name'))).toBe('慈爱鑫和公寓');
    expect(textOf(page.querySelector('.building-address'))).toBe('上海市普陀区曹家渡');
    // Each fact is a value over its label.
    const facts = page
      .querySelectorAll('.fact')
      .map((fact) => Array.from(fact.dom?.children ?? [], (line) => line.textContent).join(' / '));
    expect(facts).toEqual(['2000 年 / 建成', '24 层 / 楼层', '138 户 / 住户', '2 部 / 电梯']);
    // Two parts, each kept whole at large type: "1.23 万 m²" never splits from its label.
    expect(page.querySelectorAll('.ownership-part').map((p) => textOf(p))).toEqual([
      '业主 136 位',
      '专有面积合计 1.23 万 m²',
    ]);
    const notice = page.querySelector('.notice');
    expect(textOf(notice?.querySelector('.title'))).toBe('电梯更新方案公示');
    expect(textOf(notice?.querySelector('.date'))).toBe(asReadToday('2026年11月29日'));
    const cards = page.querySelectorAll('.area');
    expect(cards).toHaveLength(summary.areas.length);
    expect(cards.map((card) => textOf(card.querySelector('.title')))).toEqual([
      '议事',
      '筹款',
      '进度',
    ]);
    expect(page.toJSON()).toMatchSnapshot();
    clock.mockRestore();
  });

  it('says so when there is no notice or no area yet', async () => {
    answer('households', 'summary', ok(aSummary({ latestNotice: null, areas: [] })));

    const page = await openHome();

    expect(page.querySelector('.notice')).toBeUndefined();
    expect(textOf(page.querySelector('.no-notice'))).toBe('暂时没有公告');
    expect(page.querySelectorAll('.area')).toHaveLength(0);
    expect(textOf(page.querySelector('.no-areas'))).toBe('暂时没有更多内容');
  });

  it('shows loading until the summary arrives', async () => {
    let release: (value: unknown) => void = () => undefined;
    answer('households', 'summary', () => new Promise((resolve) => (release = resolve)));

    const page = mount('pages/home/index');
    const loading = callMethod(page, 'onLoad', {});
    await flush();
    expect(page.data.status).toBe('loading');
    expect(textOf(page.querySelector('#status'))).toBe('正在加载…');

    release(ok(aSummary()));
    await loading;
    expect(page.data.status).toBe('ready');
    expect(page.querySelector('#status')).toBeUndefined();
  });

  it('shows the error with a retry button, and retrying loads the page', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    answer('households', 'summary', () => {
      throw { errMsg: 'cloud.callFunction:fail request:fail timeout' };
    });
    const page = await openHome();

    expect(page.data.status).toBe('error');
    const status = page.querySelector('#status');
    expect(textOf(status)).toContain('网络连接失败，请检查网络后重试');
    expect(page.querySelector('.building-name')).toBeUndefined();

    answer('households', 'summary', ok(aSummary({ name: '重试后的楼' })));
    status?.querySelector('.retry')?.dispatchEvent('tap');
    // The tap, the reload and the stubbed cloud all run on microtasks: one turn drains them.
    await flush();

    expect(cloudCalls().filter((c) => c.data.action === 'summary')).toHaveLength(2);
    expect(page.data.status).toBe('ready');
    expect(textOf(page.querySelector('.building-name'))).toBe('重试后的楼');
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('shows the empty state when the building is not set up yet', async () => {
    answer('households', 'summary', fail('NOT_FOUND', 'building not found'));

    const page = await openHome();

    expect(page.data.status).toBe('empty');
    expect(textOf(page.querySelector('#status'))).toContain('楼栋信息还没有录入');
    expect(page.querySelector('#status')?.querySelector('.retry')).toBeUndefined();
  });

  it('opens the tab of a tapped area card with switchTab', async () => {
    answer('households', 'summary', ok(aSummary()));
    const switchTab = jest.spyOn(wx, 'switchTab');
    const page = await openHome();

    page.querySelectorAll('.area')[1]?.querySelector('.card')?.dispatchEvent('tap');
    await flush();

    expect(switchTab).toHaveBeenCalledTimes(1);
    expect(switchTab.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/money/index' });
    switchTab.mockRestore();
  });

  describe('open votes', () => {
    const vote = (overrides: Partial<OpenVoteView>): OpenVoteView => ({
      id: 'd1',
      title: '施工期间停梯安排',
      closesAt: '2026-12-17T12:22:00+08:00',
      canVote: true,
      notVoted: 1,
      ...overrides,
    });
    const votes = [
      vote({ id: 'd-soon', title: '维修基金续筹', closesAt: '2026-12-09T18:00:00+08:00' }),
      vote({ id: 'd-later', title: '施工期间停梯安排', notVoted: 0 }),
    ];
    const decisionCard = anArea({
      area: 'decisions',
      path: '/pages/decision-detail/index?id=d-later',
    });

    it('lists every open vote in the order given (soonest deadline first), "尚未投票" on mine', async () => {
      answer('households', 'summary', ok(aSummary({ areas: [decisionCard] })));
      answer('decisions', 'openVotes', ok({ votes, pending: 1 }));
      const page = await openHome();
      expect(textOf(page.querySelector('.tt-section-title'))).toBe('正在投票（2 项）');
      const column = (selector: string) => page.querySelectorAll(selector).map((n) => textOf(n));
      expect(column('.open-vote-title')).toEqual(['维修基金续筹', '施工期间停梯安排']);
      expect(column('.open-vote-deadline')).toEqual(['12月9日 18:00 截止', '12月17日 12:22 截止']);
      expect(column('.vote-tag')).toEqual(['尚未投票', '已投票']);
      // The decisions card no longer repeats a vote listed above: it opens the whole list.
      const card = page.querySelectorAll('.area')[0];
      expect(textOf(card?.querySelector('.headline'))).toBe('全部议题与表决结果');
    });

    it('opens the vote tapped', async () => {
      answer('households', 'summary', ok(aSummary()));
      answer('decisions', 'openVotes', ok({ votes, pending: 1 }));
      const navigateTo = jest.spyOn(wx, 'navigateTo');
      const page = await openHome();
      page.querySelectorAll('.open-vote')[0]?.dispatchEvent('tap');
      await flush();
      expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({
        url: '/pages/decision-detail/index?id=d-soon',
      });
      navigateTo.mockRestore();
    });

    it('puts "尚未投票" on the 议事 tab while a ballot of mine is missing, and takes it off after', async () => {
      const setBadge = jest.spyOn(wx, 'setTabBarBadge');
      const removeBadge = jest.spyOn(wx, 'removeTabBarBadge');
      answer('households', 'summary', ok(aSummary()));
      answer('decisions', 'openVotes', ok({ votes, pending: 1 }));
      await openHome();
      expect(setBadge.mock.calls[0]?.[0]).toMatchObject({ index: 1, text: '尚未投票' });

      answer('decisions', 'openVotes', ok({ votes: [vote({ notVoted: 0 })], pending: 0 }));
      await openHome();
      expect(removeBadge.mock.calls[0]?.[0]).toMatchObject({ index: 1 });
      expect(setBadge).toHaveBeenCalledTimes(1);
      setBadge.mockRestore();
      removeBadge.mockRestore();
    });

    it('shows no tag on a vote that is not mine, and the page still loads when votes fail', async () => {
      answer('households', 'summary', ok(aSummary()));
      answer(
        'decisions',
        'openVotes',
        ok({ votes: [vote({ canVote: false, notVoted: 0 })], pending: 0 }),
      );
      const page = await openHome();
      expect(page.querySelector('.vote-tag')).toBeUndefined();

      answer(
        'decisions',
        'openVotes',
        fail('FORBIDDEN', '您当前的身份（访客）不能查看正在投票的议题'),
      );
      const visitor = await openHome();
      expect(visitor.data.status).toBe('ready');
      expect(visitor.querySelectorAll('.open-vote')).toHaveLength(0);
    });
  });

  it('sends every card to a page that is registered and real', () => {
    const appJson = JSON.parse(
      fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8'),
    ) as Record<string, unknown>;
    const served = summarizeBuilding({
      building: {
        _id: 'b',
        name: 'x',
        address: 'y',
        builtYear: 2000,
        floors: 24,
        elevators: 2,
      } as Parameters<typeof summarizeBuilding>[0]['building'],
      units: [],
      latestNotice: null,
      currentDecision: null,
      deskPath: '/pages/organizer/index',
      now: Date.now(),
    });
    for (const card of served.areas) {
      const page = (card.path.split('?')[0] ?? '').replace(/^\//, '');
      expect(pageList(appJson)).toContain(page);
      const wxml = fs.readFileSync(path.join(MINIPROGRAM_ROOT, `${page}.wxml`), 'utf8');
      // A real page, not a placeholder saying it will come.
      expect(wxml).not.toMatch(/敬请期待|即将上线|建设中/);
    }
  });
});
