import { demoSeed } from '../../cli/seed/demo';
import { startJourney, type Journey } from './journey';
import { decodePng, inkOf, sharePanel } from './sharePanel';

/**
 * The share card in the browser preview, drawn by the real component on a real canvas 2d: the
 * share panel shows a 5:4 picture that is not blank (its pixels are read back), the deep link
 * opens the same page for a neighbour, a visitor who is not bound is shown how to bind, the
 * picture saves to the album, and "提醒我投票" records the accept.
 */
jest.setTimeout(90_000);

/** The demo's open vote. */
const PLAN = 'd-outage-arrangements';
const seed = demoSeed();
const owner = seed.collections.members.find((m) => m.roles.includes('owner'))?.openid ?? '';

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('share-card');
});
afterAll(() => journey?.close());

test('the results page shares a 5:4 card with the turnout, and the link opens the results', async () => {
  const p = await journey.open(`#/pages/decision-results/index?id=${PLAN}`, owner);
  await p.frame('pages/decision-results/index').locator('.choice-owners').first().waitFor();
  const shared = await sharePanel(p);
  expect(shared.path).toBe(`/pages/decision-results/index?id=${PLAN}`);
  const png = decodePng(shared.image);
  expect(png.width * 4).toBe(png.height * 5);
  expect(png.width).toBeGreaterThanOrEqual(500);
  const ink = inkOf(png);
  expect(ink.green).toBe(true);
  expect(ink.ink).toBeGreaterThan(0.12);
  expect(ink.colours).toBeGreaterThan(20);
  await p.shot('results-share-panel');

  // A neighbour taps the card in the chat: the same results open.
  await p.page.getByText('以朋友身份打开', { exact: true }).click();
  await p.frame('pages/decision-results/index').locator('.choice-owners').first().waitFor();
  expect(p.errors).toEqual([]);
});

test('the vote page shows the card, saves it to the album, and subscribes from a tap', async () => {
  const p = await journey.open(`#/pages/decision-detail/index?id=${PLAN}`, owner);
  const detail = p.frame('pages/decision-detail/index');
  await detail.getByText('生成分享图', { exact: true }).click();
  const picture = detail.locator('wx-image').first();
  await picture.waitFor();
  await detail.getByText('发给邻居或群聊', { exact: true }).waitFor();
  await p.shot('vote-card');

  await detail.getByText('保存图片到相册', { exact: true }).click();
  await p.page.locator('.pv-toast', { hasText: '已保存到相册' }).waitFor();

  const shared = await sharePanel(p);
  expect(shared.path).toBe(`/pages/decision-detail/index?id=${PLAN}`);
  const png = decodePng(shared.image);
  expect(png.width * 4).toBe(png.height * 5);
  expect(inkOf(png).ink).toBeGreaterThan(0.12);
  await p.page.getByText('关闭', { exact: true }).click();

  const remaining = (): number => {
    const subs = journey.cloud.cloud.database.documents('subscriptions', 0, 100).docs as Array<{
      openid: string;
      templateKey: string;
      remaining: number;
    }>;
    return subs.find((s) => s.openid === owner && s.templateKey === 'voteDeadline')?.remaining ?? 0;
  };
  const before = remaining();
  await detail.getByText('提醒我投票', { exact: true }).click();
  await p.page.locator('.pv-sheet').getByText('允许', { exact: true }).click();
  await detail.getByText('已订阅：到时微信会提醒您', { exact: true }).waitFor();
  expect(remaining()).toBe(before + 1);
  expect(p.errors).toEqual([]);
});

test('a visitor who is not bound is shown how to bind, not an error', async () => {
  const p = await journey.open(`#/pages/decision-detail/index?id=${PLAN}`, 'demo-applicant1');
  const detail = p.frame('pages/decision-detail/index');
  await detail.getByText('绑定您的房屋后，就能查看议题并投票', { exact: false }).waitFor();
  await p.shot('guest');
  await detail.getByText('去绑定房屋', { exact: true }).click();
  await p.frame('pages/bind/index').waitFor();
  expect(p.errors).toEqual([]);
});
