/**
 * funds through the real wx-server-sdk, the function host, the local cloud and its pay simulator,
 * on a tower of 24 flats: schemes are drafted, compared and put to a vote; the carried scheme
 * binds when the vote is final; charges are issued once; payments are credited once, only on
 * WeChat's own word, partial or whole, by the owner, a proxy or a friend through a pay link.
 */
import type { PayAnomaly, PayOrder } from '../../core/funds/model';
import { type SchemeUnit, splitInputOf } from '../../core/funds/schemes';
import { splitCost } from '../../core/funds/split';
import { unitAccount } from '../../core/ledger/accounts';
import { verifyLedger, type StoredBalance, type StoredDoc } from '../../core/ledger/chain';
import type { EntryDoc } from '../../core/ledger/transfers';
import { byRoom } from '../../core/registry/lastMile';
import type { HeadDoc } from '../../server/ledger/store';
import { docs, registryDb } from '../../server/repository/docs';
import type { SchemeView } from '../../typings/api';
import {
  ORGANIZER,
  OTHER_DECISION_PROXY,
  PAY_ONLY_PROXY,
  STAFF,
  STRANGER,
  TREASURER,
  type Tower,
} from '../helpers/decisionsTower';
import { COST_DECISION, PLAN_A_FEN, PLAN_B_FEN, finalWith, fundsSeed } from '../helpers/fundsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { putFile } from '../helpers/rosterFiles';
import { pointSdkAt } from '../helpers/wxSdk';
import { type FundsClient, funds } from './fundsApi';

const FRIEND = 'friend-abroad';
const COEFFICIENTS = [2, 3, 4, 5, 6].map((floor) => ({ floor, thousandths: 500 + floor * 100 }));

