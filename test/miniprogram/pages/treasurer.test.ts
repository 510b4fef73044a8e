import {
  anomalyRow,
  postCashText,
  queueCashRow,
  queueCounts,
  reconcileLine,
  voidCashText,
} from '../../../miniprogram/pages/treasurer/view';
import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  mount,
  ok,
  type Rendered,
  resetWx,
  settle,
  tempUrlFor,
  textOf,
} from '../harness';
import { aMe } from './households-fixtures';
import { aCash, aDeposit, anAnomaly, anExpense, aQueue } from './ledger-fixtures';

beforeEach(resetWx);

describe('treasurer view', () => {
  it('says who recorded the cash and when, and marks my own records', () => {
    const row = queueCashRow(aCash({ heldDays: 4, overdue: true }), 'demo-treasurer');
    expect([row.recordedLine, row.heldText, row.mine]).toEqual([
      '收据 R-0001 · 田玉珍（社区工作者） 登记，收于 12月13日 12:23',
      '已在手 4 天，超过 3 天',
      false,
    ]);
    expect(queueCashRow(aCash({ recordedBy: 'demo-treasurer' }), 'demo-treasurer').mine).toBe(true);
    expect(queueCashRow(aCash({ heldDays: 0 }), 'x').heldText).toBe('今天收到');
  });

  it('leaves deposited cash to its deposit', () => {
    const row = queueCashRow(
      aCash({ depositId: 'deposit:B-77' }),
      'demo-treasurer',
      new Map([['deposit:B-77', 'B-77']]),
    );
    expect([row.inDeposit, row.deposited]).toEqual(['已存入银行，随存款单 B-77 一并确认', true]);
  });

  it('says what posting or voiding does, and that it cannot be undone', () => {
    expect(postCashText(aCash())).toBe(
      '确认收到 12-03 的现金 ¥12,345.67（收据 R-0001，田玉珍（社区工作者） 经手）并入账？入账后该户显示已缴。此操作记入公开账本，不能撤销。',
    );
    expect(voidCashText(aCash(), '重复登记')).toContain('原因：重复登记');
    expect(voidCashText(aCash(), '重复登记')).toContain('不能撤销');
  });

  it('counts the queue and reads anomalies and reconciliations', () => {
    expect(queueCounts(2, 1, 1, 0, 3).line).toBe(
      '待处理：现金 2 笔（1 笔超过 3 天），存款单 1 张，支付异常 3 笔',
    );
    expect(queueCounts(0, 0, 0, 0, 0)).toEqual({ line: '没有待处理的事项', empty: true });
    expect(anomalyRow(anAnomaly())).toMatchObject({
      title: '金额不符 · 7-02',
      amounts: '应为 ¥10,000.00，通知 ¥1,000.00',
    });
    expect(
      reconcileLine({ checked: 3, credited: 1, stillUnpaid: 2, failed: 0, anomalies: 0 }),
    ).toBe('核对 3 笔，补记到账 1 笔，仍未支付 2 笔');
    expect(
      reconcileLine({ checked: 0, credited: 0, stillUnpaid: 0, failed: 0, anomalies: 0 }),
    ).toBe('没有需要核对的微信支付订单');
  });
});

function answerAll(openid = 'demo-treasurer'): void {
  answer('households', 'me', ok(aMe({ openid, roles: ['treasurer'], label: '出纳 陈静' })));
  answer('ledger', 'treasurerQueue', ok(aQueue()));
  answer('funds', 'anomalies', ok({ anomalies: [anAnomaly()] }));
}

async function open(): Promise<Rendered> {
  const page = mount('pages/treasurer/index');
  await callMethod(page, 'onLoad', {});
  await settle();
  return page;
}

function modalAnswers(...answers: Array<{ confirm: boolean; content?: string }>): jest.Mock {
  const showModal = jest.fn();
  for (const a of answers) showModal.mockResolvedValueOnce({ cancel: !a.confirm, ...a });
  Object.assign(wx, { showModal });
  return showModal;
}

