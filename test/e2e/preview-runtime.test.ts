import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { buildPreview } from '../../preview/build';
import { computedStyle, launchChromium, PREVIEW_VIEWPORT } from '../../preview/chromium';
import { startPreviewServer, type PreviewServer } from '../helpers/previewServer';

/**
 * The preview runtime against a small mini program written for it (fixtures/preview-app): page
 * lifecycles and the navigation stack, taps, components and behaviors, built-ins, and the wx
 * shim's dialogs, pay sheet, subscribe sheet and share panel. Each journey opens its own page.
 */

jest.setTimeout(90_000);

const APP = path.join(__dirname, 'fixtures', 'preview-app');
const SHOTS = path.resolve(__dirname, '../../artifacts/e2e');

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let context: BrowserContext;
let warnings: string[];

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-preview-rt-'));
  await buildPreview({ miniprogramDir: APP, outDir });
  server = await startPreviewServer({ outDir });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

beforeEach(async () => {
  server.calls.length = 0;
  server.payments.length = 0;
  warnings = [];
  context = await browser.newContext({ viewport: PREVIEW_VIEWPORT });
});

afterEach(async () => {
  await context?.close();
});

async function open(hash: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(`${server.url}/preview/${hash}`);
  await page.waitForSelector('html[data-pv-ready]');
  return page;
}

function frame(page: Page, route: string): Locator {
  return page.locator(`.pv-frame[data-path="${route}"]`);
}

function events(page: Page): Promise<string[]> {
  return page.evaluate(() => (getApp().globalData as { events: string[] }).events.slice());
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `runtime-${name}.png`), animations: 'disabled' });
}

test('lifecycles run in WeChat order and the stack follows navigateTo, EventChannel and back', async () => {
  const page = await open('');
  const index = frame(page, 'pages/index/index');
  await index.locator('.title').waitFor();
  expect(await events(page)).toEqual([
    'app.onLaunch pages/index/index',
    'app.onShow',
    'index.attached',
    'index.onLoad {}',
    'index.onShow',
    'index.pageLifetimes.show',
    'index.ready',
    'index.onReady',
  ]);

  await index.locator('wx-button.go').click();
  const detail = frame(page, 'pages/detail/index');
  await detail.getByText('编号 7').waitFor();
  expect(await detail.locator('.depth').textContent()).toBe('栈深 2');
  expect(await page.locator('.pv-nav__text').textContent()).toBe('详情');
  expect(await page.locator('.pv-nav__back').isVisible()).toBe(true);
  expect(await page.locator('.pv-tabbar').isVisible()).toBe(false);
  expect(new URL(page.url()).hash).toBe('#/pages/detail/index?id=7&name=%E5%8D%95%E5%85%83');
  await shot(page, '1-detail');

  await detail.locator('wx-button.pick').click();
  await detail.locator('wx-button.back').click();
  await index.locator('.title').waitFor({ state: 'visible' });
  expect(await page.locator('.pv-tabbar').isVisible()).toBe(true);
  expect((await events(page)).slice(8)).toEqual([
    'index.onHide',
    'detail.onLoad {"id":"7","name":"%E5%8D%95%E5%85%83"}',
    'index.picked {"id":"7"}',
    'detail.onUnload',
    'index.onShow',
    'index.pageLifetimes.show',
  ]);
  expect(await page.locator('.pv-frame').count()).toBe(1);

  await index.locator('wx-navigator.nav-link').click();
  await frame(page, 'pages/widgets/index').locator('wx-input.name').waitFor();
  expect(await page.locator('.pv-nav__text').textContent()).toBe('组件');
  expect(await page.locator('.pv-frame').count()).toBe(2);
});

test('a deep link opens its page with the query, and the tab bar switches tabs', async () => {
  const page = await open('#/pages/detail/index?id=42');
  const detail = frame(page, 'pages/detail/index');
  await detail.getByText('编号 42').waitFor();
  expect(await page.locator('.pv-nav__home').isVisible()).toBe(true);

  await page.locator('.pv-nav__home').click();
  await frame(page, 'pages/index/index').locator('.title').waitFor();
  expect(await page.locator('.pv-frame').count()).toBe(1);
  await page.locator('.pv-tab', { hasText: '我的' }).click();
  await frame(page, 'pages/me/index').locator('.font-setting').waitFor();
  expect(await page.locator('.pv-tab--on').textContent()).toBe('我的');
  expect(new URL(page.url()).hash).toBe('#/pages/me/index');
  expect(await page.locator('.pv-tab img').first().getAttribute('src')).toBe('mp/images/dot.png');
});

