import { proxiedFlat } from './charges';
import { startJourney, type Journey } from './journey';

/**
 * Money in the browser, tapped through the real pages against the real functions and the local
 * pay simulator: an overseas owner's proxy sends a pay link from the 筹款 tab; a relative abroad
 * (no role in the building) opens it, pays through WeChat's pay sheet and reads the receipt; the
 * public ledger shows the entry, and its hash at the head of the chain.
 */
jest.setTimeout(90_000);

// The preview only acts as a known identity: the demo's WeChat user with no role in the building.
const FRIEND = 'demo-guest';

let journey: Journey;
/** What the receipt said, for the ledger to be checked against. */
let paid: { unitNo: string; amount: string; seq: string; shortHash: string } | null = null;

beforeAll(async () => {
  journey = await startJourney('money');
});
afterAll(() => journey?.close());

test('a relative abroad opens a shared pay link, pays through the pay sheet and reads the receipt', async () => {
  const flat = proxiedFlat();

  // The proxy opens the 筹款 tab: the flat, on whose behalf, what is left.
  const proxy = await journey.open('#/pages/money/index', flat.proxyOpenid);
  const money = proxy.frame('pages/money/index');
  await money.getByText(`代 ${flat.ownerName}（${flat.unitNo}）缴费`).waitFor();
  const left = await money.locator('.left').first().innerText();
  expect(left).toMatch(/^¥[\d,]+\.\d{2}$/);
  await proxy.shot('tab');

  // 分享缴费链接, then send it to the relative (the share panel shows the card's path).
  await money.getByText('分享缴费链接', { exact: true }).click();
  await money.getByText('发给亲友', { exact: true }).click();
  const card = proxy.page.locator('.pv-share__path');
  await card.waitFor();
  const link = await card.innerText();
  expect(link).toMatch(/^\/pages\/pay\/index\?link=/);
  await proxy.shot('link-shared');

  // The relative, who has no role in the building, opens the card.
  expect(journey.identities.find((i) => i.openid === FRIEND)?.role).toBe('guest');
  const friend = await journey.open(`#${link}`, FRIEND);
  const pay = friend.frame('pages/pay/index');
  await pay.locator('.unit-no', { hasText: flat.unitNo }).waitFor();
  expect(await pay.locator('.for-line').innerText()).toMatch(/^业主 .+\*/);
  expect(await pay.locator('.left').innerText()).toBe(left);
  await pay.locator('.payer-input input').pressSequentially('王小明（外甥）');
  await friend.shot('pay');
  await pay.getByText(`确认支付 ${left}`, { exact: true }).click();

  // WeChat's pay sheet (the local pay simulator behind it).
  const sheet = friend.page.locator('.pv-pay');
  await sheet.waitFor();
  await friend.shot('pay-sheet');
  await friend.page.locator('.pv-sheet').getByText('确认支付', { exact: true }).click();

  // The receipt names both, and where the entry sits in the ledger.
  const receipt = friend.frame('pages/receipt/index');
  await receipt.locator('.amount').waitFor();
  expect(await receipt.locator('.amount').innerText()).toBe(left);
  expect(await receipt.locator('.behalf').innerText()).toMatch(
    new RegExp(`^王小明（外甥） 代 .+（${flat.unitNo}） 缴纳$`),
  );
  const rows = await receipt.locator('.row').allInnerTexts();
  const row = (label: string): string =>
    (rows.find((r) => r.startsWith(label)) ?? '').slice(label.length).trim();
  expect(row('方式')).toBe('代付链接');
  expect(row('还需缴纳')).toBe('¥0.00');
  const seq = /第 (\d+) 笔/.exec(row('账本序号'))?.[1];
  expect(seq).toBeDefined();
  const shortHash = row('账本哈希');
  expect(shortHash).toMatch(/^[0-9a-f]{8}…[0-9a-f]{8}$/);
  await friend.shot('receipt');
  paid = { unitNo: flat.unitNo, amount: left, seq: seq ?? '', shortHash };

  // The proxy's tab now says the flat is paid.
  const again = await journey.open('#/pages/money/index', flat.proxyOpenid);
  const tab = again.frame('pages/money/index');
  await tab.locator('.left', { hasText: '¥0.00' }).first().waitFor();
  await again.shot('tab-paid');
  expect([...proxy.errors, ...friend.errors, ...again.errors]).toEqual([]);
});

test('the public ledger shows the payment, and its hash at the head of the chain', async () => {
  if (!paid) throw new Error('the payment journey did not finish');
  const flat = proxiedFlat();
  const reader = await journey.open('#/pages/money/index', flat.proxyOpenid);
  const tab = reader.frame('pages/money/index');
  await tab.getByText('公开账本：每一笔收支').click();
  const ledger = reader.frame('pages/ledger/index');
  const head = ledger.locator('.hash');
  await head.waitFor();
  const headHash = await head.innerText();
  const [start, end] = paid.shortHash.split('…');
  expect(headHash).toMatch(/^[0-9a-f]{64}$/);
  expect(headHash.startsWith(start ?? '-')).toBe(true);
  expect(headHash.endsWith(end ?? '-')).toBe(true);
  const first = ledger.locator('.entry').first();
  expect(await first.locator('.entry-kind').innerText()).toMatch(new RegExp(`^#${paid.seq} `));
  expect(await first.innerText()).toContain(paid.unitNo);
  expect(await first.innerText()).toContain('代付链接');
  expect(await first.locator('.entry-amount').innerText()).toBe(paid.amount);
  // The flat now counts among the paid: opening the group lists it, the owner's name masked.
  await ledger.locator('.group-head', { hasText: '已缴清' }).click();
  await ledger.locator('.group-unit', { hasText: paid.unitNo }).waitFor();
  expect(await ledger.locator('.group-unit', { hasText: paid.unitNo }).innerText()).toMatch(
    new RegExp(`^${paid.unitNo} .*\\*`),
  );
  await reader.shot('ledger');
  expect(reader.errors).toEqual([]);
});
