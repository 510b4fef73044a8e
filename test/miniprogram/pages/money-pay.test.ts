import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  type Rendered,
  resetWx,
  settle,
  textOf,
} from '../harness';
import { aMe, aProxy } from './households-fixtures';
import {
  aLinkInfo,
  anAccount,
  anOrder,
  aPaidStatus,
  aUnitAccount,
  stubPayment,
} from './money-fixtures';

beforeEach(resetWx);

function tap(page: Rendered, selector: string): void {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
}

function type(page: Rendered, selector: string, value: string): void {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('input', { detail: { value } });
}

async function openForUnit(): Promise<Rendered> {
  const page = mount('pages/pay/index');
  await callMethod(page, 'onLoad', { unit: 'u12-03' });
  return page;
}

async function openLink(): Promise<Rendered> {
  const page = mount('pages/pay/index');
  await callMethod(page, 'onLoad', { link: 'lk-7f3a' });
  return page;
}

function ordersSent(): Record<string, unknown>[] {
  return cloudCalls()
    .filter((c) => c.data.action === 'createOrder')
    .map((c) => c.data);
}

describe('pay page, my own unit', () => {
  beforeEach(() => {
    answer('funds', 'myAccount', ok(anAccount()));
    answer('households', 'me', ok(aMe()));
  });

  it('pays all that is left with one tap, then shows the receipt', async () => {
    answer('funds', 'createOrder', ok(anOrder()));
    answer('funds', 'orderStatus', ok(aPaidStatus()));
    const payment = stubPayment('paid');
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await openForUnit();
    expect(textOf(page.querySelector('.unit-no'))).toBe('12-03');
    expect(textOf(page.querySelector('.left'))).toBe('¥7,345.67');
    expect(textOf(page.querySelector('.confirm'))).toBe('确认支付 ¥7,345.67');

    tap(page, '.confirm'); // tap 2 (tap 1 was 缴纳 on the tab, tap 3 is WeChat's pay sheet)
    await settle();
    expect(ordersSent()).toEqual([{ action: 'createOrder', unitId: 'u12-03', amountFen: 734_567 }]);
    expect(payment.calls).toHaveLength(1);
    expect(payment.calls[0]).toMatchObject({ package: 'prepay_id=wx1', paySign: 'sig' });
    expect(cloudCalls().find((c) => c.data.action === 'orderStatus')?.data).toEqual({
      action: 'orderStatus',
      outTradeNo: 'TT20261213000001',
    });
    expect(redirectTo.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/receipt/index?id=t-pay-2' });
    redirectTo.mockRestore();
  });

  it('pays part of it, and refuses less than ¥1 or more than is left', async () => {
    answer('funds', 'createOrder', ok(anOrder({ amountFen: 200_000 })));
    answer('funds', 'orderStatus', ok(aPaidStatus()));
    stubPayment('paid');
    const page = await openForUnit();
    tap(page, '.choice--part');
    await flush();
    tap(page, '.confirm');
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('请输入要缴纳的金额');

    type(page, '.amount-input', '0.5');
    tap(page, '.confirm');
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('每次至少缴纳 ¥1.00');

    type(page, '.amount-input', '8000');
    tap(page, '.confirm');
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('不能超过还需缴纳的 ¥7,345.67');
    expect(ordersSent()).toEqual([]);

    type(page, '.amount-input', '2000');
    await flush();
    expect(textOf(page.querySelector('.confirm'))).toBe('确认支付 ¥2,000.00');
    tap(page, '.confirm');
    await settle();
    expect(ordersSent()).toEqual([{ action: 'createOrder', unitId: 'u12-03', amountFen: 200_000 }]);

    // Back to all: the full amount is preselected again.
    tap(page, '.choice--full');
    await flush();
    expect(textOf(page.querySelector('.confirm'))).toBe('确认支付 ¥7,345.67');
  });

  it('says nothing was charged when the payer backs out, and lets them try again', async () => {
    answer('funds', 'createOrder', ok(anOrder()));
    stubPayment('cancel');
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await openForUnit();
    tap(page, '.confirm');
    await settle();
    expect(textOf(page.querySelector('.notice'))).toBe('已取消支付，没有扣款');
    expect(page.querySelector('.error')).toBeUndefined();
    expect(page.data.paying).toBe(false);
    expect(redirectTo).not.toHaveBeenCalled();
    expect(cloudCalls().filter((c) => c.data.action === 'orderStatus')).toEqual([]);
    redirectTo.mockRestore();
  });

  it('shows a failed payment and the server’s refusal in plain words', async () => {
    answer('funds', 'createOrder', ok(anOrder()));
    stubPayment('fail');
    const page = await openForUnit();
    tap(page, '.confirm');
    await settle();
    expect(textOf(page.querySelector('.error'))).toBe('支付未成功，没有扣款，请稍后再试');

    answer('funds', 'createOrder', fail('INVALID_INPUT', '金额超过剩余应缴 ¥7,345.67'));
    tap(page, '.confirm');
    await settle();
    expect(textOf(page.querySelector('.error'))).toBe('金额超过剩余应缴 ¥7,345.67');
  });

  it('tells the payer not to pay again when WeChat has not confirmed after a few tries', async () => {
    answer('funds', 'createOrder', ok(anOrder()));
    answer(
      'funds',
      'orderStatus',
      ok(aPaidStatus({ status: 'unpaid', statusLabel: '待支付', transferId: null })),
    );
    stubPayment('paid');
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await openForUnit();
    jest.useFakeTimers();
    try {
      tap(page, '.confirm');
      for (let i = 0; i < 10; i += 1) await jest.advanceTimersByTimeAsync(1000);
    } finally {
      jest.useRealTimers();
    }
    expect(cloudCalls().filter((c) => c.data.action === 'orderStatus')).toHaveLength(5);
    expect(textOf(page.querySelector('.error'))).toBe(
      '微信尚未通知到账，请稍后在筹款页查看；请勿重复支付',
    );
    expect(page.data.paying).toBe(false);
    expect(redirectTo).not.toHaveBeenCalled();
    redirectTo.mockRestore();
  });

  it('says on whose behalf a proxy pays', async () => {
    answer(
      'funds',
      'myAccount',
      ok(anAccount([aUnitAccount({ unitId: 'u12-03', asLabel: '代理人' })])),
    );
    answer('households', 'me', ok(aMe({ proxiesHeld: [aProxy({ ownerName: '钟霞' })] })));
    const page = await openForUnit();
    expect(textOf(page.querySelector('.for-line'))).toBe('代 钟霞（12-03）缴费');
  });

  it('shows nothing to pay for a settled unit', async () => {
    answer('funds', 'myAccount', ok(anAccount([aUnitAccount({ leftFen: 0, leftLabel: '¥0.00' })])));
    const page = await openForUnit();
    expect(textOf(page.querySelector('.reason'))).toBe('这户已缴清，无需再缴');
    expect(page.querySelector('.confirm')).toBeUndefined();
  });
});

describe('pay page, opened from a shared link', () => {
  it('shows the unit, the masked owner and what is left to whoever opens it, and names the payer', async () => {
    answer('funds', 'payLinkInfo', ok(aLinkInfo()));
    answer('funds', 'createOrder', ok(anOrder({ unitNo: '5-02', amountFen: 1_234_567 })));
    answer('funds', 'orderStatus', ok(aPaidStatus()));
    stubPayment('paid');
    const redirectTo = jest.spyOn(wx, 'redirectTo');
    const page = await openLink();
    expect(cloudCalls().map((c) => c.data.action)).toEqual(['payLinkInfo']);
    expect(textOf(page.querySelector('.unit-no'))).toBe('5-02');
    expect(textOf(page.querySelector('.for-line'))).toBe('业主 钟*');
    expect(textOf(page.querySelector('.left'))).toBe('¥12,345.67');

    tap(page, '.confirm');
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('请填写您的称呼，业主会在收据上看到是谁代付');
    type(page, '.payer-input', '王小明（朋友）');
    tap(page, '.confirm');
    await settle();
    expect(ordersSent()).toEqual([
      {
        action: 'createOrder',
        linkToken: 'lk-7f3a',
        amountFen: 1_234_567,
        payerName: '王小明（朋友）',
      },
    ]);
    expect(redirectTo.mock.calls[0]?.[0]).toMatchObject({
      url: '/pages/receipt/index?id=t-pay-2&link=lk-7f3a',
    });
    redirectTo.mockRestore();
  });

  it('says why an expired link cannot be paid', async () => {
    answer(
      'funds',
      'payLinkInfo',
      ok(aLinkInfo({ payable: false, reason: '链接已过期，请向业主要一个新的链接' })),
    );
    const page = await openLink();
    expect(textOf(page.querySelector('.reason'))).toBe('链接已过期，请向业主要一个新的链接');
    expect(page.querySelector('.confirm')).toBeUndefined();
  });

  it('says a link that does not exist is not valid', async () => {
    answer('funds', 'payLinkInfo', fail('NOT_FOUND', 'no such link'));
    const page = await openLink();
    expect(page.data.status).toBe('empty');
    expect(page.data.statusMessage).toBe('这个缴费链接无效，请向业主要一个新的链接');
  });
});
