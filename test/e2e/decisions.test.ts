import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { demoDecisions } from '../../cli/seed/decisions';
import { computedStyle } from '../../preview/chromium';
import { demoSeed } from '../../cli/seed/demo';
import { startJourney, type Journey, type JourneyPage } from './journey';

/**
 * Decisions in the browser, tapped through the real pages against the real functions: an owner
 * votes from a shared link and reads the receipt, and the gauge moves; staff enter a signed paper
 * ballot with its photo; the organizer opens a vote, closes one whose deadline has passed,
 * publishes its result, and the list posted shows rooms, areas and receipts — no names.
 */
jest.setTimeout(90_000);

/** The demo's open vote, and the one whose deadline passed yesterday. */
const PLAN = 'd-outage-arrangements';
const MANDATE = 'd-fund-topup';
const PLAN_A = '同意';
const PLAN_B = '反对';

// The demo is fixed; its ballots do not depend on the day, so who has voted is known here.
const seed = demoSeed();
const demo = demoDecisions({
  buildingId: seed.collections.buildings[0]?._id ?? '',
  units: seed.collections.units,
  organizerOpenid: 'demo-organizer',
  proxies: seed.collections.proxies,
  now: Date.now(),
});
const votedOn = (decisionId: string): Set<string> =>
  new Set(
    demo.ballots
      .filter((b) => b.decisionId === decisionId)
      .flatMap((b) => b.units.map((u) => u.unitId)),
  );

/** A flat with one owner who votes for it, and no ballot on the plan yet. */
function unvotedFlat(of: (personId: string) => boolean): {
  unitId: string;
  unitNo: string;
  personId: string;
} {
  const voted = votedOn(PLAN);
  for (const unit of seed.collections.units) {
    const personId = unit.ownerIds[0];
    if (!personId || voted.has(unit._id) || !of(personId)) continue;
    if (seed.collections.units.filter((u) => u.ownerIds.includes(personId)).length !== 1) continue;
    return { unitId: unit._id, unitNo: unit.unitNo, personId };
  }
  throw new Error('the demo has no such flat');
}

let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('decisions');
});
afterAll(() => journey?.close());

/** A figure on screen: the number of households in a box, e.g. "96 户" → 96. */
async function numberIn(l: Locator): Promise<number> {
  const text = await l.innerText();
  const m = /(\d+)\s*户/.exec(text);
  if (!m) throw new Error(`no count in "${text}"`);
  return Number(m[1]);
}

/** The badge on the 议事 tab of the preview's tab bar. */
function decisionsBadge(p: JourneyPage): Locator {
  return p.page.locator('.pv-tab', { hasText: '议事' }).locator('.pv-tab__badge');
}

/** The results page as it stands: owners who took part, and owners in favour. */
async function readResults(p: JourneyPage): Promise<{ voted: number; planA: number }> {
  const results = p.frame('pages/decision-results/index');
  // Every owner who took part chose one of the choices: their rows add up to the turnout.
  const rows = results.locator('.choice-owners');
  await rows.first().waitFor();
  let voted = 0;
  for (const row of await rows.all()) voted += await numberIn(row);
  const planA = results.locator('.choice', { hasText: PLAN_A }).locator('.choice-owners');
  return { voted, planA: await numberIn(planA) };
}

