import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SDK_FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from '../helpers/localCloud';
import { type SdkResult, sdkFailure } from '../helpers/wxSdk';

/*
 * `cloud.cloudPay.*` of the real local cloud, called from inside a function as production code
 * calls it (fixture `cloudpay`: the payer is the invoking user), with the payment callback a real
 * function too (fixture `paycallback`: records each notification, answers as scripted).
 */

let dataDir: string;
let t: TestCloud;
let orderSeq = 0;

async function start(): Promise<TestCloud> {
  return startTestCloud({ dataDir, functionsDir: SDK_FIXTURE_FUNCTIONS });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tongti-pay-'));
  t = await start();
  t.cloud.database.createCollection('paycallback_events');
  t.cloud.database.createCollection('paycallback_script');
});

afterAll(async () => {
  await t.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function order(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  orderSeq += 1;
  return {
    body: '同梯-电梯更新分摊款',
    outTradeNo: `T2025030100${orderSeq}`,
    spbillCreateIp: '127.0.0.1',
    subMchId: '1900000109',
    totalFee: 128_000,
    envId: 'tongti-local',
    functionName: 'paycallback',
    nonceStr: 'n0nce',
    tradeType: 'JSAPI',
    ...overrides,
  };
}

/** `cloud.cloudPay[api](params)` inside an invocation by `openid`; rejects as the SDK does. */
async function payApi(
  api: string,
  params: Record<string, unknown>,
  openid = 'o-payer',
): Promise<SdkResult> {
  const res = await t.call('cloudpay', { api, params }, openid);
  const body = res.body as {
    result?: { result?: SdkResult; error?: { errCode: number; errMsg: string } };
  };
  if (res.status !== 200 || !body.result) {
    throw new Error(`cloudpay fixture failed: ${JSON.stringify(res.body)}`);
  }
  if (body.result.error) {
    throw Object.assign(new Error(body.result.error.errMsg), body.result.error);
  }
  if (!body.result.result) throw new Error('cloudpay fixture answered nothing');
  return body.result.result;
}

async function simulate(
  outTradeNo: string,
  result: 'success' | 'fail',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${t.cloud.url}/pay/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outTradeNo, result }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** What the callback function answers for this order: `answers` in turn, then `then`. */
function scriptCallback(outTradeNo: string, answers: unknown[], then?: unknown): void {
  t.cloud.database.loadSeed({
    paycallback_script: [{ _id: outTradeNo, answers, ...(then ? { then } : {}) }],
  });
}

interface CallbackCall {
  event: Record<string, unknown>;
  /** The identity the callback ran as (its getWXContext().OPENID). */
  openid: string;
}

/** Every notification the callback function received for this order, in order. */
function callbackCalls(outTradeNo: string): CallbackCall[] {
  const { docs } = t.cloud.database.documents('paycallback_events', 0, 100_000);
  return (docs as Array<CallbackCall & { outTradeNo: string }>)
    .filter((d) => d.outTradeNo === outTradeNo)
    .map(({ event, openid }) => ({ event, openid }));
}

test('unifiedOrder records the order and answers the payment to spread into wx.requestPayment', async () => {
  const params = order();
  const result = await payApi('unifiedOrder', params);

  expect(result).toEqual(
    expect.objectContaining({
      errCode: 0,
      errMsg: 'cloudPay.unifiedOrder:ok',
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      subMchId: '1900000109',
      tradeType: 'JSAPI',
      prepayId: expect.stringMatching(/^wx\d{14}[0-9a-f]{24}$/),
    }),
  );
  expect(result.payment).toEqual({
    appId: expect.any(String),
    timeStamp: expect.stringMatching(/^\d{10}$/),
    nonceStr: expect.any(String),
    package: `prepay_id=${String(result.prepayId)}`,
    signType: 'MD5',
    paySign: expect.stringMatching(/^[0-9A-F]{32}$/),
  });
  expect(t.cloud.pay.order(String(params.outTradeNo))).toEqual(
    expect.objectContaining({ state: 'NOTPAY', payer: 'o-payer', totalFee: 128_000 }),
  );
  expect(t.cloud.outbox.list('cloudPay.unifiedOrder')).toContainEqual(
    expect.objectContaining({
      caller: 'o-payer',
      functionName: 'cloudpay',
      params: expect.objectContaining({ out_trade_no: params.outTradeNo, total_fee: 128_000 }),
      resultCode: 'SUCCESS',
    }),
  );
});

test('the payer is whoever invoked the function that placed the order', async () => {
  const params = order();
  await payApi('unifiedOrder', params, 'o-friend');

  expect(t.cloud.pay.order(String(params.outTradeNo))?.payer).toBe('o-friend');
  await simulate(String(params.outTradeNo), 'success');
  const [call] = callbackCalls(String(params.outTradeNo));
  expect(call?.openid).toBe('o-friend');
  expect(call?.event.subOpenid).toBe('o-friend');
});

test('simulated success marks the order paid and invokes the callback once with the right fields', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await payApi('unifiedOrder', params);
  expect((await payApi('queryOrder', { outTradeNo, subMchId: '1900000109' })).tradeState).toBe(
    'NOTPAY',
  );

  const simulated = await simulate(outTradeNo, 'success');

  expect(simulated.status).toBe(200);
  expect(simulated.json).toEqual(
    expect.objectContaining({
      tradeState: 'SUCCESS',
      notify: expect.objectContaining({ acknowledged: true }),
    }),
  );
  const calls = callbackCalls(outTradeNo);
  expect(calls).toHaveLength(1);
  expect(t.cloud.outbox.list('cloudPay.notify')).toContainEqual(
    expect.objectContaining({ outTradeNo, functionName: 'paycallback', acknowledged: true }),
  );
  const { event, openid } = calls[0] ?? { event: {}, openid: '' };
  expect(openid).toBe('o-payer');
  expect(event).toEqual(
    expect.objectContaining({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo,
      transactionId: expect.stringMatching(/^4200\d{24}$/),
      totalFee: 128_000,
      cashFee: 128_000,
      subOpenid: 'o-payer',
      subMchId: '1900000109',
      timeEnd: expect.stringMatching(/^\d{14}$/),
    }),
  );

  const query = await payApi('queryOrder', { outTradeNo, subMchId: '1900000109' });
  expect(query).toEqual(
    expect.objectContaining({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      tradeState: 'SUCCESS',
      outTradeNo,
      totalFee: 128_000,
      transactionId: event.transactionId,
      subOpenid: 'o-payer',
    }),
  );
});

test('a callback that fails is retried until it answers {errcode: 0}', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await payApi('unifiedOrder', params);
  scriptCallback(outTradeNo, [{ throw: 'function crashed' }, { errcode: -1, errmsg: 'busy' }]);

  const simulated = await simulate(outTradeNo, 'success');

  const calls = callbackCalls(outTradeNo);
  expect(calls).toHaveLength(3);
  const notify = simulated.json.notify as { acknowledged: boolean; attempts: unknown[] };
  expect(notify.acknowledged).toBe(true);
  expect(notify.attempts).toEqual([
    expect.objectContaining({
      attempt: 1,
      acknowledged: false,
      error: expect.stringContaining('function crashed'),
    }),
    expect.objectContaining({ attempt: 2, acknowledged: false }),
    expect.objectContaining({ attempt: 3, acknowledged: true }),
  ]);
  expect(new Set(calls.map((c) => c.event.transactionId)).size).toBe(1);
  expect(
    t.cloud.outbox.list('cloudPay.notify').filter((e) => e.outTradeNo === outTradeNo),
  ).toHaveLength(3);
});