describe('treasurer queue page', () => {
  it('lists pending cash, deposits, expenses and pay anomalies', async () => {
    answerAll();
    const page = await open();
    expect(textOf(page.querySelector('.counts'))).toBe(
      '待处理：现金 1 笔，存款单 1 张，工程付款 1 笔，支付异常 1 笔',
    );
    expect(textOf(page.querySelector('.cash'))).toContain('收据 R-0001 · 田玉珍');
    expect(textOf(page.querySelector('.deposit'))).toContain('含收据 R-0001（1 张）');
    expect(textOf(page.querySelector('.expense'))).toContain('付给 上海某电梯工程有限公司');
    expect(textOf(page.querySelector('.anomaly'))).toContain('金额不符 · 7-02');
  });

  it('offers no separate confirmation for cash already in a bank deposit', async () => {
    answerAll();
    answer(
      'ledger',
      'treasurerQueue',
      ok(aQueue({ pendingCash: [aCash({ depositId: 'deposit:B-77' })] })),
    );
    const page = await open();
    expect(page.querySelector('.post-cash')).toBeUndefined();
    expect(textOf(page.querySelector('.cash'))).toContain('已存入银行，随存款单 B-77 一并确认');
    expect(page.querySelector('.confirm-deposit')).toBeDefined();
  });

  it('posts cash only after a modal that says it cannot be undone', async () => {
    answerAll();
    answer('ledger', 'settleCash', ok(aCash({ settlement: 'posted' })));
    const showModal = modalAnswers({ confirm: false }, { confirm: true });
    const page = await open();
    page.querySelector('.post-cash')?.dispatchEvent('tap');
    await settle();
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认入账', content: postCashText(aCash()) }),
    );
    expect(cloudCalls().some((c) => c.data.action === 'settleCash')).toBe(false);

    answer('ledger', 'treasurerQueue', ok(aQueue({ pendingCash: [] })));
    page.querySelector('.post-cash')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'settleCash')?.data).toEqual({
      action: 'settleCash',
      receiptId: 'receipt:R-0001',
      decision: 'post',
    });
    expect(textOf(page.querySelector('.message'))).toBe('已入账：12-03 ¥12,345.67（收据 R-0001）');
    expect(page.querySelectorAll('.cash')).toHaveLength(0);
  });

  it('voids only with a reason, then a final warning', async () => {
    answerAll();
    answer('ledger', 'settleCash', ok(aCash({ settlement: 'voided' })));
    const showModal = modalAnswers(
      { confirm: true, content: '  ' },
      { confirm: true, content: '业主已改用微信支付' },
      { confirm: true },
    );
    const page = await open();
    page.querySelector('.void-cash')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe('作废须写明原因');
    expect(cloudCalls().some((c) => c.data.action === 'settleCash')).toBe(false);

    page.querySelector('.void-cash')?.dispatchEvent('tap');
    await settle();
    expect(showModal.mock.calls[2]?.[0]).toMatchObject({
      content: voidCashText(aCash(), '业主已改用微信支付'),
    });
    expect(cloudCalls().find((c) => c.data.action === 'settleCash')?.data).toEqual({
      action: 'settleCash',
      receiptId: 'receipt:R-0001',
      decision: 'void',
      reason: '业主已改用微信支付',
    });
  });

  it('never offers to confirm what the treasurer recorded, and shows the server refusing', async () => {
    answer('households', 'me', ok(aMe({ openid: 'demo-staff1', roles: ['treasurer'] })));
    answer('ledger', 'treasurerQueue', ok(aQueue()));
    answer('funds', 'anomalies', ok({ anomalies: [] }));
    const page = await open();
    expect(page.querySelector('.post-cash')).toBeUndefined();
    expect(page.querySelector('.confirm-deposit')).toBeUndefined();
    expect(textOf(page.querySelector('.own-note'))).toBe('这是您本人登记的，须由另一位出纳确认');

    // Even if a stale page offered it, the server refuses and the page says so.
    answer('households', 'me', ok(aMe({ openid: 'someone-else', roles: ['treasurer'] })));
    await callMethod(page, 'load');
    await settle();
    answer('ledger', 'settleCash', fail('FORBIDDEN', '不能确认自己登记的现金，须由另一位出纳确认'));
    modalAnswers({ confirm: true });
    page.querySelector('.post-cash')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.message'))).toBe(
      '不能确认自己登记的现金，须由另一位出纳确认',
    );
  });

  it('confirms a deposit and pays an expense after their warnings', async () => {
    answerAll();
    answer('ledger', 'confirmDeposit', ok(aDeposit({ status: 'confirmed' })));
    answer('ledger', 'payExpense', ok(anExpense({ status: 'paid' })));
    const showModal = modalAnswers({ confirm: true }, { confirm: true });
    const page = await open();
    page.querySelector('.confirm-deposit')?.dispatchEvent('tap');
    await settle();
    expect(showModal.mock.calls[0]?.[0].content).toContain('不能撤销');
    expect(cloudCalls().find((c) => c.data.action === 'confirmDeposit')?.data).toEqual({
      action: 'confirmDeposit',
      depositId: 'deposit:B-77',
      decision: 'confirm',
    });
    page.querySelector('.pay-expense')?.dispatchEvent('tap');
    await settle();
    expect(showModal.mock.calls[1]?.[0].content).toBe(
      '向 上海某电梯工程有限公司 支付 ¥504,000.00（合同定金），从项目收款账户记一笔支出？此操作记入公开账本，不能撤销。',
    );
    expect(cloudCalls().find((c) => c.data.action === 'payExpense')?.data).toEqual({
      action: 'payExpense',
      expenseId: 'expense:1',
      decision: 'pay',
    });
  });

  it('opens the photos, reconciles unpaid orders and resolves an anomaly', async () => {
    answerAll();
    answer(
      'funds',
      'reconcile',
      ok({ checked: 2, credited: 1, stillUnpaid: 1, failed: 0, anomalies: 0 }),
    );
    answer('funds', 'resolveAnomaly', ok(anAnomaly({ resolved: true, resolution: '已退款' })));
    const previewImage = jest.fn(async () => ({}));
    Object.assign(wx, { previewImage });
    const page = await open();
    const photos = page.querySelectorAll('.view-photo');
    photos[1]?.dispatchEvent('tap');
    await settle();
    const slip = tempUrlFor('cloud://env/deposits/1.jpg');
    expect(previewImage).toHaveBeenCalledWith({ urls: [slip], current: slip });

    page.querySelector('.reconcile')?.dispatchEvent('tap');
    await settle();
    expect(textOf(page.querySelector('.reconciled'))).toBe(
      '核对 2 笔，补记到账 1 笔，仍未支付 1 笔',
    );

    modalAnswers({ confirm: true, content: '已退款' });
    page.querySelector('.resolve-anomaly')?.dispatchEvent('tap');
    await settle();
    expect(cloudCalls().find((c) => c.data.action === 'resolveAnomaly')?.data).toEqual({
      action: 'resolveAnomaly',
      anomalyId: 'an1',
      resolution: '已退款',
    });
  });

  it('keeps the cash queue when the pay side cannot answer', async () => {
    answerAll();
    answer('funds', 'anomalies', fail('INTERNAL', 'down'));
    const page = await open();
    expect(page.querySelectorAll('.cash')).toHaveLength(1);
    expect(textOf(page.querySelector('.anomalies-message'))).toBe(
      '支付异常暂时无法读取：服务暂时出了问题，请稍后再试',
    );
  });
});
