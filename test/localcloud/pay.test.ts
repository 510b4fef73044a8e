import { createPay } from '../../localcloud/pay';
import type { PayModule } from '../../localcloud/pay';
import { OrderBook } from '../../localcloud/pay/orders';
import type { StubCloud, WxServerSdk } from '../helpers/stubCloudServer';
import { loadSdk, sdkError, startStubCloud } from '../helpers/stubCloudServer';

const invokeFunction = jest.fn<Promise<unknown>, [string, unknown, { openid: string }]>();
let stub: StubCloud;
let cloud: WxServerSdk;
let pay: PayModule;
let orderSeq = 0;

beforeAll(async () => {
  stub = await startStubCloud(
    (services) => {
      // No waiting between callback attempts: the retry schedule is not what these tests measure.
      pay = createPay(services, { notifyRetryDelaysMs: [0, 0, 0] });
      return [pay];
    },
    { invokeFunction },
  );
  cloud = loadSdk(stub, 'o-payer');
  // Calls come from inside a function invoked by the payer, as the function host marks them.
  stub.caller = { id: 'inv-1', functionName: 'funds', openid: 'o-payer' };
});

afterAll(async () => {
  await stub.close();
});

beforeEach(() => {
  invokeFunction.mockReset();
  invokeFunction.mockResolvedValue({ errcode: 0, errmsg: '' });
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
    functionName: 'payCallback',
    nonceStr: 'n0nce',
    tradeType: 'JSAPI',
    ...overrides,
  };
}

async function simulate(
  outTradeNo: string,
  result: 'success' | 'fail',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${stub.baseUrl}/pay/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outTradeNo, result }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

test('unifiedOrder records the order and answers the payment to spread into wx.requestPayment', async () => {
  const params = order();
  const result = await cloud.cloudPay.unifiedOrder(params);

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
  expect(pay.order(String(params.outTradeNo))).toEqual(
    expect.objectContaining({ state: 'NOTPAY', payer: 'o-payer', totalFee: 128_000 }),
  );
  expect(stub.records).toContainEqual({
    kind: 'cloudPay.unifiedOrder',
    entry: expect.objectContaining({
      caller: 'o-payer',
      params: expect.objectContaining({ out_trade_no: params.outTradeNo, total_fee: 128_000 }),
      resultCode: 'SUCCESS',
    }),
  });
});

test('simulated success marks the order paid and invokes the callback once with the right fields', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await cloud.cloudPay.unifiedOrder(params);
  expect((await cloud.cloudPay.queryOrder({ outTradeNo, subMchId: '1900000109' })).tradeState).toBe(
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
  expect(invokeFunction).toHaveBeenCalledTimes(1);
  const [name, event, identity] = invokeFunction.mock.calls[0] ?? [];
  expect(name).toBe('payCallback');
  expect(identity).toEqual({ openid: 'o-payer' });
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

  const query = await cloud.cloudPay.queryOrder({ outTradeNo, subMchId: '1900000109' });
  expect(query).toEqual(
    expect.objectContaining({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      tradeState: 'SUCCESS',
      outTradeNo,
      totalFee: 128_000,
      transactionId: (event as { transactionId: string }).transactionId,
      subOpenid: 'o-payer',
    }),
  );
});

test('a callback that fails is retried until it answers {errcode: 0}', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await cloud.cloudPay.unifiedOrder(params);
  invokeFunction
    .mockRejectedValueOnce(new Error('function crashed'))
    .mockResolvedValueOnce({ errcode: -1, errmsg: 'busy' });

  const simulated = await simulate(outTradeNo, 'success');

  expect(invokeFunction).toHaveBeenCalledTimes(3);
  const notify = simulated.json.notify as { acknowledged: boolean; attempts: unknown[] };
  expect(notify.acknowledged).toBe(true);
  expect(notify.attempts).toEqual([
    expect.objectContaining({ attempt: 1, acknowledged: false, error: 'function crashed' }),
    expect.objectContaining({ attempt: 2, acknowledged: false }),
    expect.objectContaining({ attempt: 3, acknowledged: true }),
  ]);
  const sameEvents = invokeFunction.mock.calls.map(
    (c) => (c[1] as { transactionId: string }).transactionId,
  );
  expect(new Set(sameEvents).size).toBe(1);
  expect(
    stub.records.filter((r) => r.kind === 'cloudPay.notify' && r.entry.outTradeNo === outTradeNo),
  ).toHaveLength(3);
});

