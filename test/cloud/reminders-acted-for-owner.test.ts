/**
 * "代办通知" through the real functions: when a proxy votes for an owner, or someone else's payment
 * is credited to the owner's flat, the owner gets one subscription message in the outbox — only
 * with a grant the owner gave (one accept, one message), never twice for the same ballot or
 * payment, and never for what the owner did themselves.
 */
import { demoBuilding } from '../../cli/seed';
import type { OutboxEntry } from '../../localcloud/outbox';
import type { Member } from '../../core/registry/model';
import { TEMPLATES } from '../../core/reminders/templates';
import { ORGANIZER, type Tower, towerSeed } from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { type DecisionsClient, decisions } from './decisionsApi';
import { type FundsClient, funds } from './fundsApi';
import { functionClient } from './functionClient';
import { remindersClient } from './remindersApi';

const TEMPLATE_ID = TEMPLATES.actedForYou.id;

function toldOf(t: TestCloud, openid: string): OutboxEntry[] {
  return t.cloud.outbox
    .list('openapi.subscribeMessage.send')
    .filter((e) => e.templateId === TEMPLATE_ID && e.touser === openid);
}

async function accept(t: TestCloud, openid: string): Promise<void> {
  await remindersClient(t).ok('subscribe', { answers: { [TEMPLATE_ID]: 'accept' } }, openid);
}

describe('a proxy votes for an owner', () => {
  let t: TestCloud;
  let api: DecisionsClient;
  let tower: Tower;

  beforeAll(async () => {
    tower = towerSeed(24);
    t = await startTestCloud({
      seed: { ...tower.collections, subscriptions: [], reminderLog: [] },
    });
    api = decisions(t);
    await api.ok('open', { decisionId: 'd-ready' }, ORGANIZER);
  });
  afterAll(() => t.stop());

  it('tells the owner once per ballot the proxy casts, while the owner has a grant left', async () => {
    const [unitId, owner, proxy] = tower.ownerWithProxy;
    // No grant yet: the vote counts and nothing is sent.
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'yes' }, proxy);
    expect(toldOf(t, owner)).toHaveLength(0);

    await accept(t, owner);
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'no' }, proxy);
    const [told] = toldOf(t, owner);
    expect(toldOf(t, owner)).toHaveLength(1);
    expect(told).toMatchObject({
      page: 'pages/decision-detail/index?id=d-ready',
      data: {
        thing1: { value: '代理人px-family代您投票' },
        thing2: { value: expect.stringMatching(/^反对：/) as unknown },
        time3: { value: expect.stringMatching(/^\d{4}年\d+月\d+日 \d{2}:\d{2}$/) as unknown },
      },
    });

    // The same ballot again changes nothing and tells nobody; a grant is still needed per message.
    await accept(t, owner);
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'no' }, proxy);
    expect(toldOf(t, owner)).toHaveLength(1);
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'abstain' }, proxy);
    expect(toldOf(t, owner)).toHaveLength(2);
    // No grant left: the change of vote stands, the owner is not messaged.
    const receipt = await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'yes' }, proxy);
    expect(receipt).toMatchObject({ voice: 'proxy', choiceLabel: '同意', changed: true });
    expect(toldOf(t, owner)).toHaveLength(2);
  });

  it('sends nothing when the owner votes themselves', async () => {
    const [unitId, owner] = tower.ownerWithProxy;
    await accept(t, owner);
    const before = toldOf(t, owner).length;
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'no' }, owner);
    expect(toldOf(t, owner)).toHaveLength(before);
  });
});

describe('someone pays for an owner', () => {
  let t: TestCloud;
  let api: FundsClient;
  const seed = demoBuilding(Date.now());
  const proxy = 'wx-son';
  let owner = '';
  let unitId = '';

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections });
    api = funds(t);
    // An owner of the demo with WeChat whose share is still open invites a son to pay for them.
    const members = (seed.collections.members ?? []) as Member[];
    for (const m of members) {
      if (!m.openid.startsWith('demo-owner-') || m.unitIds.length !== 1) continue;
      const account = await api.ok('myAccount', {}, m.openid);
      const open = account.units.find((u) => u.leftFen >= 200_00);
      if (!open) continue;
      [owner, unitId] = [m.openid, open.unitId];
      break;
    }
    const households = functionClient(t, 'households');
    const invitation = await households.ok(
      'inviteProxy',
      {
        unitIds: [unitId],
        proxyName: '儿子小刚',
        scope: { vote: false, pay: true, decisionId: null },
        validUntil: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
      },
      owner,
    );
    await households.ok('acceptProxy', { token: invitation.token, name: '小刚' }, proxy);
  });
  afterAll(() => t.stop());

  it('tells the owner once when the proxy’s payment is credited, however often WeChat repeats it', async () => {
    await accept(t, owner);
    await accept(t, owner);
    const order = await api.ok('createOrder', { unitId, amountFen: 100_00 }, proxy);
    await t.cloud.pay.simulate(order.outTradeNo, 'success');
    await t.cloud.pay.simulate(order.outTradeNo, 'success');
    await api.ok('orderStatus', { outTradeNo: order.outTradeNo }, proxy);
    const told = toldOf(t, owner);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      page: 'pages/money/index',
      data: {
        thing1: { value: expect.stringMatching(/代您缴款$/) as unknown },
        thing2: { value: expect.stringMatching(/^\d+-\d+ 已入账 ¥100\.00$/) as unknown },
      },
    });
  });

  it('sends nothing for the owner’s own payment', async () => {
    const before = toldOf(t, owner).length;
    const order = await api.ok('createOrder', { unitId, amountFen: 100_00 }, owner);
    await t.cloud.pay.simulate(order.outTradeNo, 'success');
    expect(toldOf(t, owner)).toHaveLength(before);
  });
});