test('a held press is a long press, and still a tap where nothing listens to long presses', async () => {
  const page = await open('');
  const index = frame(page, 'pages/index/index');
  const press = async (selector: string): Promise<void> => {
    const box = await index.locator(selector).boundingBox();
    if (!box) throw new Error(`no box for ${selector}`);
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.waitForTimeout(500);
    await page.mouse.up();
  };
  await press('.tap-target');
  await index.getByText('计数 1').waitFor();
  await press('.hold-target');
  await index.getByText('长按 1 点按 0').waitFor();
  await index.locator('.hold-target').click();
  await index.getByText('长按 1 点按 1').waitFor();
});

test('clicks become taps: behaviors, components, hover-class, disabled buttons, WXML features', async () => {
  const page = await open('');
  const index = frame(page, 'pages/index/index');
  const target = index.locator('.tap-target');
  await target.waitFor();

  await page.mouse.move(0, 0);
  const box = await target.boundingBox();
  if (!box) throw new Error('no box');
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  expect(await target.getAttribute('class')).toContain('pressed');
  await page.mouse.up();
  await index.getByText('计数 1').waitFor();

  await index.locator('wx-button.disabled').click();
  await index.locator('.page-badge').click();
  await index.getByText('徽章点击 1').waitFor();
  expect(await index.locator('.title').textContent()).toBe('计数 1');
  const taps = await page.evaluate(() => {
    const [top] = getCurrentPages();
    return top?.selectComponent('#badge')?.data.taps;
  });
  expect(taps).toBe(1);

  // A wheel pulling down at the top of the page is the pull-down gesture.
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction("getApp().globalData.events.includes('index.onPullDownRefresh')");
  await page.locator('.pv-frame:not(.pv-frame--refreshing)').waitFor();

  // Component classes carry the component's prefix; :host styles reach the host tag.
  expect(await index.locator('.page-badge wx-view').getAttribute('class')).toBe('badge-c--badge');
  expect(await computedStyle(index.locator('.page-badge'), 'display')).toBe('inline-block');
  expect(await index.locator('.tpl-row').textContent()).toBe('合计: 138');
  expect(await index.locator('.amount').textContent()).toBe('12.34 元');
  // 375rpx is half the 375 pt screen; wcsc floors 20rpx to 10px.
  const sized = await index.locator('wx-view[style*="background"]').boundingBox();
  expect(sized?.width).toBe(187);
  expect(sized?.height).toBe(10);
  // app.wxss `page {font-size: 32rpx}` lands on the page root.
  expect(await computedStyle(index.locator('page'), 'font-size')).toBe('16px');
});

test('built-ins: input, picker, progress, image and a canvas 2d exported to an image', async () => {
  const page = await open('#/pages/widgets/index');
  const w = frame(page, 'pages/widgets/index');
  await w.getByText('已生成').waitFor();
  await w.locator('wx-input.name input').fill('小王');
  await w.getByText('你好 小王').waitFor();

  await w.locator('wx-picker.floor').click();
  await page.locator('.pv-picklist__item', { hasText: '3 层' }).click();
  await w.getByText('楼层 3 层').waitFor();

  expect(await w.locator('wx-progress').getAttribute('aria-valuenow')).toBe('40');
  await w.locator('wx-scroll-view.list').hover();
  await page.mouse.wheel(0, 400);
  await w.getByText('到底了').waitFor();
  const logo = w.locator('wx-image.logo img');
  await page.waitForFunction(
    "(() => { const img = document.querySelector('wx-image.logo img'); return !!img && img.complete && img.naturalWidth > 0; })()",
  );
  expect(await logo.getAttribute('src')).toBe('mp/images/dot.png');
  const canvas = w.locator('wx-canvas canvas');
  const size = await canvas.evaluate((c) => {
    const el = c as unknown as { width: number; height: number };
    return [el.width, el.height];
  });
  expect(size).toEqual([400, 320]);
  await shot(page, '2-widgets');
});

