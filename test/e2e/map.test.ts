import { startJourney, type Journey } from './journey';

/**
 * The building map in the browser, as the demo organizer uses it: from the desk to the map, the
 * layers switched (votes, money, contacts, a notice's readers), a flat tapped and its history
 * read — the ballot with its channel, the money, the contacts, the proxy.
 */
jest.setTimeout(90_000);

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('map');
});
afterAll(() => journey?.close());

test('an organizer opens the map, switches layers, taps a flat and reads its history', async () => {
  const organizer = await journey.open('#/pages/organizer/index', 'demo-organizer');
  const desk = organizer.frame('pages/organizer/index');
  // The last mile follows the open vote: the owners who have not voted yet.
  await desk.getByText(/^催票：「施工期间停梯安排」还有 \d+\s户没有投票$/).waitFor();
  await desk.locator('.work').scrollIntoViewIfNeeded();
  await organizer.shot('desk-last-mile');
  await desk.getByText('楼栋地图：每户投票、缴款、联络一目了然', { exact: true }).click();

  const map = organizer.frame('pages/building-map/index');
  await map.getByText(/^「施工期间停梯安排」投票情况 · 全楼 138 户$/).waitFor();
  await map.getByText(/^在线投票 \d+ 户$/).waitFor();
  await map.getByText(/^代理人投票 \d+ 户$/).waitFor();
  expect(await map.locator('.floor').count()).toBe(20);
  await organizer.shot('vote-layer');

  await map.locator('.layer', { hasText: '缴款' }).click();
  await map.getByText(/^现金待入账 \d+ 户$/).waitFor();
  await map.getByText(/^已缴清 \d+ 户$/).waitFor();
  await organizer.shot('pay-layer');

  await map.locator('.layer', { hasText: '联络' }).click();
  await map.getByText(/^外地\/海外 \d+ 户$/).waitFor();
  await map.getByText(/^需上门 \d+ 户$/).waitFor();
  await organizer.shot('contact-layer');

  await map.locator('.layer', { hasText: '投票' }).click();
  await map.getByText(/^联系不上 \d+ 户$/).waitFor();
  // The lower floors come as the organizer scrolls on.
  await map.getByText('再看 4–2 层', { exact: true }).click();
  await map.getByText('2层', { exact: true }).waitFor();

  // 5-02: an owner abroad whose proxy voted.
  const fifth = map.locator('.floor').filter({ hasText: /^\s*5层/ });
  await fifth.locator('.cell').nth(1).click();
  const unit = organizer.frame('pages/map-unit/index');
  await unit.getByText('5-02（5层）', { exact: true }).waitFor();
  const votes = await unit.locator('.votes').innerText();
  expect(votes).toContain('施工期间停梯安排');
  expect(votes).toContain('代理人投票');
  expect(await unit.locator('.money').innerText()).toContain('已缴清');
  expect(await unit.locator('.contacts').innerText()).toContain('通过亲友联系上');
  expect(await unit.locator('.proxies').innerText()).toContain('投票和缴款');
  await organizer.shot('unit-history');
  expect(organizer.errors).toEqual([]);
});

test('at large type the map keeps big taps and scrolls the grid sideways', async () => {
  const organizer = await journey.open('#/pages/building-map/index', 'demo-organizer');
  // WeChat's own large font (the preview's 系统大字), as an elderly organizer's phone has it.
  await organizer.page.evaluate("localStorage.setItem('tongti-preview:largeType', '1')");
  await organizer.page.reload();
  await organizer.page.waitForSelector('html[data-pv-ready]');
  const map = organizer.frame('pages/building-map/index');
  await map.getByText(/^在线投票 \d+ 户$/).waitFor();
  await organizer.shot('large-type-map');
  const small = await map.evaluate((root) => {
    const out: string[] = [];
    for (const el of root.querySelectorAll('wx-button, .legend-row, wx-picker')) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.height < 43.5) out.push(`${el.textContent?.trim() ?? ''} ${r.height}`);
    }
    return out;
  });
  expect(small).toEqual([]);
  // The grid is wider than the phone at this size: it scrolls inside itself, the page does not.
  const widths = await map.evaluate((root) => {
    const grid = root.querySelector('.grid');
    return {
      page: root.getBoundingClientRect().width,
      gridBox: grid?.getBoundingClientRect().width ?? 0,
      gridContent: grid?.scrollWidth ?? 0,
    };
  });
  expect(widths.gridBox).toBeLessThanOrEqual(widths.page);
  expect(widths.gridContent).toBeGreaterThan(widths.gridBox);

  const fifth = map.locator('.floor').filter({ hasText: /^\s*5层/ });
  await map
    .getByText('再看 4–2 层', { exact: true })
    .click()
    .catch(() => undefined);
  await fifth.locator('.cell').first().scrollIntoViewIfNeeded();
  await fifth.locator('.cell').first().click();
  const unit = organizer.frame('pages/map-unit/index');
  await unit.getByText('5-01（5层）', { exact: true }).waitFor();
  await organizer.shot('large-type-unit');
  expect(organizer.errors).toEqual([]);
});