describe('funds function', () => {
  let t: TestCloud;
  let api: FundsClient;
  let tower: Tower;
  let units: SchemeUnit[];
  let schemeA: SchemeView;
  let schemeB: SchemeView;
  let schemeEqual: SchemeView;

  beforeAll(async () => {
    tower = fundsSeed(24);
    t = await startTestCloud({ seed: tower.collections });
    pointSdkAt(t.cloud);
    api = funds(t);
    units = [...tower.collections.units].sort(byRoom).map((u) => ({
      unitId: u._id,
      unitNo: u.unitNo,
      floor: u.floor,
      areaHundredths: u.areaHundredths,
    }));
  });
  afterAll(() => t.stop());

  const all = <T>(name: string): T[] => t.cloud.database.documents(name, 0, 1_000_000).docs as T[];
  const owner = (unitId: string): string => {
    const openid = tower.ownerOpenid.get(unitId);
    if (!openid) throw new Error(`no online owner for ${unitId}`);
    return openid;
  };
  const setDecision = (fields: object) =>
    docs(registryDb()).update('decisions', COST_DECISION, fields);
  const entriesOf = (unitId: string) =>
    all<EntryDoc>('entries').filter((e) => e.unitId === unitId && e.kind === 'payment');
  const ledgerVerdict = () =>
    verifyLedger(
      all<StoredDoc>('entries'),
      all<StoredBalance>('balances'),
      all<HeadDoc>('ledgerHead')[0] ?? null,
    );
  const leftOf = async (unitId: string, openid: string) =>
    (await api.ok('myAccount', {}, openid)).units.find((u) => u.unitId === unitId)?.leftFen ?? -1;
  const expectedShares = (scheme: SchemeView): number[] =>
    splitCost(
      splitInputOf(
        {
          totalFen: scheme.totalFen,
          method: scheme.method,
          coefficients: Object.fromEntries(
            scheme.coefficients.map((c) => [String(c.floor), c.thousandths]),
          ),
          exemptions: scheme.exemptions,
        },
        units,
      ),
    ).map((s) => s.fen);

  describe('schemes', () => {
    it('drafts schemes on the plans of a draft vote, with the plan’s quote as the total', async () => {
      schemeA = await api.ok(
        'createScheme',
        {
          title: '楼层系数方案',
          method: 'floor-coefficient',
          coefficients: COEFFICIENTS,
          exemptions: [{ unitId: 'u2-01', reason: '低保户，经业主大会同意免摊' }],
          link: { decisionId: COST_DECISION, planKey: 'A' },
        },
        ORGANIZER,
      );
      expect(schemeA).toMatchObject({
        totalFen: PLAN_A_FEN,
        totalLabel: '¥1,200,000.00',
        status: 'draft',
        editable: true,
        exemptions: [{ unitId: 'u2-01', unitNo: '2-01' }],
        link: {
          decisionId: COST_DECISION,
          planKey: 'A',
          planLabel: '方案A：保留导轨，更换其余部件',
        },
      });
      schemeB = await api.ok(
        'createScheme',
        { title: '按面积分摊', method: 'area', link: { decisionId: COST_DECISION, planKey: 'B' } },
        ORGANIZER,
      );
      expect(schemeB.totalFen).toBe(PLAN_B_FEN);
      schemeEqual = await api.ok(
        'createScheme',
        { title: '每户均摊（参考）', method: 'equal', totalFen: 2_400_000 },
        ORGANIZER,
      );
      expect(schemeEqual).toMatchObject({ link: null, totalFen: 2_400_000 });
    });

    it('refuses schemes that cannot be split, a second scheme on one plan, and residents drafting', async () => {
      const missingFloor = await api.err(
        'createScheme',
        {
          title: 'x',
          method: 'floor-coefficient',
          totalFen: 100_00,
          coefficients: COEFFICIENTS.slice(1),
        },
        ORGANIZER,
      );
      expect(missingFloor).toMatchObject({ code: 'INVALID_INPUT' });
      expect(missingFloor.message).toContain('2 楼没有楼层系数');
      expect(
        await api.err(
          'createScheme',
          {
            title: 'x',
            method: 'area',
            totalFen: 100,
            exemptions: [{ unitId: 'nope', reason: 'r' }],
          },
          ORGANIZER,
        ),
      ).toMatchObject({ code: 'INVALID_INPUT' });
      expect(
        await api.err(
          'createScheme',
          { title: 'x', method: 'area', link: { decisionId: COST_DECISION, planKey: 'A' } },
          ORGANIZER,
        ),
      ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('楼层系数方案') });
      expect(
        await api.err('createScheme', { title: 'x', method: 'area' }, ORGANIZER),
      ).toMatchObject({ code: 'INVALID_INPUT' });
      expect(
        await api.err('createScheme', { title: 'x', method: 'area', totalFen: 1 }, owner('u2-02')),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(all('schemes')).toHaveLength(3);
      expect(all('schemeLinks')).toHaveLength(2);
    });

    it('an organizer edits a draft scheme and moves it between plans, one scheme a plan', async () => {
      const edited = await api.ok(
        'editScheme',
        {
          schemeId: schemeEqual.id,
          title: '每户均摊（参考方案）',
          exemptions: [{ unitId: 'u2-01', reason: '低保户' }],
        },
        ORGANIZER,
      );
      expect(edited).toMatchObject({
        title: '每户均摊（参考方案）',
        exemptions: [{ unitNo: '2-01' }],
      });
      expect(
        await api.err(
          'editScheme',
          { schemeId: schemeEqual.id, link: { decisionId: COST_DECISION, planKey: 'A' } },
          ORGANIZER,
        ),
      ).toMatchObject({ code: 'CONFLICT' });
      const unlinked = await api.ok('editScheme', { schemeId: schemeB.id, link: null }, ORGANIZER);
      expect(unlinked).toMatchObject({ link: null, totalFen: PLAN_B_FEN });
      expect(all('schemeLinks')).toHaveLength(1);
      const moved = await api.ok(
        'editScheme',
        { schemeId: schemeB.id, link: { decisionId: COST_DECISION, planKey: 'B' } },
        ORGANIZER,
      );
      expect(moved.link).toMatchObject({ planKey: 'B' });
      expect(all('schemeLinks')).toHaveLength(2);
      schemeEqual = edited;
    });

    it('compares schemes side by side: every unit, my share, min/median/max and each floor', async () => {
      const view = await api.ok(
        'compareSchemes',
        { schemeIds: [schemeA.id, schemeB.id, schemeEqual.id], limit: 10 },
        ORGANIZER,
      );
      expect(view.total).toBe(24);
      expect(view.rows).toHaveLength(10);
      const full = await api.ok(
        'compareSchemes',
        { schemeIds: [schemeA.id, schemeB.id, schemeEqual.id], limit: 500 },
        ORGANIZER,
      );
      [schemeA, schemeB, schemeEqual].forEach((scheme, k) => {
        const want = expectedShares(scheme);
        expect(full.rows.map((r) => r.sharesFen[k])).toEqual(want);
        const compared = full.schemes[k];
        const paying = want.filter((f) => f > 0).sort((a, b) => a - b);
        expect(compared?.stats).toMatchObject({
          minFen: paying[0],
          maxFen: paying[paying.length - 1],
          medianFen: paying[Math.floor((paying.length - 1) / 2)],
        });
        expect(compared?.floors.reduce((sum, f) => sum + f.totalFen, 0)).toBe(scheme.totalFen);
      });
      expect(full.rows[0]).toMatchObject({ unitNo: '2-01', exempt: [true, false, true] });
      expect(full.rows[0]?.sharesFen[0]).toBe(0);

      // An owner sees their own share, once the scheme is on a posted vote.
      expect(
        await api.err('compareSchemes', { schemeIds: [schemeA.id] }, owner('u2-02')),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('shows each owner their share under each plan before the vote', async () => {
      await setDecision({ status: 'notice' });
      const mine = await api.ok('myShares', { decisionId: COST_DECISION }, owner('u2-04'));
      const index = units.findIndex((u) => u.unitId === 'u2-04');
      const underA = expectedShares(schemeA)[index] ?? -1;
      const underB = expectedShares(schemeB)[index] ?? -1;
      expect(mine.plans.map((p) => p.planKey)).toEqual(['A', 'B']);
      expect(mine.plans[0]).toMatchObject({
        schemeId: schemeA.id,
        method: 'floor-coefficient',
        totalFen: underA,
        units: [{ unitId: 'u2-04', fen: underA }],
      });
      expect(mine.plans[0]?.label).toMatch(/^方案A：您家约 ¥[\d,]+\.\d{2}$/);
      expect(mine.plans[1]).toMatchObject({ schemeId: schemeB.id, totalFen: underB });
      const listed = await api.ok('listSchemes', {}, owner('u2-04'));
      expect(listed.schemes.map((s) => s.id).sort()).toEqual([schemeA.id, schemeB.id].sort());
      expect(listed.schemes.every((s) => s.status === 'on-vote' && !s.editable)).toBe(true);
      const compared = await api.ok('compareSchemes', { schemeIds: [schemeA.id] }, owner('u2-04'));
      expect(compared.schemes[0]?.mineLabel).toBe(`您家约 ${mine.plans[0]?.units[0]?.label}`);
    });

    it('a scheme on a posted vote can no longer change, and binds only when the vote carries it', async () => {
      expect(
        await api.err('editScheme', { schemeId: schemeA.id, title: '改名' }, ORGANIZER),
      ).toMatchObject({ code: 'CONFLICT' });
      expect(
        await api.err('issueCharges', { schemeId: schemeA.id, dueDate: '2027-01-31' }, ORGANIZER),
      ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('尚未生效') });
      await setDecision(finalWith('A', Date.now()));
      const listed = await api.ok('listSchemes', {}, ORGANIZER);
      const status = Object.fromEntries(listed.schemes.map((s) => [s.id, s.status]));
      expect(status).toEqual({
        [schemeA.id]: 'binding',
        [schemeB.id]: 'not-adopted',
        [schemeEqual.id]: 'draft',
      });
      expect(
        await api.err('issueCharges', { schemeId: schemeB.id, dueDate: '2027-01-31' }, ORGANIZER),
      ).toMatchObject({ code: 'CONFLICT' });
    });
  });

  describe('charges', () => {
    it('issues one charge per paying unit, posted to the ledger, and issues nothing new again', async () => {
      const want = expectedShares(schemeA);
      const paying = want.filter((f) => f > 0).length;
      const first = await api.ok(
        'issueCharges',
        { schemeId: schemeA.id, dueDate: '2027-01-31' },
        TREASURER,
      );
      expect(first).toMatchObject({
        issued: paying,
        alreadyIssued: 0,
        remaining: 0,
        chargedUnits: paying,
        chargedFen: PLAN_A_FEN,
      });
      const again = await api.ok(
        'issueCharges',
        { schemeId: schemeA.id, dueDate: '2027-02-28' },
        ORGANIZER,
      );
      expect(again).toMatchObject({ issued: 0, alreadyIssued: paying, chargedFen: PLAN_A_FEN });
      expect(all('charges')).toHaveLength(paying);
      const charges = all<EntryDoc>('entries').filter((e) => e.kind === 'charge');
      expect(charges).toHaveLength(paying);
      expect(charges.reduce((sum, e) => sum + e.amountFen, 0)).toBe(PLAN_A_FEN);
      expect(ledgerVerdict()).toMatchObject({ ok: true });
    });

    it('shows each household what it owes', async () => {
      const account = await api.ok('myAccount', {}, owner('u2-04'));
      const index = units.findIndex((u) => u.unitId === 'u2-04');
      const share = expectedShares(schemeA)[index] ?? -1;
      expect(account.units).toHaveLength(1);
      expect(account.units[0]).toMatchObject({
        unitNo: '2-04',
        asLabel: '业主',
        canPay: true,
        chargedFen: share,
        paidFen: 0,
        leftFen: share,
        state: 'unpaid',
        stateLabel: '未缴',
        dueDate: '2027-01-31',
        schemeTitle: '楼层系数方案',
        movements: [{ kind: 'charge', amountFen: share }],
      });
    });
  });

  describe('WeChat Pay', () => {
    it('a partial payment is credited once, however often the notification is replayed', async () => {
      const unitId = 'u2-02';
      const left = await leftOf(unitId, owner(unitId));
      const order = await api.ok('createOrder', { unitId, amountFen: 100_00 }, owner(unitId));
      expect(order.outTradeNo).toMatch(/^[A-Za-z0-9_]{1,32}$/);
      expect(order.payment).toMatchObject({ package: expect.stringMatching(/^prepay_id=/) });
      const paid = await t.cloud.pay.simulate(order.outTradeNo, 'success');
      expect(paid.notify.acknowledged).toBe(true);
      for (let i = 0; i < 10; i += 1) {
        const replay = await t.cloud.pay.simulate(order.outTradeNo, 'success');
        expect(replay).toMatchObject({ duplicate: true, notify: { acknowledged: true } });
      }
      const payments = entriesOf(unitId);
      expect(payments).toHaveLength(1);
      expect(payments[0]).toMatchObject({
        id: `wx:${paid.transactionId ?? ''}`,
        amountFen: 100_00,
        channel: 'wechat',
        payer: { openid: owner(unitId) },
        refs: { orderNo: order.outTradeNo },
      });
      expect(await leftOf(unitId, owner(unitId))).toBe(left - 100_00);
      const status = await api.ok('orderStatus', { outTradeNo: order.outTradeNo }, owner(unitId));
      expect(status).toMatchObject({ status: 'paid', statusLabel: '已到账' });
      const account = await api.ok('myAccount', {}, owner(unitId));
      expect(account.units[0]).toMatchObject({ paidFen: 100_00, state: 'partly' });
      expect(account.units[0]?.movements[0]).toMatchObject({
        kind: 'payment',
        kindLabel: '微信支付',
        payerName: '业主2',
        hasReceipt: true,
      });
      expect(ledgerVerdict()).toMatchObject({ ok: true });
    });

    it('an overseas owner’s proxy pays for the owner’s unit, credited to the unit and naming the proxy', async () => {
      const unitId = 'u2-06';
      const proxy = tower.proxyOf.get(unitId) ?? '';
      const account = await api.ok('myAccount', {}, proxy);
      expect(account.units).toEqual([
        expect.objectContaining({ unitId, asLabel: '代理人', canPay: true }),
      ]);
      const order = await api.ok('createOrder', { unitId, amountFen: 1_000_00 }, proxy);
      await t.cloud.pay.simulate(order.outTradeNo, 'success');
      expect(entriesOf(unitId)).toEqual([
        expect.objectContaining({
          from: unitAccount(unitId),
          channel: 'wechat',
          payer: expect.objectContaining({ openid: proxy }),
        }),
      ]);
    });

    it('refuses less than ¥1, more than is left, and strangers paying someone else’s unit', async () => {
      const unitId = 'u3-05';
      const left = await leftOf(unitId, owner(unitId));
      expect(await api.err('createOrder', { unitId, amountFen: 99 }, owner(unitId))).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('至少'),
      });
      expect(
        await api.err('createOrder', { unitId, amountFen: left + 1 }, owner(unitId)),
      ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('不能超过') });
      expect(
        await api.err('createOrder', { unitId, amountFen: 100_00 }, owner('u2-02')),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.err('createOrder', { unitId, amountFen: 100_00 }, STRANGER)).toMatchObject({
        code: 'FORBIDDEN',
      });
      // A proxy who may only vote cannot pay; one with a pay scope can.
      const eighth = units[7]?.unitId ?? '';
      expect(
        await api.err('createOrder', { unitId: eighth, amountFen: 100_00 }, OTHER_DECISION_PROXY),
      ).toMatchObject({ code: 'FORBIDDEN' });
      await api.ok('createOrder', { unitId: eighth, amountFen: 100_00 }, PAY_ONLY_PROXY);
      expect(t.cloud.pay.orders().filter((o) => o.payer === owner(unitId))).toHaveLength(0);
    });

    it('a paid share leaves nothing to pay: a further order is refused', async () => {
      const unitId = 'u2-04';
      const left = await leftOf(unitId, owner(unitId));
      const order = await api.ok('createOrder', { unitId, amountFen: left }, owner(unitId));
      await t.cloud.pay.simulate(order.outTradeNo, 'success');
      const account = await api.ok('myAccount', {}, owner(unitId));
      expect(account.units[0]).toMatchObject({ leftFen: 0, state: 'paid', stateLabel: '已缴清' });
      expect(await api.err('createOrder', { unitId, amountFen: 100 }, owner(unitId))).toMatchObject(
        { code: 'INVALID_INPUT', message: expect.stringContaining('没有待缴') },
      );
    });

    it('a forged "paid" notification credits nothing and is logged', async () => {
      const unitId = 'u2-05';
      const order = await api.ok('createOrder', { unitId, amountFen: 500_00 }, owner(unitId));
      const forged = {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: order.outTradeNo,
        transactionId: '4200000000000000000000000001',
        totalFee: 500_00,
        subOpenid: STRANGER,
      };
      expect(await api.callback(forged, STRANGER)).toEqual({ errcode: 0, errmsg: '' });
      expect(
        await api.callback({ ...forged, outTradeNo: 'TT0000000000NOTOURS' }, STRANGER),
      ).toEqual({ errcode: 0, errmsg: '' });
      expect(await api.callback({ hello: 'world' }, STRANGER)).toEqual({ errcode: 0, errmsg: '' });
      expect(entriesOf(unitId)).toHaveLength(0);
      const anomalies = all<PayAnomaly>('payAnomalies');
      expect(anomalies.map((a) => a.kind).sort()).toEqual(
        ['malformed', 'unconfirmed', 'unknown-order'].sort(),
      );
      expect(anomalies.find((a) => a.kind === 'unconfirmed')).toMatchObject({
        outTradeNo: order.outTradeNo,
        caller: STRANGER,
        unitNo: '2-05',
      });
      const listed = await api.ok('anomalies', {}, TREASURER);
      expect(listed.anomalies).toHaveLength(3);
      expect(await api.err('anomalies', {}, owner(unitId))).toMatchObject({ code: 'FORBIDDEN' });
      // Once WeChat really has the money, the same order is credited — once.
      await t.cloud.pay.simulate(order.outTradeNo, 'success');
      expect(await api.callback(forged, STRANGER)).toEqual({ errcode: 0, errmsg: '' });
      expect(entriesOf(unitId)).toHaveLength(1);
      expect(entriesOf(unitId)[0]?.id).not.toBe(`wx:${forged.transactionId}`);
    });

    it('an amount that differs from the order is recorded for the treasurer, never credited', async () => {
      const unitId = 'u3-06';
      const order = await api.ok('createOrder', { unitId, amountFen: 300_00 }, owner(unitId));
      // Our record and WeChat's disagree (as if the order document were altered).
      await docs(registryDb()).update('payOrders', order.outTradeNo, { amountFen: 3_00 });
      await t.cloud.pay.simulate(order.outTradeNo, 'success');
      expect(entriesOf(unitId)).toHaveLength(0);
      const stored = all<PayOrder>('payOrders').find((o) => o._id === order.outTradeNo);
      expect(stored?.status).toBe('anomaly');
      const mismatches = all<PayAnomaly>('payAnomalies').filter(
        (a) => a.kind === 'amount-mismatch',
      );
      expect(mismatches).toEqual([
        expect.objectContaining({
          outTradeNo: order.outTradeNo,
          expectedFen: 3_00,
          reportedFen: 300_00,
        }),
      ]);
      const resolved = await api.ok(
        'resolveAnomaly',
        { anomalyId: mismatches[0]?._id ?? '', resolution: '已与微信支付商户平台核对，线下处理' },
        TREASURER,
      );
      expect(resolved).toMatchObject({ resolved: true });
    });

    it('two orders that together pay more than was left are both credited, and the treasurer is told', async () => {
      const unitId = 'u4-01';
      const left = await leftOf(unitId, owner(unitId));
      const first = await api.ok('createOrder', { unitId, amountFen: left }, owner(unitId));
      const second = await api.ok('createOrder', { unitId, amountFen: left }, owner(unitId));
      await t.cloud.pay.simulate(first.outTradeNo, 'success');
      await t.cloud.pay.simulate(second.outTradeNo, 'success');
      expect(entriesOf(unitId)).toHaveLength(2);
      const account = await api.ok('myAccount', {}, owner(unitId));
      expect(account.units[0]).toMatchObject({ state: 'overpaid', leftFen: 0, paidFen: 2 * left });
      expect(all<PayAnomaly>('payAnomalies')).toContainEqual(
        expect.objectContaining({
          kind: 'overpaid',
          outTradeNo: second.outTradeNo,
          reportedFen: left,
        }),
      );
    });

    it('a failed payment credits nothing and marks the order', async () => {
      const unitId = 'u3-01';
      const order = await api.ok('createOrder', { unitId, amountFen: 200_00 }, owner(unitId));
      await t.cloud.pay.simulate(order.outTradeNo, 'fail');
      expect(entriesOf(unitId)).toHaveLength(0);
      expect(
        await api.ok('orderStatus', { outTradeNo: order.outTradeNo }, owner(unitId)),
      ).toMatchObject({ status: 'failed' });
      expect(
        await api.err('orderStatus', { outTradeNo: order.outTradeNo }, owner('u2-02')),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('reconcile credits a paid order whose notification never arrived', async () => {
      const unitId = 'u3-03';
      const order = await api.ok('createOrder', { unitId, amountFen: 150_00 }, owner(unitId));
      // The notification is lost: our callback sees the order as settled and does nothing.
      await docs(registryDb()).update('payOrders', order.outTradeNo, { status: 'paid' });
      await t.cloud.pay.simulate(order.outTradeNo, 'success');
      await docs(registryDb()).update('payOrders', order.outTradeNo, {
        status: 'unpaid',
        createdMs: Date.now() - 20 * 60_000,
      });
      expect(entriesOf(unitId)).toHaveLength(0);
      expect(await api.err('reconcile', {}, owner(unitId))).toMatchObject({ code: 'FORBIDDEN' });
      const result = await api.ok('reconcile', { olderThanMinutes: 10 }, TREASURER);
      expect(result).toMatchObject({ credited: 1 });
      expect(entriesOf(unitId)).toHaveLength(1);
      expect(await api.ok('reconcile', { olderThanMinutes: 10 }, TREASURER)).toMatchObject({
        credited: 0,
      });
      expect(entriesOf(unitId)).toHaveLength(1);
      expect(ledgerVerdict()).toMatchObject({ ok: true });
    });
  });

  describe('cash at the door', () => {
    it('shows cash awaiting the treasurer as handed over, and an order may not pay it twice', async () => {
      const unitId = 'u3-02';
      const left = await leftOf(unitId, owner(unitId));
      const r = await t.call(
        'ledger',
        {
          action: 'recordCash',
          unitId,
          amountFen: left - 50_00,
          receivedAt: new Date(Date.now() - 3600_000).toISOString(),
          receiptNo: 'R-FUNDS-1',
          photoFileId: putFile(t, 'ledger/cash/R-FUNDS-1.jpg', 'signed receipt'),
          payerName: '业主8',
        },
        STAFF,
      );
      expect(r.body).toMatchObject({ result: { ok: true } });
      const account = await api.ok('myAccount', {}, owner(unitId));
      expect(account.units[0]).toMatchObject({
        pendingCashFen: left - 50_00,
        leftFen: 50_00,
        state: 'partly',
        stateLabel: '部分缴纳，现金已收，待入账',
      });
      const cash = account.units[0]?.movements[0];
      expect(cash).toMatchObject({
        kind: 'cash',
        channel: 'cash',
        pending: true,
        statusLabel: '现金已收，待入账',
      });
      expect(
        await api.err('createOrder', { unitId, amountFen: 50_01 }, owner(unitId)),
      ).toMatchObject({ code: 'INVALID_INPUT' });
      const receipt = await api.ok(
        'receipt',
        { transferId: cash?.transferId ?? '' },
        owner(unitId),
      );
      expect(receipt).toMatchObject({ channel: 'cash', pending: true, payerName: '业主8' });
    });
  });

  describe('pay links', () => {
    it('a friend abroad with no role pays through the owner’s link; both see the receipt', async () => {
      const unitId = 'u3-04';
      const ownerOpenid = owner(unitId);
      const link = await api.ok('createPayLink', { unitId }, ownerOpenid);
      expect(link.path).toBe(`/pages/pay/index?link=${encodeURIComponent(link.token)}`);
      expect(await api.err('createPayLink', { unitId }, owner('u2-02'))).toMatchObject({
        code: 'FORBIDDEN',
      });
      const info = await api.ok('payLinkInfo', { linkToken: link.token }, FRIEND);
      const left = await leftOf(unitId, ownerOpenid);
      expect(info).toMatchObject({
        unitNo: '3-04',
        ownerMasked: expect.stringMatching(/^业\*+$/),
        leftFen: left,
        payable: true,
      });
      expect(
        await api.err(
          'payLinkInfo',
          { linkToken: `${link.token.split('.')[0] ?? ''}.forgedsecretforgedsecret` },
          FRIEND,
        ),
      ).toMatchObject({ code: 'NOT_FOUND' });
      const order = await api.ok(
        'createOrder',
        { linkToken: link.token, amountFen: left, payerName: '王小明（朋友）' },
        FRIEND,
      );
      expect(t.cloud.pay.order(order.outTradeNo)?.payer).toBe(FRIEND);
      await t.cloud.pay.simulate(order.outTradeNo, 'success');
      const [payment] = entriesOf(unitId);
      expect(payment).toMatchObject({
        from: unitAccount(unitId),
        to: 'collection',
        channel: 'pay-link',
        payer: { openid: FRIEND, name: '王小明（朋友）' },
      });
      const account = await api.ok('myAccount', {}, ownerOpenid);
      expect(account.units[0]).toMatchObject({ leftFen: 0, state: 'paid' });
      expect(account.units[0]?.movements[0]).toMatchObject({
        kindLabel: '代付链接',
        payerName: '王小明（朋友）',
      });
      const transferId = payment?.id ?? '';
      const forOwner = await api.ok('receipt', { transferId }, ownerOpenid);
      const forFriend = await api.ok('receipt', { transferId }, FRIEND);
      expect(forFriend).toEqual(forOwner);
      expect(forOwner).toMatchObject({
        unitNo: '3-04',
        amountFen: left,
        channel: 'pay-link',
        channelLabel: '代付链接',
        payerName: '王小明（朋友）',
        outTradeNo: order.outTradeNo,
        pending: false,
        statusLabel: '已入账',
        receiptNo: expect.stringMatching(/^TT-\d{6}$/),
      });
      expect(await api.err('receipt', { transferId }, STRANGER)).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await api.err('receipt', { transferId }, owner('u2-02'))).toMatchObject({
        code: 'NOT_FOUND',
      });
      const paidUp = await api.ok('payLinkInfo', { linkToken: link.token }, FRIEND);
      expect(paidUp).toMatchObject({ leftFen: 0, payable: false });
      expect(ledgerVerdict()).toMatchObject({ ok: true });
    });
  });
});