test('dialogs, the pay sheet and the subscribe sheet answer the page', async () => {
  const page = await open('#/pages/widgets/index');
  const w = frame(page, 'pages/widgets/index');
  await w.locator('wx-button.toast').waitFor();

  await w.locator('wx-button.toast').click();
  await page.locator('.pv-toast', { hasText: '已保存' }).waitFor();

  await w.locator('wx-button.modal').click();
  await page.locator('.pv-dialog__title', { hasText: '确认缴款' }).waitFor();
  await shot(page, '3-modal');
  await page.locator('.pv-dialog__btn--cancel').click();
  await w.getByText('cancel', { exact: true }).waitFor();

  await w.locator('wx-button.sheet').click();
  await page.locator('.pv-actions__item', { hasText: '线下缴款' }).click();
  await w.getByText('tap 1').waitFor();

  // The payment names a prepay id; the sheet finds its order (amount, outTradeNo) in /pay/orders.
  await w.locator('wx-button.pay').click();
  await page.locator('.pv-pay__amount', { hasText: '100.00' }).waitFor();
  expect(await page.locator('.pv-pay__label').textContent()).toBe('电梯更新分摊款 12-01');
  await shot(page, '4-pay');
  await page.locator('.pv-btn', { hasText: '确认支付' }).click();
  await w.getByText('paid', { exact: true }).waitFor();
  expect(server.payments).toEqual([{ outTradeNo: 'T-1001', result: 'success' }]);

  await w.locator('wx-button.pay').click();
  await page.locator('.pv-btn', { hasText: '模拟支付失败' }).click();
  await w.getByText('requestPayment:fail 支付失败').waitFor();
  await w.locator('wx-button.pay').click();
  await page.locator('.pv-btn', { hasText: '取消支付' }).click();
  await w.getByText('requestPayment:fail cancel').waitFor();
  // Backing out notifies no one.
  expect(server.payments).toEqual([
    { outTradeNo: 'T-1001', result: 'success' },
    { outTradeNo: 'T-1001', result: 'fail' },
  ]);

  await w.locator('wx-button.subscribe').click();
  await page.locator('.pv-sub__item', { hasText: 'TPL_VOTE' }).waitFor();
  await page.locator('.pv-btn', { hasText: '拒绝' }).click();
  await w.getByText('reject', { exact: true }).waitFor();
  await w.locator('wx-button.subscribe').click();
  await page.locator('.pv-btn', { hasText: '允许' }).click();
  await w.getByText('accept', { exact: true }).waitFor();
  expect(server.subscriptions).toEqual([{ openid: 'o-resident-1201', templateIds: ['TPL_VOTE'] }]);

  // getPhoneNumber: the number typed is registered with the cloud, the page gets its code.
  await w.locator('wx-button.phone').click();
  await page.locator('.pv-dialog__input').fill('13912345678');
  await page.locator('.pv-dialog__btn--ok').click();
  await w.getByText('code-1', { exact: true }).waitFor();
  expect(server.phoneCodes).toEqual([{ code: 'code-1', phone: '13912345678' }]);
});

test('cloud errors and missing APIs reach the page as WeChat reports them', async () => {
  const page = await open('#/pages/widgets/index');
  const w = frame(page, 'pages/widgets/index');
  await w.locator('wx-button.call-missing').click();
  await w
    .getByText(/cloud\.callFunction:fail FUNCTION_NOT_FOUND function nope not found/)
    .waitFor();
  expect(server.calls).toEqual([{ name: 'nope', openid: 'o-resident-1201', data: {} }]);

  await w.locator('wx-button.boom').click();
  await page.locator('.pv-errors__line', { hasText: 'boom from a tap handler' }).waitFor();

  await w.locator('wx-button.unknown-api').click();
  await w.getByText('startSoterAuthentication:ok').waitFor();
  await w.locator('wx-button.unknown-api').click();
  const soter = warnings.filter((m) => m.includes('wx.startSoterAuthentication'));
  expect(soter).toHaveLength(1);
});

test('sharing shows the card with its path, which opens the shared page', async () => {
  const page = await open('');
  const index = frame(page, 'pages/index/index');
  await index.locator('wx-button.share').click();
  const card = page.locator('.pv-share');
  await card.waitFor();
  expect(await card.getAttribute('data-path')).toBe('/pages/detail/index?id=9');
  expect(await page.locator('.pv-share__title').textContent()).toBe('来看看换梯进展');
  await shot(page, '5-share');
  await page.locator('.pv-btn', { hasText: '以朋友身份打开' }).click();
  await frame(page, 'pages/detail/index').getByText('编号 9').waitFor();
});

test('the large-type switch above the phone changes fontSizeSetting; a label toggles its switch', async () => {
  const page = await open('#/pages/me/index');
  const me = frame(page, 'pages/me/index');
  await me.getByText('字号 16').waitFor();
  await page.locator('input[name=large-type]').check();
  await me.getByText('字号 20').waitFor();

  await me.locator('.switch-row wx-text').click();
  await me.locator('wx-switch[checked]').waitFor();
  expect(await page.evaluate(() => wx.getStorageSync('large'))).toBe(true);
  await me.locator('wx-switch').click();
  await me.locator('wx-switch:not([checked])').waitFor();
});

declare function getApp(): { globalData: unknown };
declare function getCurrentPages(): {
  selectComponent(selector: string): { data: Record<string, unknown> } | null;
}[];
declare const wx: { getStorageSync(key: string): unknown };