test('an owner votes from the shared link in three taps, sees the receipt and the gauge move', async () => {
  // An owner who bound her WeChat and has not voted on the plan yet.
  const isMember = (openid: string): boolean =>
    seed.collections.members.some((m) => m.openid === openid);
  const flat = unvotedFlat((personId) => isMember(`demo-owner-${personId}`));
  const member = { openid: `demo-owner-${flat.personId}` };

  // The organizer shares the decision in the building's group chat (capsule menu → 转发给朋友).
  const organizer = await journey.open(
    `#/pages/decision-detail/index?id=${PLAN}`,
    'demo-organizer',
  );
  await organizer
    .frame('pages/decision-detail/index')
    .getByText('施工期间停梯安排')
    .first()
    .waitFor();
  await organizer.page.locator('.pv-capsule__menu').click();
  await organizer.page.locator('.pv-actions').getByText('转发给朋友', { exact: true }).click();
  const card = organizer.page.locator('.pv-share__path');
  await card.waitFor();
  const link = await card.innerText();
  expect(link).toBe(`/pages/decision-detail/index?id=${PLAN}`);
  await organizer.shot('shared');

  // Where the count stands before the owner votes.
  const before = await readResults(
    await journey.open(`#/pages/decision-results/index?id=${PLAN}`, member.openid),
  );

  // Opening the app, she sees the vote waiting for her on the home page and on the 议事 tab.
  const launched = await journey.open('#/pages/home/index', member.openid);
  await launched
    .frame('pages/home/index')
    .locator('.open-vote', { hasText: '施工期间停梯安排' })
    .locator('.vote-tag', { hasText: '尚未投票' })
    .waitFor();
  await decisionsBadge(launched).getByText('尚未投票', { exact: true }).waitFor();
  await launched.shot('home-not-voted');

  // The owner taps the card in the chat.
  const owner = await journey.open(`#${link}`, member.openid);
  const detail = owner.frame('pages/decision-detail/index');
  await detail.getByText(`为 ${flat.unitNo} 投票（本人投票）`).waitFor();
  await owner.shot('vote');
  await detail.locator('.choice', { hasText: PLAN_A }).click(); // tap 1
  await detail.getByText(`您选择：${PLAN_A}`, { exact: true }).waitFor();
  await detail.getByText('确认投票', { exact: true }).click(); // tap 2
  const receipt = detail.locator('.receipt');
  await receipt.getByText(`已投票：${PLAN_A}`, { exact: true }).waitFor();
  expect(await receipt.locator('.receipt-units').innerText()).toBe(`房号 ${flat.unitNo}`);
  expect(await receipt.locator('.receipt-code').innerText()).toMatch(
    /^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/,
  );
  // The page reloads after the vote: my flat now says it has voted, in favour.
  await detail.locator('.my-unit', { hasText: '业主本人已于' }).waitFor();
  await owner.shot('receipt');

  await detail.getByText('查看实时结果', { exact: true }).click(); // tap 3
  const after = await readResults(owner);
  expect(after).toEqual({ voted: before.voted + 1, planA: before.planA + 1 });
  await owner.shot('gauge');

  // Changing the vote asks first, voids the old receipt and says which one counts now.
  const firstReceipt = await receipt.locator('.receipt-code').innerText();
  await owner.page.locator('.pv-nav__back').click();
  await detail.locator('.revote-hint', { hasText: `您已投「${PLAN_A}」` }).waitFor();
  await detail.locator('.choice', { hasText: PLAN_B }).click();
  await detail.getByText('确认投票', { exact: true }).click();
  await owner.page.locator('.pv-dialog', { hasText: '原回执作废' }).waitFor();
  await owner.page.locator('.pv-dialog__btn--ok').click();
  await receipt.getByText(`已投票：${PLAN_B}`, { exact: true }).waitFor();
  await receipt.locator('.replaced-line', { hasText: firstReceipt }).waitFor();
  const current = await receipt.locator('.receipt-code').innerText();
  expect(current).not.toBe(firstReceipt);

  // Opened again later, the page still shows the current receipt and the void one.
  const again = await journey.open(`#${link}`, member.openid);
  const reopened = again.frame('pages/decision-detail/index').locator('.receipt');
  await reopened.getByText(`已投票：${PLAN_B}`, { exact: true }).waitFor();
  expect(await reopened.locator('.receipt-code').innerText()).toBe(current);
  await reopened.getByText('截止前可改票，以最后一次为准', { exact: true }).waitFor();
  await reopened.locator('.replaced-line', { hasText: firstReceipt }).waitFor();
  await again.shot('revoted');

  // Closed and launched again from its icon: home says she has voted, the tab no longer asks,
  // and the vote's card leads to the receipt that counts now.
  const relaunched = await journey.open('#/pages/home/index', member.openid);
  const voteCard = relaunched
    .frame('pages/home/index')
    .locator('.open-vote', { hasText: '施工期间停梯安排' });
  await voteCard.locator('.vote-tag', { hasText: '已投票' }).waitFor();
  expect(await decisionsBadge(relaunched).isVisible()).toBe(false);
  await voteCard.click();
  const found = relaunched.frame('pages/decision-detail/index').locator('.receipt');
  await found.getByText(`已投票：${PLAN_B}`, { exact: true }).waitFor();
  expect(await found.locator('.receipt-code').innerText()).toBe(current);
  await found.locator('.replaced-line', { hasText: firstReceipt }).waitFor();
  await relaunched.shot('relaunched-receipt');
  expect([
    ...organizer.errors,
    ...launched.errors,
    ...owner.errors,
    ...again.errors,
    ...relaunched.errors,
  ]).toEqual([]);
});

