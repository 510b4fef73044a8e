import { LARGE_TYPE_STORAGE_KEY } from '../../../miniprogram/utils/largeType';
import {
  answer,
  app,
  callMethod,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aMe, aProxy } from './households-fixtures';
import type { RoleName } from '../../../typings/api';

beforeEach(resetWx);

async function switchLargeType(me: Rendered, value: boolean): Promise<void> {
  me.querySelector('.large-type-switch')?.dispatchEvent('change', { detail: { value } });
  await flush();
}

describe('large-type mode', () => {
  it('is off until chosen', () => {
    const me = mount('pages/me/index');

    expect(me.data.largeType).toBe(false);
    expect(me.querySelector('.lt')).toBeUndefined();
  });

  it('turns on from the switch on Me: stored, mirrored in globalData, class on the page', async () => {
    const me = mount('pages/me/index');

    await switchLargeType(me, true);

    expect(wx.getStorageSync(LARGE_TYPE_STORAGE_KEY)).toBe(true);
    expect(app().globalData.largeType).toBe(true);
    expect(me.data.largeType).toBe(true);
    expect(me.querySelector('.tt-page.lt')).toBeDefined();
  });

  it('restyles a page that is already open, and pages opened later start enlarged', async () => {
    const decisions = mount('pages/decisions/index');
    const me = mount('pages/me/index');

    await switchLargeType(me, true);
    expect(decisions.querySelector('.tt-page.lt')).toBeDefined();

    const progress = mount('pages/progress/index');
    expect(progress.data.largeType).toBe(true);
    expect(progress.querySelector('.tt-page.lt')).toBeDefined();
  });

  it('turns off again and remembers that too', async () => {
    wx.setStorageSync(LARGE_TYPE_STORAGE_KEY, true);
    const money = mount('pages/money/index');
    const me = mount('pages/me/index');
    expect(me.querySelector('.tt-page.lt')).toBeDefined();

    await switchLargeType(me, false);

    expect(wx.getStorageSync(LARGE_TYPE_STORAGE_KEY)).toBe(false);
    expect(me.querySelector('.lt')).toBeUndefined();
    expect(money.querySelector('.lt')).toBeUndefined();
  });

  it('stops updating a page once it is closed', async () => {
    const decisions = mount('pages/decisions/index');
    const me = mount('pages/me/index');
    decisions.detach();

    await switchLargeType(me, true);

    expect(decisions.data.largeType).toBe(false);
  });
});

describe('ways on from Me', () => {
  const links = (me: Rendered): string[] =>
    ['.me-household', '.me-bind', '.me-desk'].filter((s) => me.querySelector(s) !== undefined);

  it('offers binding only, when the caller is not yet a member', async () => {
    answer('households', 'me', fail('NOT_FOUND', '还不是本楼成员'));
    const me = mount('pages/me/index');
    callMethod(me, 'onShow');
    await flush();
    expect(links(me)).toEqual(['.me-bind']);
  });

  it('tells a proxy without a flat whom he acts for, not to bind a flat', async () => {
    answer(
      'households',
      'me',
      ok(aMe({ roles: ['proxy'], units: [], proxiesHeld: [aProxy({ ownerName: '钟霞' })] })),
    );
    const me = mount('pages/me/index');
    callMethod(me, 'onShow');
    await flush();
    expect(textOf(me.querySelector('.me-household'))).toContain('我代理的业主');
    expect(textOf(me.querySelector('.me-bind'))).toContain('绑定自己的房屋');
    expect(textOf(me.querySelector('.me-bind'))).toContain('代业主办理无需绑定');
  });

  it('opens my flat for an owner, and the desk for the replacement group', async () => {
    answer(
      'households',
      'me',
      ok(aMe({ roles: ['owner', 'organizer'], label: '郑德明（换梯小组牵头人）' })),
    );
    const me = mount('pages/me/index');
    callMethod(me, 'onShow');
    await flush();
    expect(links(me)).toEqual(['.me-household', '.me-bind', '.me-desk']);
    expect(textOf(me.querySelector('.me-who'))).toContain('郑德明（换梯小组牵头人）');
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    me.querySelector('.me-desk')?.dispatchEvent('tap');
    await flush();
    expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/organizer/index' });
    navigateTo.mockRestore();
  });

  it('opens each money desk for the role that works it', async () => {
    const desks = (me: Rendered): string[] =>
      ['.me-money-desk', '.me-cash-desk', '.me-treasurer'].filter(
        (s) => me.querySelector(s) !== undefined,
      );
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const cases: Array<[RoleName[], string[], string]> = [
      [['owner'], [], ''],
      [['owner', 'organizer'], ['.me-money-desk'], '/pages/funds-organize/index'],
      [['staff'], ['.me-cash-desk'], '/pages/cash-desk/index'],
      [['treasurer'], ['.me-treasurer'], '/pages/treasurer/index'],
    ];
    for (const [roles, shown, url] of cases) {
      answer('households', 'me', ok(aMe({ roles })));
      const me = mount('pages/me/index');
      callMethod(me, 'onShow');
      await flush();
      expect(desks(me)).toEqual(shown);
      if (shown[0]) {
        navigateTo.mockClear();
        me.querySelector(shown[0])?.dispatchEvent('tap');
        await flush();
        expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({ url });
      }
      me.detach();
    }
    navigateTo.mockRestore();
  });
});
