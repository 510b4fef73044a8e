import { toMoneyView } from '../../../miniprogram/pages/money/view';
import {
  checkAmount,
  checkPayerName,
  targetFromAccount,
  targetFromLink,
  yuanText,
} from '../../../miniprogram/pages/pay/view';
import { shortHash, toReceiptView } from '../../../miniprogram/pages/receipt/view';
import {
  appendEntries,
  expenseRows,
  toLedgerHead,
  unitLine,
} from '../../../miniprogram/pages/ledger/view';
import { formatDateTime } from '../../../miniprogram/utils/format';
import { aMe, aProxy } from './households-fixtures';
import {
  aFundsReceipt,
  anOverview,
  anExpense,
  aStanding,
  aLinkInfo,
  aMovement,
  anAccount,
  anEntry,
  aScheme,
  aUnitAccount,
} from './money-fixtures';

describe('money tab view', () => {
  it('shows what is left, the share, what was paid and the scheme with its rounding rule', () => {
    const view = toMoneyView(anAccount(), aMe(), [aScheme()], anOverview());
    const unit = view.units[0];
    expect(unit).toMatchObject({
      unitNo: '12-03',
      actingLine: '',
      left: '¥7,345.67',
      share: '¥12,345.67',
      paid: '¥5,000.00',
      pendingLine: '',
      dueLine: '请于 2027年1月31日前缴清',
      schemeLine: '按面积分摊 · 电梯更换分摊（按面积）',
      canPay: true,
      canShare: true,
      payLabel: '缴纳 ¥7,345.67',
    });
    expect(unit?.roundingRule).toContain('零头');
    expect(view.noUnitLine).toBe('');
  });

  it('says on whose behalf a proxy pays, by the owner’s name from the proxy held', () => {
    const account = anAccount([
      aUnitAccount({ unitId: 'u5-02', unitNo: '5-02', asLabel: '代理人' }),
    ]);
    const me = aMe({
      proxiesHeld: [aProxy({ unitIds: ['u5-02'], unitNos: ['5-02'], ownerName: '钟霞' })],
    });
    const unit = toMoneyView(account, me, [], null).units[0];
    expect(unit?.actingLine).toBe('代 钟霞（5-02）缴费');
    expect(unit?.payLabel).toBe('代缴 ¥7,345.67');
    // A revoked proxy no longer names the owner; the line still says it is on someone's behalf.
    const revoked = aMe({ proxiesHeld: [aProxy({ unitIds: ['u5-02'], state: 'revoked' })] });
    expect(toMoneyView(account, revoked, [], null).units[0]?.actingLine).toBe('代 5-02 业主缴费');
  });

  it('marks cash the treasurer has not posted, in the unit and in its history', () => {
    const cash = aMovement({
      transferId: 't-cash',
      kind: 'cash',
      kindLabel: '现金',
      channel: 'cash',
      channelLabel: '现金',
      payerName: '社区工作人员 张敏',
      pending: true,
      statusLabel: '待入账',
      hasReceipt: false,
    });
    const account = anAccount([
      aUnitAccount({ pendingCashFen: 300_000, pendingCashLabel: '¥3,000.00', movements: [cash] }),
    ]);
    const unit = toMoneyView(account, null, [], null).units[0];
    expect(unit?.pendingLine).toBe('现金已收，待入账 ¥3,000.00');
    expect(unit?.movements[0]).toMatchObject({ status: '现金已收，待入账', pending: true });
  });

  it('lists the newest movement first and names who paid through a link', () => {
    const link = aMovement({
      transferId: 't-link',
      at: '2026-12-14T08:05:00+08:00',
      channel: 'pay-link',
      channelLabel: '代付链接',
      kindLabel: '代付链接',
      payerName: '王小明（朋友）',
    });
    const account = anAccount([aUnitAccount({ movements: [aMovement(), link] })]);
    const rows = toMoneyView(account, null, [], null).units[0]?.movements ?? [];
    expect(rows.map((r) => r.id)).toEqual(['t-link', 't-pay-1']);
    expect(rows[0]).toMatchObject({
      when: '12月14日 08:05',
      kind: '代付链接',
      who: '王小明（朋友） 代付',
    });
    expect(rows[1]?.who).toBe('孙建国 缴纳');
  });

  it('offers no pay button once settled, and no pay or share to a resident who may not pay', () => {
    const settled = aUnitAccount({
      leftFen: 0,
      leftLabel: '¥0.00',
      state: 'paid',
      stateLabel: '已缴清',
    });
    const resident = aUnitAccount({ unitId: 'u9-01', asLabel: '住户', canPay: false });
    const [a, b] = toMoneyView(anAccount([settled, resident]), null, [], null).units;
    expect(a).toMatchObject({ canPay: false, canShare: true, settled: true, dueLine: '' });
    expect(b).toMatchObject({ canPay: false, canShare: false });
  });

  it('tells someone with no unit how to see theirs, and still shows the building’s progress', () => {
    const view = toMoneyView(null, null, [], anOverview());
    expect(view.units).toEqual([]);
    expect(view.noUnitLine).toContain('绑定房屋');
    expect(view.progress).toEqual({
      collected: '¥1,080,432.00',
      target: '¥1,680,000.00',
      percent: '64.3%',
      barWidth: '64.3%',
      pendingLine: '另有现金 ¥3,000.00 已收，待出纳入账',
    });
  });

  it('finds the binding scheme when the title differs, and says so when nothing is charged', () => {
    const account = anAccount([aUnitAccount({ schemeTitle: '旧标题' })]);
    expect(toMoneyView(account, null, [aScheme()], null).units[0]?.schemeLine).toBe(
      '按面积分摊 · 电梯更换分摊（按面积）',
    );
    const none = anAccount([aUnitAccount({ schemeTitle: null, movements: [] })]);
    expect(toMoneyView(none, null, [aScheme()], null).units[0]?.schemeLine).toBe(
      '分摊方案尚未生效，暂无应缴',
    );
  });

  it('keeps the bar within the card when more than the target came in', () => {
    const over = anOverview({ percent: 101.2, percentText: '101.2%' });
    expect(toMoneyView(null, null, [], over).progress).toMatchObject({
      percent: '101.2%',
      barWidth: '100%',
    });
  });
});

