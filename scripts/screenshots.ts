import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildPreview } from '../preview/build';
import { launchChromium, PREVIEW_VIEWPORT } from '../preview/chromium';
import { previewRoutes } from '../preview/routes';
import { startLocalCloud } from '../localcloud/server';
import { demoBuilding } from '../cli/seed';
import { demoDecisions } from '../cli/seed/decisions';
import { DEMO_BUILDING_ID, demoSeed } from '../cli/seed/demo';

/**
 * `npm run screenshots`: the README's pictures of the preview, taken from the demo building on a
 * throwaway local cloud, the phone only, so they stay small. Run after `npm run build`.
 */
const ROOT = join(__dirname, '..');
const DOCS = join(ROOT, 'docs');

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'tongti-shots-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-shots-data-'));
  await buildPreview({ miniprogramDir: join(ROOT, 'miniprogram'), outDir });
  const seed = demoBuilding(Date.now());
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(ROOT, 'cloudfunctions'),
    seed: seed.collections,
    seedFiles: seed.files,
    identities: seed.identities,
    routes: previewRoutes({ outDir }),
  });
  const browser = await launchChromium();
  mkdirSync(DOCS, { recursive: true });
  try {
    const resident = seed.identities.find((i) => i.role === 'resident');
    if (!resident) throw new Error('the demo building has no resident');
    // `large`: WeChat's own large font (the preview's 系统大字), as an elderly resident sets it.
    const open = async (openid: string, hash: string, large = false): Promise<Page> => {
      const context = await browser.newContext({ viewport: PREVIEW_VIEWPORT });
      await context.addInitScript({
        content: `localStorage.setItem('tongti-preview:openid', ${JSON.stringify(openid)});${
          large ? "localStorage.setItem('tongti-preview:largeType', '1');" : ''
        }`,
      });
      const page = await context.newPage();
      await page.goto(`${cloud.url}/preview/${hash}`);
      await page.waitForSelector('html[data-pv-ready]');
      return page;
    };
    const frame = (page: Page, route: string) => page.locator(`.pv-frame[data-path="${route}"]`);

    const page = await open(resident.openid, '#/pages/home/index');
    const home = frame(page, 'pages/home/index');
    await home.getByText('慈爱鑫和公寓', { exact: true }).waitFor();
    await phone(page, 'preview-home');
    await home.getByText('换梯费用分摊及缴款通知', { exact: true }).click();
    await frame(page, 'pages/article/index').getByText('怎么缴', { exact: false }).waitFor();
    await phone(page, 'preview-notice');
    await page.locator('.pv-nav__back').click();
    await page.locator('.pv-tab', { hasText: '我的' }).click();
    const me = frame(page, 'pages/me/index');
    await me.locator('wx-switch').click();
    await me.locator('wx-switch[checked]').waitFor();
    await page.locator('.pv-tab', { hasText: '首页' }).click();
    await phone(page, 'preview-large-type');
    await page.context().close();

    // An owner who has not voted yet opens the open vote's shared link, votes, reads the receipt.
    const vote = await open(ownerYetToVote(), `#/pages/decision-detail/index?id=${PLAN}`);
    const detail = frame(vote, 'pages/decision-detail/index');
    await detail.locator('.choice--yes').click();
    await detail.getByText('确认投票', { exact: true }).click();
    await detail.locator('.receipt').waitFor();
    // The "已投票" toast goes after 1.5 s; the receipt is what the picture is for.
    await vote.locator('.pv-toast').waitFor({ state: 'detached' });
    await phone(vote, 'preview-vote-receipt');
    await detail.getByText('查看实时结果', { exact: true }).click();
    await frame(vote, 'pages/decision-results/index').locator('.choice-owners').first().waitFor();
    await phone(vote, 'preview-results');
    await vote.context().close();

    // The organizer's desk: the approvals queue and the households still to reach.
    const desk = await open('demo-organizer', '#/pages/organizer/index');
    await frame(desk, 'pages/organizer/index').locator('.request').first().waitFor();
    await phone(desk, 'preview-organizer-desk');
    await desk.context().close();
    // The building map: every flat by how it voted on the open vote, the legend with counts.
    const map = await open('demo-organizer', '#/pages/building-map/index');
    await frame(map, 'pages/building-map/index')
      .getByText(/^在线投票 \d+ 户$/)
      .waitFor();
    await phone(map, 'preview-building-map');
    await map.context().close();

    // Money: an owner's 筹款 tab with a share still to pay, the public ledger, the treasurer's queue.
    const money = await open(ownerYetToPay(), '#/pages/money/index');
    await frame(money, 'pages/money/index')
      .getByText('还需缴纳', { exact: true })
      .first()
      .waitFor();
    await phone(money, 'preview-money-tab');
    await money.context().close();
    const ledger = await open(resident.openid, '#/pages/ledger/index');
    await frame(ledger, 'pages/ledger/index')
      .getByText(/已筹 ¥/)
      .first()
      .waitFor();
    await phone(ledger, 'preview-money-ledger');
    await ledger.context().close();
    const queue = await open('demo-treasurer', '#/pages/treasurer/index');
    await frame(queue, 'pages/treasurer/index').locator('.post-cash').first().waitFor();
    await phone(queue, 'preview-treasurer');
    await queue.context().close();

    // The same main screens at WeChat's large font: what most of the building's owners see.
    const bigHome = await open(resident.openid, '#/pages/home/index', true);
    await frame(bigHome, 'pages/home/index').locator('.tt-page.lt').waitFor();
    await frame(bigHome, 'pages/home/index').getByText('慈爱鑫和公寓', { exact: true }).waitFor();
    await phone(bigHome, 'large-home');
    await bigHome.context().close();
    // Another owner than the one who voted above: the choices, not a receipt.
    const bigVote = await open(ownerYetToVote(1), `#/pages/decision-detail/index?id=${PLAN}`, true);
    await frame(bigVote, 'pages/decision-detail/index').locator('.choice').first().waitFor();
    await phone(bigVote, 'large-vote');
    await bigVote.context().close();
    const bigResults = await open(
      resident.openid,
      `#/pages/decision-results/index?id=${PLAN}`,
      true,
    );
    await frame(bigResults, 'pages/decision-results/index').locator('.tt-page.lt').waitFor();
    await bigResults.waitForLoadState('networkidle');
    await phone(bigResults, 'large-results');
    await bigResults.context().close();
    const bigMoney = await open(ownerYetToPay(), '#/pages/money/index', true);
    await frame(bigMoney, 'pages/money/index')
      .getByText('还需缴纳', { exact: true })
      .first()
      .waitFor();
    await phone(bigMoney, 'large-money');
    await bigMoney.context().close();
    const bigMe = await open(ownerYetToPay(), '#/pages/me/index', true);
    await frame(bigMe, 'pages/me/index').locator('.help-text').waitFor();
    await phone(bigMe, 'large-me');
    await bigMe.context().close();
  } finally {
    await browser.close();
    await cloud.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The demo's open vote. */
const PLAN = 'd-outage-arrangements';

/** The openid of an owner of one flat who has not voted on the open vote in the demo (the nth). */
function ownerYetToVote(nth = 0): string {
  const people = demoSeed();
  const decisions = demoDecisions({
    buildingId: DEMO_BUILDING_ID,
    units: people.collections.units,
    organizerOpenid: 'demo-organizer',
    proxies: people.collections.proxies,
    now: Date.now(),
  });
  const voted = new Set(
    decisions.ballots
      .filter((b) => b.decisionId === PLAN)
      .flatMap((b) => b.units.map((u) => u.unitId)),
  );
  const owner = people.collections.members.filter(
    (m) =>
      m.openid.startsWith('demo-owner-') &&
      m.unitIds.length === 1 &&
      m.unitIds.every((id) => !voted.has(id)),
  )[nth];
  if (!owner) throw new Error('every owner in the demo has voted on the open vote');
  return owner.openid;
}

/** The openid of an owner of one flat whose share nobody has paid yet in the demo. */
function ownerYetToPay(): string {
  const money = demoBuilding(Date.now()).collections as unknown as {
    payOrders: Array<{ unitId: string }>;
    cashReceipts: Array<{ unitId: string }>;
  };
  const paid = new Set([...money.payOrders, ...money.cashReceipts].map((r) => r.unitId));
  const owner = demoSeed().collections.members.find(
    (m) =>
      m.openid.startsWith('demo-owner-') &&
      m.unitIds.length === 1 &&
      m.unitIds.every((id) => !paid.has(id)),
  );
  if (!owner) throw new Error('every owner in the demo has paid');
  return owner.openid;
}

async function phone(page: Page, name: string): Promise<void> {
  const file = join(DOCS, `${name}.png`);
  await page.locator('.pv-phone').screenshot({ path: file, animations: 'disabled' });
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
