import { LARGE_TYPE_STORAGE_KEY, readLargeType } from '../../../miniprogram/utils/largeType';
import { aSummary } from '../fixtures';
import {
  answer,
  app,
  callMethod,
  flush,
  mount,
  ok,
  resetWx,
  setSystemFontSize,
  type Rendered,
} from '../harness';

beforeEach(resetWx);

async function openHome(): Promise<Rendered> {
  answer('households', 'summary', ok(aSummary()));
  const page = mount('pages/home/index');
  await callMethod(page, 'onLoad', {});
  return page;
}

async function flipHomeSwitch(home: Rendered, value: boolean): Promise<void> {
  home.querySelector('.large-type-switch')?.dispatchEvent('change', { detail: { value } });
  await flush();
}

describe('large type follows WeChat’s font-size setting', () => {
  it('stays normal at WeChat’s standard size', () => {
    setSystemFontSize(17);
    const page = mount('pages/decisions/index');

    expect(readLargeType()).toBe(false);
    expect(page.querySelector('.lt')).toBeUndefined();
  });

  it('turns on by itself under 关怀模式 (23.8 px), on every page', () => {
    setSystemFontSize(23.8);

    for (const path of [
      'pages/home/index',
      'pages/decisions/index',
      'pages/decision-detail/index',
    ]) {
      const page = mount(path);
      expect(page.data.largeType).toBe(true);
      expect(page.querySelector('.tt-page.lt')).toBeDefined();
    }
  });

  it('stays off when the person turned it off, even under 关怀模式', () => {
    setSystemFontSize(23.8);
    wx.setStorageSync(LARGE_TYPE_STORAGE_KEY, false);

    const page = mount('pages/decisions/index');

    expect(page.data.largeType).toBe(false);
    expect(page.querySelector('.lt')).toBeUndefined();
  });

  it('the app starts with the system’s choice in globalData', async () => {
    setSystemFontSize(23.8);
    await import('../../../miniprogram/app');
    const launch = app().onLaunch as () => void;
    launch.call(app());

    expect(app().globalData.largeType).toBe(true);
  });
});

describe('the 大字模式 switch on the first screen', () => {
  it('is on the home page and shows the setting in force', async () => {
    setSystemFontSize(23.8);
    const home = await openHome();

    const toggle = home.querySelector('.large-type-switch');
    expect(toggle).toBeDefined();
    expect(home.data.largeType).toBe(true);
  });

  it('turns large type on for every open page and remembers it', async () => {
    const decisions = mount('pages/decisions/index');
    const home = await openHome();

    await flipHomeSwitch(home, true);

    expect(wx.getStorageSync(LARGE_TYPE_STORAGE_KEY)).toBe(true);
    expect(home.querySelector('.tt-page.lt')).toBeDefined();
    expect(decisions.querySelector('.tt-page.lt')).toBeDefined();
  });

  it('turning it off under 关怀模式 wins over the system setting', async () => {
    setSystemFontSize(23.8);
    const home = await openHome();

    await flipHomeSwitch(home, false);

    expect(home.querySelector('.lt')).toBeUndefined();
    expect(mount('pages/me/index').data.largeType).toBe(false);
  });
});