describe('pay page view', () => {
  it.each([
    ['7345.67', 734_567],
    ['1', 100],
    ['1,000.5', 100_050],
    ['￥ 2000 元', 200_000],
    ['0.1', null],
  ])('reads "%s"', (text, fen) => {
    const check = checkAmount(text, 734_567);
    if (fen === null) expect(check).toEqual({ ok: false, message: '每次至少缴纳 ¥1.00' });
    else expect(check).toEqual({ ok: true, fen });
  });

  it('refuses what is not an amount, and more than is left', () => {
    expect(checkAmount('', 734_567)).toEqual({ ok: false, message: '请输入要缴纳的金额' });
    expect(checkAmount('12.345', 734_567).ok).toBe(false);
    expect(checkAmount('-5', 734_567).ok).toBe(false);
    expect(checkAmount('abc', 734_567)).toEqual({
      ok: false,
      message: '金额格式不对，请输入如 1000 或 1000.50',
    });
    expect(checkAmount('7345.68', 734_567)).toEqual({
      ok: false,
      message: '不能超过还需缴纳的 ¥7,345.67',
    });
  });

  it('prefills all that is left as yuan text', () => {
    expect(yuanText(734_567)).toBe('7345.67');
    expect(yuanText(100)).toBe('1.00');
    expect(checkAmount(yuanText(734_567), 734_567)).toEqual({ ok: true, fen: 734_567 });
  });

  it('names the unit, and for a proxy the owner acted for', () => {
    const account = anAccount([
      aUnitAccount({ unitId: 'u5-02', unitNo: '5-02', asLabel: '代理人' }),
    ]);
    const me = aMe({ proxiesHeld: [aProxy({ unitIds: ['u5-02'], ownerName: '钟霞' })] });
    expect(targetFromAccount(account, me, 'u5-02')).toEqual({
      unitId: 'u5-02',
      unitNo: '5-02',
      forLine: '代 钟霞（5-02）缴费',
      leftFen: 734_567,
      left: '¥7,345.67',
      payable: true,
      reason: '',
    });
    expect(targetFromAccount(account, me, 'u-other')).toBeNull();
    expect(targetFromAccount(anAccount(), null, 'u12-03')?.forLine).toBe('业主本人缴费');
    const settled = anAccount([aUnitAccount({ leftFen: 0 })]);
    expect(targetFromAccount(settled, null, 'u12-03')).toMatchObject({
      payable: false,
      reason: '这户已缴清，无需再缴',
    });
  });

  it('shows a link’s unit and masked owner, and why it cannot be paid', () => {
    expect(targetFromLink(aLinkInfo())).toMatchObject({ unitNo: '5-02', forLine: '业主 钟*' });
    expect(
      targetFromLink(aLinkInfo({ payable: false, reason: '链接已过期，请向业主要一个新的链接' })),
    ).toMatchObject({ payable: false, reason: '链接已过期，请向业主要一个新的链接' });
  });

  it('asks the payer for a name for the owner’s receipt', () => {
    expect(checkPayerName('  王小明（朋友） ')).toEqual({ ok: true, name: '王小明（朋友）' });
    expect(checkPayerName(' ').ok).toBe(false);
    expect(checkPayerName('名'.repeat(21)).ok).toBe(false);
  });
});