test('a proxy votes for an owner abroad and reads 代 <owner>（<flat>） wherever he acts', async () => {
  const voted = votedOn(PLAN);
  const grant = seed.collections.proxies.find(
    (p) =>
      p.status === 'active' &&
      p.proxyOpenid !== null &&
      p.scope.vote &&
      p.scope.pay &&
      p.unitIds.length === 1 &&
      !voted.has(p.unitIds[0] ?? ''),
  );
  if (!grant?.proxyOpenid) throw new Error('the demo has no proxy whose owner has not voted');
  const owner = seed.collections.people.find((p) => p._id === grant.ownerPersonId)?.name ?? '';
  const unitNo = seed.collections.units.find((u) => u._id === grant.unitIds[0])?.unitNo ?? '';
  const acting = `代 ${owner}（${unitNo}）`;

  // Home: the owner's ballot is missing, so the vote and the 议事 tab say 尚未投票.
  const proxy = await journey.open('#/pages/home/index', grant.proxyOpenid);
  const card = proxy
    .frame('pages/home/index')
    .locator('.open-vote', { hasText: '施工期间停梯安排' });
  await card.locator('.vote-tag', { hasText: '尚未投票' }).waitFor();
  await decisionsBadge(proxy).getByText('尚未投票', { exact: true }).waitFor();
  await proxy.shot('proxy-home');

  // The vote page says for whom he votes, and so do the receipt and the flat's section.
  await card.click();
  const detail = proxy.frame('pages/decision-detail/index');
  await detail.locator('.ballot-for', { hasText: `${acting}投票` }).waitFor();
  expect(await detail.locator('.my-units-title').innerText()).toBe(`我代 ${owner} 投票的房屋`);
  await detail.locator('.choice', { hasText: PLAN_A }).click();
  await detail.getByText('确认投票', { exact: true }).click();
  const receipt = detail.locator('.receipt');
  await receipt.getByText(`已投票：${PLAN_A}`, { exact: true }).waitFor();
  expect(await receipt.locator('.receipt-units').innerText()).toBe(`${acting}投票`);
  await proxy.page.locator('.pv-toast').waitFor({ state: 'detached' });
  await proxy.shot('proxy-receipt');
  // The owner's ballot is in: the tab stops asking.
  await decisionsBadge(proxy).getByText('尚未投票').waitFor({ state: 'hidden' });

  // His own page never tells him to bind a flat: it says what he may do for the owner.
  const household = await journey.open('#/pages/household/index', grant.proxyOpenid);
  const mine = household.frame('pages/household/index');
  await mine.locator('.acting-for-line', { hasText: `${acting}投票、缴费` }).waitFor();
  expect(await mine.innerText()).not.toContain('还没有绑定房屋');
  await household.shot('proxy-household');

  // And the money tab pays for the owner, saying so.
  await mine.locator('.go-pay').click();
  await household.frame('pages/money/index').getByText(`${acting}缴费`).first().waitFor();
  await household.shot('proxy-money');
  expect([...proxy.errors, ...household.errors]).toEqual([]);
});

