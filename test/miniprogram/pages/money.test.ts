import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aMe, aProxy } from './households-fixtures';
import {
  aCharge,
  anOverview,
  aMovement,
  anAccount,
  aPayLink,
  aScheme,
  aUnitAccount,
} from './money-fixtures';
import { asReadToday } from '../dates';

beforeEach(resetWx);

function tap(page: Rendered, selector: string): void {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
}

function answerAll(account = anAccount(), me = aMe()): void {
  answer('funds', 'myAccount', ok(account));
  answer('households', 'me', ok(me));
  answer('funds', 'listSchemes', ok({ schemes: [aScheme()] }));
  answer('ledger', 'overview', ok(anOverview()));
}

async function open(): Promise<Rendered> {
  const page = mount('pages/money/index');
  await callMethod(page, 'onLoad');
  return page;
}

describe('筹款 tab', () => {
  it('shows my share, what is left, the scheme with its rounding rule, history and progress', async () => {
    answerAll();
    const page = await open();
    expect(textOf(page.querySelector('.unit-no'))).toBe('12-03');
    expect(textOf(page.querySelector('.unit-state'))).toBe('部分缴纳');
    expect(textOf(page.querySelector('.left'))).toBe('¥7,345.67');
    expect(textOf(page.querySelector('.share'))).toBe('¥12,345.67');
    expect(textOf(page.querySelector('.paid'))).toBe('¥5,000.00');
    expect(textOf(page.querySelector('.scheme-line'))).toBe('按面积分摊 · 电梯更换分摊（按面积）');
    expect(textOf(page.querySelector('.rounding'))).toContain('零头相同的按房号先后');
    const rows = page.querySelectorAll('.movement').map((m) => textOf(m));
    expect(rows[0]).toBe('微信支付¥5,000.0012月13日 12:23 · 孙建国 缴纳 · 已入账查看收据 ›');
    expect(rows[1]).toContain('应缴分摊款¥12,345.67');
    expect(textOf(page.querySelector('.progress-percent'))).toBe('64.3%');
    expect(textOf(page.querySelector('.progress-line'))).toBe(
      '已筹 ¥1,080,432.00 / 目标 ¥1,680,000.00',
    );
  });

  it('opens the pay page for the unit with one tap on 缴纳', async () => {
    answerAll();
    const page = await open();
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    expect(textOf(page.querySelector('.pay'))).toBe('缴纳 ¥7,345.67');
    tap(page, '.pay');
    await flush();
    expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/pay/index?unit=u12-03' });
    navigateTo.mockRestore();
  });

  it('says on whose behalf a proxy pays, and shows cash awaiting the treasurer', async () => {
    const cash = aMovement({
      transferId: 't-cash',
      kind: 'cash',
      kindLabel: '现金',
      channel: 'cash',
      channelLabel: '现金',
      payerName: '张敏（社区）',
      pending: true,
      statusLabel: '待入账',
      hasReceipt: false,
    });
    answerAll(
      anAccount([
        aUnitAccount({
          unitId: 'u5-02',
          unitNo: '5-02',
          asLabel: '代理人',
          pendingCashFen: 300_000,
          pendingCashLabel: '¥3,000.00',
          movements: [aCharge(), cash],
        }),
      ]),
      aMe({ proxiesHeld: [aProxy({ unitIds: ['u5-02'], unitNos: ['5-02'], ownerName: '钟霞' })] }),
    );
    const page = await open();
    expect(textOf(page.querySelector('.acting'))).toBe('代 钟霞（5-02）缴费');
    expect(textOf(page.querySelector('.pay'))).toBe('代缴 ¥7,345.67');
    expect(textOf(page.querySelector('.pending'))).toBe('现金已收，待入账 ¥3,000.00');
    expect(textOf(page.querySelector('.movement--pending'))).toContain('现金已收，待入账');
    // Cash not yet posted has no receipt to open.
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    tap(page, '.movement--pending');
    await flush();
    expect(navigateTo).not.toHaveBeenCalled();
    navigateTo.mockRestore();
  });

  it('opens a payment’s receipt and the public ledger', async () => {
    answerAll();
    const page = await open();
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    tap(page, '.movement');
    tap(page, '.ledger-link');
    await flush();
    expect(navigateTo.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      '/pages/receipt/index?id=t-pay-1',
      '/pages/ledger/index',
    ]);
    navigateTo.mockRestore();
  });

  it('makes a pay link and shares it as a card that opens the pay page', async () => {
    answerAll();
    answer('funds', 'createPayLink', ok(aPayLink()));
    const page = await open();
    // Before a link is made, sharing the tab shares the tab.
    expect(callMethod(page, 'onShareAppMessage', { from: 'menu' })).toEqual({
      title: '同梯 · 电梯更换筹款进度',
      path: '/pages/money/index',
    });
    tap(page, '.make-link');
    await flush();
    await flush();
    expect(cloudCalls().find((c) => c.data.action === 'createPayLink')?.data).toEqual({
      action: 'createPayLink',
      unitId: 'u12-03',
    });
    expect(textOf(page.querySelector('.shared'))).toContain(
      asReadToday('链接有效期至 2026年12月20日 12:00'),
    );
    expect(page.querySelector('.send-link')).toBeDefined();
    expect(callMethod(page, 'onShareAppMessage', { from: 'button' })).toMatchObject({
      title: '请帮 12-03 缴纳电梯更换分摊款',
      path: '/pages/pay/index?link=lk-7f3a',
    });
  });

  it('shows why a pay link could not be made', async () => {
    answerAll();
    answer('funds', 'createPayLink', fail('FORBIDDEN', '代理人的授权不含缴款，不能生成缴费链接'));
    const page = await open();
    tap(page, '.make-link');
    await flush();
    await flush();
    expect(textOf(page.querySelector('.error'))).toBe('代理人的授权不含缴款，不能生成缴费链接');
    expect(page.querySelector('.shared')).toBeUndefined();
  });

  it('shows the building’s progress to someone with no unit, and sends them to bind', async () => {
    answer('funds', 'myAccount', fail('FORBIDDEN', '您没有权限进行这项操作'));
    answer('households', 'me', ok(aMe({ roles: [], units: [] })));
    answer('funds', 'listSchemes', fail('FORBIDDEN', '您没有权限进行这项操作'));
    answer('ledger', 'overview', ok(anOverview()));
    const page = await open();
    expect(page.querySelector('.unit')).toBeUndefined();
    expect(textOf(page.querySelector('.no-unit'))).toContain('绑定房屋后');
    expect(textOf(page.querySelector('.progress-percent'))).toBe('64.3%');
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    tap(page, '.bind');
    await flush();
    expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/bind/index' });
    navigateTo.mockRestore();
  });

  it('offers a retry when the account cannot be read, and reloads after paying', async () => {
    answer('funds', 'myAccount', fail('INTERNAL', 'boom'));
    answer('households', 'me', ok(aMe()));
    answer('funds', 'listSchemes', ok({ schemes: [] }));
    answer('ledger', 'overview', ok(anOverview()));
    const page = await open();
    expect(page.data.status).toBe('error');
    answer('funds', 'myAccount', ok(anAccount()));
    await callMethod(page, 'onRetry');
    expect(textOf(page.querySelector('.left'))).toBe('¥7,345.67');
    answer(
      'funds',
      'myAccount',
      ok(
        anAccount([
          aUnitAccount({ leftFen: 0, leftLabel: '¥0.00', state: 'paid', stateLabel: '已缴清' }),
        ]),
      ),
    );
    await callMethod(page, 'onShow');
    expect(textOf(page.querySelector('.unit-state'))).toBe('已缴清');
    expect(page.querySelector('.pay')).toBeUndefined();
  });
});