describe('receipt view', () => {
  it('names payer and owner, and where the entry sits in the ledger', () => {
    const view = toReceiptView(aFundsReceipt(), '¥0.00');
    expect(view.amount).toBe('¥12,345.67');
    expect(view.behalfLine).toBe('王小明（朋友） 代 钟*（5-02） 缴纳');
    expect(Object.fromEntries(view.rows.map((r) => [r.label, r.value]))).toEqual({
      房号: '5-02',
      业主: '钟*',
      付款人: '王小明（朋友）',
      方式: '代付链接',
      时间: '12月13日 12:23',
      收据号: 'TT-000213',
      账本序号: '第 213 笔',
      账本哈希: '9c01bb4e…aabbccdd',
      订单号: 'TT20261213000001',
      还需缴纳: '¥0.00',
    });
  });

  it('leaves out what the reader may not see and what cash receipts lack', () => {
    const cash = aFundsReceipt({ outTradeNo: null, entryHash: null, seq: null, pending: true });
    const labels = toReceiptView(cash, null).rows.map((r) => r.label);
    expect(labels).not.toContain('还需缴纳');
    expect(labels).not.toContain('账本哈希');
    expect(labels).not.toContain('订单号');
    expect(shortHash('abc')).toBe('abc');
  });
});

describe('ledger view', () => {
  it('counts units by how far they paid, and shows rooms with names masked', () => {
    const head = toLedgerHead(anOverview());
    expect(head.groups.map((g) => [g.title, g.count])).toEqual([
      ['已缴清', 80],
      ['部分缴纳', 12],
      ['未缴', 45],
    ]);
    expect(head.entryCount).toBe('共 212 笔');
    expect(unitLine(aStanding('5-02', '钟*'))).toBe('5-02 钟*');
  });

  it('lists expenses paid or awaiting payment, not rejected proposals', () => {
    const rows = expenseRows([
      anExpense(),
      anExpense({ id: 'e2', status: 'proposed', statusLabel: '待出纳付款', paidAt: null }),
      anExpense({ id: 'e3', status: 'rejected', statusLabel: '已驳回' }),
    ]);
    expect(rows.map((r) => [r.id, r.status, r.paid])).toEqual([
      ['e1', '已付款 · 12月5日 15:00', true],
      ['e2', '待出纳付款 · 12月4日 10:00', false],
    ]);
  });

  it('appends a page without repeating entries already shown', () => {
    const first = appendEntries([], [anEntry(3), anEntry(2)]);
    const next = appendEntries(first, [
      anEntry(2),
      anEntry(1, { unitNo: null, channelLabel: null, payerMasked: null, kindLabel: '支出' }),
    ]);
    expect(next.map((r) => r.seq)).toEqual([3, 2, 1]);
    expect(next[0]?.detail).toBe('12-03 · 微信支付 · 孙*国');
    expect(next[2]?.detail).toBe('');
    const cash = appendEntries(
      [],
      [anEntry(9, { phase: 'pending', phaseLabel: '待确认', channelLabel: '现金' })],
    );
    expect(cash[0]).toMatchObject({ phase: '待确认', pending: true });
  });
});

describe('money formatting', () => {
  it('writes dates in Shanghai time, the year only for another year', () => {
    const now = Date.parse('2026-12-07T12:00:00+08:00');
    expect(formatDateTime('2026-12-13T04:23:00Z', now)).toBe('12月13日 12:23');
    expect(formatDateTime('nonsense', now)).toBe('');
  });
});