test('staff enter a signed paper ballot with the photo of the form', async () => {
  const person = (id: string) => seed.collections.people.find((p) => p._id === id);
  const flat = unvotedFlat((id) => person(id)?.noSmartphone === true);
  const staff = await journey.open(`#/pages/decision-detail/index?id=${PLAN}`, 'demo-staff1');
  const before = await readResults(
    await journey.open(`#/pages/decision-results/index?id=${PLAN}`, 'demo-staff1'),
  );

  const detail = staff.frame('pages/decision-detail/index');
  await detail.getByText('录入纸质表决票', { exact: true }).click();
  const paper = staff.frame('pages/decision-paper/index');
  await paper.locator('.unit-input input').pressSequentially(flat.unitNo);
  await paper.getByText('查询', { exact: true }).click();
  await paper.getByText(`${flat.unitNo} 尚未投票`, { exact: true }).waitFor();
  await paper.locator('.choice', { hasText: PLAN_A }).click();
  // The pick shows on the button itself, white on green, unlike the others.
  const picked = paper.locator('.choice--on', { hasText: PLAN_A });
  await picked.waitFor();
  expect(await computedStyle(picked, 'color')).toBe('rgb(255, 255, 255)');
  expect(await computedStyle(picked, 'background-color')).not.toBe(
    await computedStyle(paper.locator('.choice', { hasText: '弃权' }), 'background-color'),
  );

  // The camera: the preview's file chooser takes the photo of the signed form.
  const photo = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const [chooser] = await Promise.all([
    staff.page.waitForEvent('filechooser'),
    paper.getByText('拍摄签字表决票', { exact: true }).click(),
  ]);
  await chooser.setFiles({ name: 'ballot.jpg', mimeType: 'image/jpeg', buffer: photo });
  await paper.getByText('已拍摄，重新拍摄', { exact: true }).waitFor();
  await staff.shot('paper-form');
  await paper.getByText('确认录入', { exact: true }).click();
  // Entering counts at once and cannot be undone: it asks first.
  await staff.page.locator('.pv-dialog', { hasText: '录入后立即计票，不能撤销' }).waitFor();
  await staff.page.locator('.pv-dialog__btn--ok').click();
  const done = paper.locator('.done');
  await done.waitFor();
  expect(await done.innerText()).toMatch(
    new RegExp(`^已录入 ${flat.unitNo}：${PLAN_A}，回执 [0-9a-f]{4}(-[0-9a-f]{4}){3}$`),
  );
  await staff.shot('paper-entered');

  // The photo went to the cloud's storage, under the decision, named for the flat.
  const stored = findFiles(path.join(journey.cloud.dataDir, 'storage')).filter((f) =>
    f.includes(path.join('ballots', PLAN, `${flat.unitId}-`)),
  );
  expect(stored).toHaveLength(1);
  expect(fs.readFileSync(stored[0] ?? '')).toEqual(photo);

  // Looked up again, the flat shows its paper ballot; the gauge counts it.
  await paper.locator('.unit-input input').pressSequentially(flat.unitNo);
  await paper.getByText('查询', { exact: true }).click();
  await paper.getByText('纸质投票', { exact: false }).waitFor();
  await staff.page.locator('.pv-nav__back').click();
  await detail.getByText('查看实时结果', { exact: true }).click();
  expect(await readResults(staff)).toEqual({ voted: before.voted + 1, planA: before.planA + 1 });
  await staff.shot('paper-counted');
  expect(staff.errors).toEqual([]);
});

function findFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? findFiles(full) : [full];
  });
}

