import snapshotPlugin from 'miniprogram-simulate/jest-snapshot-plugin';
import { aSummary } from '../fixtures';
import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { asReadToday } from '../dates';

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
    expect(textOf(page.querySelector('.ownership'))).toBe('业主 136 位 · 专有面积合计 1.23 万 m²');
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

    expect(cloudCalls()).toHaveLength(2);
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
});
