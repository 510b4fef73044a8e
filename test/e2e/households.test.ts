import type { Locator } from 'playwright-core';
import { demoSeed } from '../../cli/seed/demo';
import { maskName } from '../../core/registry/privacy';
import { startJourney, type Journey } from './journey';

/**
 * Households in the browser, as people tap through the real pages against the real functions:
 * a family member binds a flat with the lobby's invite code and an organizer approves it; an owner
 * invites a proxy, shares the link, and the proxy opens it in their own WeChat and accepts.
 */
jest.setTimeout(60_000);

const seed = demoSeed();
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('households');
});
afterAll(() => journey?.close());

/** The person's name in a demo identity's label: "王建国（业主 3-01）" → "王建国". */
const nameIn = (label: string): string => label.replace(/（.*$/, '');

/** Types like a person does, a key at a time, into the native field inside a built-in. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.locator('input, textarea').first().pressSequentially(text);
}

test('a family member binds a flat with the invite code; an organizer approves it', async () => {
  const flat = '12-04';
  const code = seed.inviteCodes.find((c) => c.unitNo === flat)?.code;
  if (!code) throw new Error(`the demo lobby list has no code for ${flat}`);
  const guest = journey.identities.find((i) => i.openid === 'demo-guest');
  if (!guest) throw new Error('the demo building has no guest');

  // The newcomer: 我的 → 绑定房屋, the code from the lobby list, "家属或租户", her name.
  const newcomer = await journey.open('#/pages/me/index', guest.openid);
  const me = newcomer.frame('pages/me/index');
  await me.getByText('绑定房屋', { exact: true }).click();
  const bind = newcomer.frame('pages/bind/index');
  await typeInto(bind.locator('.code-input'), code);
  await bind.getByText('家属或租户', { exact: true }).click();
  await bind.getByText('您的姓名', { exact: true }).waitFor();
  await typeInto(bind.locator('.name-input'), '林晓雯');
  await newcomer.shot('bind-form');
  await bind.getByText('提交绑定申请', { exact: true }).click();
  await bind.getByText(`已提交 ${flat} 的绑定申请，换梯小组核实后即可使用`).waitFor();
  expect(await bind.locator('.binding').innerText()).toContain('等待换梯小组审核');
  await newcomer.shot('bind-sent');

  // The organizer: 我的 → 换梯小组工作台, the request in the queue, 通过.
  const organizer = await journey.open('#/pages/me/index', 'demo-organizer');
  await organizer.frame('pages/me/index').getByText('换梯小组工作台', { exact: true }).click();
  const desk = organizer.frame('pages/organizer/index');
  const request = desk.locator('.request', { hasText: `${flat} · 家属或租户 林晓雯` });
  await request.waitFor();
  // The seed's two requests wait there too, older first.
  await desk.getByText('待审核的绑定申请（3）', { exact: true }).waitFor();
  await organizer.shot('approvals');
  await request.getByText('通过', { exact: true }).click();
  await organizer.page.locator('.pv-toast', { hasText: '已通过' }).waitFor();
  await request.waitFor({ state: 'detached' });
  expect(await desk.locator('.request').count()).toBe(2);
  await organizer.shot('approved');

  // The newcomer opens the mini program again: the flat is hers.
  const later = await journey.open('#/pages/me/index', guest.openid);
  const meAgain = later.frame('pages/me/index');
  await meAgain.getByText('已绑定 1 套房屋', { exact: true }).waitFor();
  await meAgain.getByText('我的房屋', { exact: true }).click();
  const household = later.frame('pages/household/index');
  const unit = household.locator('.unit', { hasText: flat });
  await unit.waitFor();
  expect(await unit.innerText()).toContain('家属或租户');
  // The request is settled: no line says it is still waiting.
  expect(await household.getByText('等待换梯小组审核', { exact: false }).count()).toBe(0);
  await later.shot('bound');
  expect([...newcomer.errors, ...organizer.errors, ...later.errors]).toEqual([]);
});

test('an owner invites a proxy by a share link; the proxy opens it and accepts', async () => {
  const owner = journey.identities.find((i) => i.role === 'owner');
  // The owner of 2-01 will be away; the family member who lives in the flat will vote and pay.
  const friend = journey.identities.find((i) => i.role === 'resident');
  if (!owner || !friend) throw new Error('the demo building has no owner or resident');
  const ownerName = nameIn(owner.label);
  const friendName = nameIn(friend.label);

  const asOwner = await journey.open('#/pages/me/index', owner.openid);
  await asOwner.frame('pages/me/index').getByText('我的房屋', { exact: true }).click();
  const household = asOwner.frame('pages/household/index');
  await household.getByText('邀请代理人', { exact: true }).click();
  await typeInto(household.locator('.proxy-name'), friendName);
  expect(await household.locator('.vote-switch[checked]').count()).toBe(1);
  await asOwner.shot('invite-form');
  await household.getByText('生成邀请', { exact: true }).click();
  await household
    .getByText(`邀请已生成，请分享给 ${friendName}（链接只能使用一次）`, { exact: true })
    .waitFor();
  const given = household.locator('.given', { hasText: `委托 ${friendName}` });
  expect(await given.locator('.proxy-state').innerText()).toBe('等待对方接受');

  // 分享给代理人: WeChat's share sheet, whose card opens the proxy page.
  await household.getByText('分享给代理人', { exact: true }).click();
  const sharePath = asOwner.page.locator('.pv-share__path');
  await sharePath.waitFor();
  const path = await sharePath.innerText();
  expect(path).toMatch(/^\/pages\/proxy\/index\?token=/);
  await asOwner.shot('share-card');

  // The friend taps the card in the chat: the same path, in their own WeChat.
  const asFriend = await journey.open(`#${path}`, friend.openid);
  const invitation = asFriend.frame('pages/proxy/index');
  // Until they accept, the owner's name is shown masked: the link may have been forwarded.
  await invitation.getByText(`业主 ${maskName(ownerName)} 请您代为办理`, { exact: true }).waitFor();
  expect(await invitation.locator('.scope').innerText()).toBe('内容：投票和缴款，全部议题');
  await asFriend.shot('invitation');
  await invitation.getByText('接受委托', { exact: true }).click();
  await invitation.getByText('您已成为代理人', { exact: false }).waitFor();
  await asFriend.shot('accepted');
  await invitation.getByText('查看我的房屋', { exact: true }).click();
  const held = asFriend.frame('pages/household/index').locator('.held');
  await held.waitFor();
  expect(await held.locator('.proxy-title').innerText()).toContain(`代 ${ownerName}`);
  expect(await held.locator('.proxy-state').innerText()).toBe('有效');
  await asFriend.shot('held');

  // The link worked once: opened again, it cannot be accepted a second time.
  const again = await journey.open(`#${path}`, 'demo-guest');
  const reused = again.frame('pages/proxy/index');
  await reused.getByText('这个邀请链接已经被使用过了', { exact: false }).waitFor();
  expect(await reused.locator('.accept[disabled]').count()).toBe(1);
  await again.shot('link-used');

  // The owner goes back and opens My household again: the invitation is now in force.
  await asOwner.page.locator('.pv-sheet button', { hasText: '关闭' }).click();
  await asOwner.page.locator('.pv-nav__back').click();
  await asOwner.frame('pages/me/index').getByText('我的房屋', { exact: true }).click();
  const refreshed = asOwner
    .frame('pages/household/index')
    .locator('.given', { hasText: `委托 ${friendName}` });
  await refreshed.locator('.proxy-state', { hasText: '有效' }).waitFor();
  await asOwner.shot('in-force');
  expect([...asOwner.errors, ...asFriend.errors]).toEqual([]);
});