test('retries are bounded when the callback never acknowledges', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await payApi('unifiedOrder', params);
  scriptCallback(outTradeNo, [], { errcode: 1 });

  const simulated = await simulate(outTradeNo, 'success');

  // The server's schedule: the first attempt and four retries.
  expect(callbackCalls(outTradeNo)).toHaveLength(5);
  expect(simulated.json.notify).toEqual(expect.objectContaining({ acknowledged: false }));
  expect(t.cloud.pay.order(outTradeNo)?.state).toBe('SUCCESS');
});

test('paying an already paid order again delivers a duplicate notification, as WeChat may', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await payApi('unifiedOrder', params);
  await simulate(outTradeNo, 'success');
  const again = await simulate(outTradeNo, 'success');

  expect(again.json.duplicate).toBe(true);
  const ids = callbackCalls(outTradeNo).map((c) => c.event.transactionId);
  expect(ids).toHaveLength(2);
  expect(ids[0]).toBe(ids[1]);
  const reorder = await payApi('unifiedOrder', params);
  expect(reorder).toEqual(
    expect.objectContaining({ resultCode: 'FAIL', errCodeDes: '该订单已支付' }),
  );
});

test('a failed payment marks the order PAYERROR and tells the callback', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await payApi('unifiedOrder', params);

  await simulate(outTradeNo, 'fail');

  expect(callbackCalls(outTradeNo)[0]?.event).toEqual(
    expect.objectContaining({ resultCode: 'FAIL', outTradeNo }),
  );
  expect((await payApi('queryOrder', { outTradeNo })).tradeState).toBe('PAYERROR');
});