test('the organizer opens a vote, closes one past its deadline and publishes the result', async () => {
  const organizer = await journey.open('#/pages/decisions/index', 'demo-organizer');
  const { page, frame, shot } = organizer;
  const list = frame('pages/decisions/index');
  const row = (title: string): Locator => list.locator('.decision', { hasText: title });
  await row('新电梯轿厢广告收益归全体业主').waitFor();
  // Past its deadline a vote is no longer shown as running, though it waits to be closed.
  await row('续筹专项维修资金').locator('.badge', { hasText: '已截止，待计票' }).waitFor();
  await shot('desk');

  // A notice that has stood its 15 days: open voting.
  await row('新电梯轿厢广告收益归全体业主').click();
  const detail = frame('pages/decision-detail/index');
  await detail.getByText('组织表决', { exact: true }).click();
  const organize = frame('pages/decision-organize/index');
  await organize.locator('.state', { hasText: '公示中' }).waitFor();
  await organize.getByText('开始投票', { exact: true }).click();
  await page.locator('.pv-dialog', { hasText: '此操作不可撤销' }).waitFor();
  await page.locator('.pv-dialog__btn--ok').click();
  await organize.locator('.state', { hasText: '投票中' }).waitFor();
  await organize.locator('.message', { hasText: '已完成' }).waitFor();
  await shot('opened');
  await page.locator('.pv-nav__back').click();
  await page.locator('.pv-nav__back').click();
  await row('新电梯轿厢广告收益归全体业主').locator('.badge', { hasText: '投票中' }).waitFor();

  // A vote whose deadline passed yesterday: close it, then post the preliminary result.
  await row('续筹专项维修资金').click();
  await detail.getByText('组织表决', { exact: true }).click();
  await organize.getByText('结束投票（截止后）', { exact: true }).click();
  await page.locator('.pv-dialog', { hasText: '此操作不可撤销' }).waitFor();
  await page.locator('.pv-dialog__btn--ok').click();
  await organize.locator('.state', { hasText: '已截止' }).waitFor();
  await shot('closed');
  await organize.getByText('公示初步结果', { exact: true }).click();
  await page.locator('.pv-dialog', { hasText: '此操作不可撤销' }).waitFor();
  await page.locator('.pv-dialog__btn--ok').click();
  await organize.locator('.state', { hasText: '初步结果公示中' }).waitFor();
  await shot('published');

  // Back on the decision: the list posted for every resident to check.
  await page.locator('.pv-nav__back').click();
  await detail.getByText('逐户表决清单', { exact: true }).click();
  const posted = frame('pages/decision-published/index');
  const ballots = demo.ballots.filter((b) => b.decisionId === MANDATE);
  await posted.getByText(`共 ${ballots.length} 张表决票 · 只列房号和面积，不列姓名`).waitFor();
  const lines = posted.locator('.line:not(.line--head)');
  // One line per flat: an owner of two flats cast one ballot that covers both.
  expect(await lines.count()).toBe(ballots.flatMap((b) => b.units).length);
  const first = await lines.first().innerText();
  expect(first).toMatch(/\d+-\d{2}/);
  expect(first).toMatch(/[0-9a-f]{4}(-[0-9a-f]{4}){3}/);
  await shot('posted-list');
  const text = await posted.innerText();
  const named = seed.collections.people.filter((p) => text.includes(p.name));
  expect(named.map((p) => p.name)).toEqual([]);

  // An owner finds her flat's line by the start of her receipt.
  const mine = ballots.find((b) => b.units.length === 1);
  const unitNo = mine?.units[0]?.unitNo ?? '';
  if (!mine) throw new Error('no single-flat ballot on the top-up');
  await posted.locator('.search input').pressSequentially(mine.receipt.slice(0, 6));
  await lines.nth(1).waitFor({ state: 'detached' });
  expect(await lines.count()).toBe(1);
  expect(await lines.first().innerText()).toContain(unitNo);
  await shot('posted-found');
  expect(organizer.errors).toEqual([]);
});