test('retries are bounded when the callback never acknowledges', async () => {
  const params = order();
  await cloud.cloudPay.unifiedOrder(params);
  invokeFunction.mockResolvedValue({ errcode: 1 });

  const simulated = await simulate(String(params.outTradeNo), 'success');

  expect(invokeFunction).toHaveBeenCalledTimes(4);
  expect(simulated.json.notify).toEqual(expect.objectContaining({ acknowledged: false }));
  expect(pay.order(String(params.outTradeNo))?.state).toBe('SUCCESS');
});

test('paying an already paid order again delivers a duplicate notification, as WeChat may', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await cloud.cloudPay.unifiedOrder(params);
  await simulate(outTradeNo, 'success');
  const again = await simulate(outTradeNo, 'success');

  expect(again.json.duplicate).toBe(true);
  expect(invokeFunction).toHaveBeenCalledTimes(2);
  const ids = invokeFunction.mock.calls.map(
    (c) => (c[1] as { transactionId: string }).transactionId,
  );
  expect(ids[0]).toBe(ids[1]);
  const reorder = await cloud.cloudPay.unifiedOrder(params);
  expect(reorder).toEqual(
    expect.objectContaining({ resultCode: 'FAIL', errCodeDes: '该订单已支付' }),
  );
});

test('a failed payment marks the order PAYERROR and tells the callback', async () => {
  const params = order();
  const outTradeNo = String(params.outTradeNo);
  await cloud.cloudPay.unifiedOrder(params);

  await simulate(outTradeNo, 'fail');

  expect(invokeFunction.mock.calls[0]?.[1]).toEqual(
    expect.objectContaining({ resultCode: 'FAIL', outTradeNo }),
  );
  expect((await cloud.cloudPay.queryOrder({ outTradeNo })).tradeState).toBe('PAYERROR');
});

test('reusing an outTradeNo with different terms is refused; the same terms get the same prepay id', async () => {
  const params = order();
  const first = await cloud.cloudPay.unifiedOrder(params);
  const same = await cloud.cloudPay.unifiedOrder(params);
  const different = await cloud.cloudPay.unifiedOrder({ ...params, totalFee: 1 });

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
  await cloud.cloudPay.unifiedOrder(params);

  const closed = await cloud.cloudPay.closeOrder({ outTradeNo, subMchId: '1900000109' });
  expect(closed.resultCode).toBe('SUCCESS');
  expect((await simulate(outTradeNo, 'success')).status).toBe(409);
  expect(invokeFunction).not.toHaveBeenCalled();
  expect((await cloud.cloudPay.queryOrder({ outTradeNo })).tradeState).toBe('CLOSED');
});

test('queryOrder of an unknown order answers ORDERNOTEXIST', async () => {
  const result = await cloud.cloudPay.queryOrder({ outTradeNo: 'NO-SUCH-ORDER' });

  expect(result).toEqual(
    expect.objectContaining({ resultCode: 'FAIL', errCodeDes: '此交易订单号不存在' }),
  );
});

test('malformed orders are refused at the call level', async () => {
  const result = await cloud.cloudPay.unifiedOrder(order({ totalFee: 12.5 }));

  expect(result).toEqual(expect.objectContaining({ returnCode: 'FAIL' }));
  expect(result.prepayId).toBeUndefined();
});

test('simulating an unknown order is a 404', async () => {
  expect((await simulate('NOPE', 'success')).status).toBe(404);
});

test('an unemulated cloudPay API fails with an invalid-param error', async () => {
  const error = await sdkError(cloud.cloudPay.refund({ outTradeNo: 'x' }));

  expect(error.errCode).toBe(-501007);
  expect(error.errMsg).toContain('not emulated');
});

test('orders survive a restart of the local cloud', async () => {
  const params = order();
  await cloud.cloudPay.unifiedOrder(params);
  await simulate(String(params.outTradeNo), 'success');

  const reopened = new OrderBook(stub.dataDir).get(String(params.outTradeNo));
  expect(reopened).toEqual(
    expect.objectContaining({
      state: 'SUCCESS',
      notifications: [expect.objectContaining({ acknowledged: true })],
    }),
  );
});