test('reusing an outTradeNo with different terms is refused; the same terms get the same prepay id', async () => {
  const params = order();
  const first = await payApi('unifiedOrder', params);
  const same = await payApi('unifiedOrder', params);
  const different = await payApi('unifiedOrder', { ...params, totalFee: 1 });

  expect(same.prepayId).toBe(first.prepayId);
  expect(different).toEqual(
    expect.objectContaining({
      returnCode: 'SUCCESS',
      resultCode: 'FAIL',
      errCodeDes: '201 商户订单号重复',
    }),
  );
});

test('a closed order cannot be paid', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await payApi('unifiedOrder', params);

  const closed = await payApi('closeOrder', { outTradeNo, subMchId: '1900000109' });
  expect(closed.resultCode).toBe('SUCCESS');
  expect((await simulate(outTradeNo, 'success')).status).toBe(409);
  expect(callbackCalls(outTradeNo)).toEqual([]);
  expect((await payApi('queryOrder', { outTradeNo })).tradeState).toBe('CLOSED');
});

test('queryOrder of an unknown order answers ORDERNOTEXIST', async () => {
  const result = await payApi('queryOrder', { outTradeNo: 'NO-SUCH-ORDER' });

  expect(result).toEqual(
    expect.objectContaining({ resultCode: 'FAIL', errCodeDes: '此交易订单号不存在' }),
  );
});

test('malformed orders are refused at the call level', async () => {
  const result = await payApi('unifiedOrder', order({ totalFee: 12.5 }));

  expect(result).toEqual(expect.objectContaining({ returnCode: 'FAIL' }));
  expect(result.prepayId).toBeUndefined();
});

test('simulating an unknown order is a 404', async () => {
  expect((await simulate('NOPE', 'success')).status).toBe(404);
});

test('an unemulated cloudPay API fails with an invalid-param error', async () => {
  const error = await sdkFailure(payApi('refund', { outTradeNo: 'x' }));

  expect(error.errCode).toBe(-501007);
  expect(error.errMsg).toContain('not emulated');
});

test('orders survive a restart of the local cloud', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await payApi('unifiedOrder', params);
  await simulate(outTradeNo, 'success');

  await t.stop();
  t = await start();

  expect(t.cloud.pay.order(outTradeNo)).toEqual(
    expect.objectContaining({
      state: 'SUCCESS',
      notifications: [expect.objectContaining({ acknowledged: true })],
    }),
  );
  expect((await payApi('queryOrder', { outTradeNo })).tradeState).toBe('SUCCESS');
});
