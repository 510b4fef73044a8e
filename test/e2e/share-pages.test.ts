import { demoSeed } from '../../cli/seed/demo';
import { proxiedFlat } from './charges';
import { startJourney, type Journey, type JourneyPage } from './journey';
import { decodePng, inkOf, sharePanel } from './sharePanel';

/**
 * The progress and ledger pages shared in the browser preview, through the real share-card
 * component on a real canvas 2d: the share panel shows a 5:4 picture that is not blank, the deep
 * link opens the same page, the public progress opens for a visitor with no flat while the
 * members-only ledger tells them to bind, and the card saves to the album from the page. Each is
 * also looked at in large type.
 */
jest.setTimeout(120_000);

const seed = demoSeed();
const owner = seed.collections.members.find((m) => m.roles.includes('owner'))?.openid ?? '';
const ORGANIZER = 'demo-organizer';
// The demo's WeChat user with no flat in the building.
const GUEST = 'demo-guest';

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('share-pages');
});
afterAll(() => journey?.close());

async function expectCard(p: JourneyPage, path: string): Promise<void> {
  const shared = await sharePanel(p);
  expect(shared.path).toBe(path);
  const png = decodePng(shared.image);
  expect(png.width * 4).toBe(png.height * 5);
  expect(png.width).toBeGreaterThanOrEqual(500);
  const ink = inkOf(png);
  expect(ink.green).toBe(true);
  expect(ink.ink).toBeGreaterThan(0.12);
  expect(ink.colours).toBeGreaterThan(20);
}

/** Large type as the 我的 tab's switch leaves it: stored for this person, read at the next start. */
async function largeType(p: JourneyPage, openid: string): Promise<void> {
  const key = JSON.stringify(`tongti-mp:${openid}:tongti.largeType`);
  // A string runs in the page: the node typings here have no DOM.
  await p.page.evaluate(`localStorage.setItem(${key}, '{"v":true}')`);
  await p.page.reload();
  await p.page.waitForSelector('html[data-pv-ready]');
}

test('a resident shares the progress as a 5:4 stage card, and the link opens the progress', async () => {
  const p = await journey.open('#/pages/progress/index', owner);
  const tab = p.frame('pages/progress/index');
  await tab.locator('.percent').waitFor();
  await expectCard(p, '/pages/progress/index');
  await p.shot('progress-share-panel');

  await p.page.getByText('以朋友身份打开', { exact: true }).click();
  await p.frame('pages/progress/index').locator('.percent').waitFor();

  // The share section: the picture, the share button and the album.
  await tab.getByText('生成分享图', { exact: true }).click();
  await tab.locator('.share wx-image').waitFor();
  await tab.getByText('发给邻居或群聊', { exact: true }).waitFor();
  await tab.getByText('保存图片到相册', { exact: true }).click();
  await p.page.locator('.pv-toast', { hasText: '已保存到相册' }).waitFor();
  await tab.locator('.share').scrollIntoViewIfNeeded();
  await p.shot('progress-card');

  await largeType(p, owner);
  const large = p.frame('pages/progress/index');
  await large.locator('.tt-page.lt').waitFor();
  await large.getByText('生成分享图', { exact: true }).click();
  await large.locator('.share wx-image').waitFor();
  await large.locator('.share').scrollIntoViewIfNeeded();
  await p.shot('progress-card-large');
  expect(p.errors).toEqual([]);
});

test('the progress link opens for a visitor with no flat', async () => {
  const p = await journey.open('#/pages/progress/index', GUEST);
  await p.frame('pages/progress/index').locator('.percent').waitFor();
  expect(await p.frame('pages/progress/index').locator('.post-button').count()).toBe(0);
  expect(p.errors).toEqual([]);
});

test('the organizer shares the ledger as a 5:4 collected card, and the link opens the ledger', async () => {
  const p = await journey.open('#/pages/ledger/index', ORGANIZER);
  const ledger = p.frame('pages/ledger/index');
  await ledger.locator('.hash').waitFor();
  await expectCard(p, '/pages/ledger/index');
  await p.shot('ledger-share-panel');

  await p.page.getByText('以朋友身份打开', { exact: true }).click();
  await p.frame('pages/ledger/index').locator('.hash').waitFor();

  await ledger.getByText('生成分享图', { exact: true }).click();
  await ledger.locator('.share wx-image').waitFor();
  await ledger.getByText('保存图片到相册', { exact: true }).click();
  await p.page.locator('.pv-toast', { hasText: '已保存到相册' }).waitFor();
  await ledger.locator('.share').scrollIntoViewIfNeeded();
  await p.shot('ledger-card');
  expect(p.errors).toEqual([]);
});

test('a resident opens the shared ledger; a visitor with no flat is told to bind', async () => {
  const resident = await journey.open('#/pages/ledger/index', owner);
  await resident.frame('pages/ledger/index').locator('.hash').waitFor();
  await largeType(resident, owner);
  const large = resident.frame('pages/ledger/index');
  await large.locator('.tt-page.lt .hash').waitFor();
  await large.getByText('生成分享图', { exact: true }).click();
  await large.locator('.share wx-image').waitFor();
  await large.locator('.share').scrollIntoViewIfNeeded();
  await resident.shot('ledger-card-large');

  const guest = await journey.open('#/pages/ledger/index', GUEST);
  const page = guest.frame('pages/ledger/index');
  await page.getByText('绑定房屋后查看', { exact: true }).waitFor();
  await page.getByText('绑定您的房屋后，就能看到每一笔收支', { exact: false }).waitFor();
  await guest.shot('ledger-guest');
  await page.getByText('去绑定房屋', { exact: true }).click();
  await guest.frame('pages/bind/index').waitFor();
  expect([...resident.errors, ...guest.errors]).toEqual([]);
});

test('a pay link goes with a card of the flat and what is left, and the friend can forward it', async () => {
  const flat = proxiedFlat();
  const proxy = await journey.open('#/pages/money/index', flat.proxyOpenid);
  const money = proxy.frame('pages/money/index');
  await money.getByText('分享缴费链接', { exact: true }).click();
  await money.locator('.shared wx-image').waitFor();
  await money.locator('.shared').scrollIntoViewIfNeeded();
  await proxy.shot('pay-link-card');
  await money.getByText('发给亲友', { exact: true }).click();
  const path = proxy.page.locator('.pv-share__path');
  await path.waitFor();
  const link = await path.innerText();
  expect(link).toMatch(/^\/pages\/pay\/index\?link=/);
  const png = decodePng(
    (await proxy.page.locator('.pv-share__image img').getAttribute('src')) ?? '',
  );
  expect(png.width * 4).toBe(png.height * 5);
  expect(inkOf(png).ink).toBeGreaterThan(0.12);
  await proxy.shot('pay-link-panel');

  // The friend, with no flat in the building, opens it and forwards it to another relative.
  const friend = await journey.open(`#${link}`, GUEST);
  const pay = friend.frame('pages/pay/index');
  await pay.locator('.unit-no', { hasText: flat.unitNo }).waitFor();
  await largeType(friend, GUEST);
  const large = friend.frame('pages/pay/index');
  await large.locator('.tt-page.lt .unit-no').waitFor();
  await large.getByText('生成分享图', { exact: true }).click();
  await large.locator('.share wx-image').waitFor();
  await large.locator('.share').scrollIntoViewIfNeeded();
  await friend.shot('pay-forward-large');
  await expectCard(friend, link);
  expect([...proxy.errors, ...friend.errors]).toEqual([]);
});
