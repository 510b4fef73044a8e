import fc from 'fast-check';
import type { Decision } from '../../core/decisions/model';
import { floorTotals, shareStats } from '../../core/funds/compare';
import { formatFen } from '../../core/funds/money';
import {
  amountRefusal,
  leftToPay,
  newOutTradeNo,
  OUT_TRADE_NO,
  payState,
  payStateLabel,
  verdictOf,
} from '../../core/funds/payments';
import {
  carried,
  linkRefusal,
  planCost,
  schemeStatus,
  splitInputOf,
  type SchemeUnit,
} from '../../core/funds/schemes';
import { splitCost } from '../../core/funds/split';

describe('money as residents read it', () => {
  it('writes fen as yuan with thousands separators and exactly two decimals', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(1_234_567)).toBe('¥12,345.67');
    expect(formatFen(168_000_000)).toBe('¥1,680,000.00');
    expect(formatFen(-50)).toBe('-¥0.50');
  });

  it('refuses what is not an amount in fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});

describe('comparison statistics', () => {
  it('takes min, lower median and max over the paying units only', () => {
    const stats = shareStats([
      { fen: 300, exempt: false },
      { fen: 0, exempt: true },
      { fen: 100, exempt: false },
      { fen: 200, exempt: false },
      { fen: 400, exempt: false },
    ]);
    expect(stats).toEqual({
      payingUnits: 4,
      exemptUnits: 1,
      minFen: 100,
      medianFen: 200,
      maxFen: 400,
    });
  });

  it('answers zeros when nobody pays', () => {
    expect(shareStats([{ fen: 0, exempt: true }])).toEqual({
      payingUnits: 0,
      exemptUnits: 1,
      minFen: 0,
      medianFen: 0,
      maxFen: 0,
    });
  });

  it('the median is always one of the shares, between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1 }), (fens) => {
        const s = shareStats(fens.map((fen) => ({ fen, exempt: false })));
        expect(fens).toContain(s.medianFen);
        expect(s.minFen).toBeLessThanOrEqual(s.medianFen);
        expect(s.medianFen).toBeLessThanOrEqual(s.maxFen);
        expect(fens.filter((f) => f < s.medianFen).length).toBeLessThanOrEqual(
          Math.floor(fens.length / 2),
        );
      }),
    );
  });

  it('sums each floor, lowest first, with the average rounded down', () => {
    expect(
      floorTotals([
        { floor: 3, fen: 101 },
        { floor: 2, fen: 50 },
        { floor: 3, fen: 100 },
      ]),
    ).toEqual([
      { floor: 2, units: 1, totalFen: 50, averageFen: 50 },
      { floor: 3, units: 2, totalFen: 201, averageFen: 100 },
    ]);
  });

  it('floor totals always add up to the scheme total', () => {
    const unitArb = fc.record({
      floor: fc.integer({ min: 1, max: 30 }),
      areaHundredths: fc.integer({ min: 1, max: 20_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 200_000_000 }),
        (raw, totalFen) => {
          const units: SchemeUnit[] = raw.map((u, i) => ({
            unitId: `u${i}`,
            unitNo: `${u.floor}-${i}`,
            ...u,
          }));
          const shares = splitCost(
            splitInputOf({ totalFen, method: 'area', coefficients: {}, exemptions: [] }, units),
          );
          const floors = floorTotals(
            units.map((u, i) => ({ floor: u.floor, fen: shares[i]?.fen ?? 0 })),
          );
          expect(floors.reduce((sum, f) => sum + f.totalFen, 0)).toBe(totalFen);
          expect(floors.reduce((sum, f) => sum + f.units, 0)).toBe(units.length);
        },
      ),
    );
  });
});

describe('a scheme as the split takes it', () => {
  const units: SchemeUnit[] = [
    { unitId: 'u2-01', unitNo: '2-01', floor: 2, areaHundredths: 10_000 },
    { unitId: 'u3-01', unitNo: '3-01', floor: 3, areaHundredths: 10_000 },
  ];

  it('keys units by room number, so refusals name rooms residents know', () => {
    expect(() =>
      splitCost(
        splitInputOf(
          {
            totalFen: 100,
            method: 'floor-coefficient',
            coefficients: { '2': 700 },
            exemptions: [],
          },
          units,
        ),
      ),
    ).toThrow('3-01');
  });

  it('applies coefficients and exemptions by unit id', () => {
    const shares = splitCost(
      splitInputOf(
        {
          totalFen: 1000,
          method: 'floor-coefficient',
          coefficients: { '2': 0, '3': 1000 },
          exemptions: [],
        },
        units,
      ),
    );
    expect(shares.map((s) => s.fen)).toEqual([0, 1000]);
    const exempt = splitCost(
      splitInputOf(
        {
          totalFen: 1000,
          method: 'area',
          coefficients: {},
          exemptions: [{ unitId: 'u3-01', unitNo: '3-01', reason: '低保户' }],
        },
        units,
      ),
    );
    expect(exempt.map((s) => s.fen)).toEqual([1000, 0]);
  });
});

function decision(over: Partial<Decision>): Decision {
  return {
    _id: 'd1',
    buildingId: 'b',
    title: '电梯更换方案选择',
    summary: '',
    matter: 'rebuild',
    question: {
      kind: 'plans',
      text: '选择方案',
      plans: [
        { key: 'A', title: '保留导轨', summary: '', costFen: 98_000_000 },
        { key: 'B', title: '整体更换', summary: '', costFen: null },
      ],
    },
    documents: [],
    noticeDays: 15,
    objectionDays: 7,
    opensAt: null,
    closesAt: null,
    status: 'draft',
    createdBy: 'o',
    createdAt: '2026-11-01T09:00:00+08:00',
    updatedAt: '2026-11-01T09:00:00+08:00',
    noticePostedAt: null,
    openedAt: null,
    closedAt: null,
    preliminaryAt: null,
    objectionEndsAt: null,
    finalAt: null,
    electorate: null,
    result: null,
    ...over,
  };
}

const result = (passed: boolean, winner: 'A' | 'B' | null) => ({
  at: '2026-11-20T09:00:00+08:00',
  counters: { voted: { owners: 0, area: 0 }, choices: {} },
  passed,
  winner,
});

describe('when a scheme binds (art. 283: a split needs its own agreement)', () => {
  const link = { decisionId: 'd1', planKey: 'A' as const };

  it('is a draft without a vote or while the vote is a draft', () => {
    expect(schemeStatus(null, null)).toBe('draft');
    expect(schemeStatus(link, decision({}))).toBe('draft');
  });

  it('is on the vote from the notice until the final result', () => {
    for (const status of ['notice', 'open', 'closed', 'preliminary'] as const) {
      expect(schemeStatus(link, decision({ status, result: result(true, 'A') }))).toBe('on-vote');
    }
  });

  it('binds only when the final result passed with its plan', () => {
    expect(schemeStatus(link, decision({ status: 'final', result: result(true, 'A') }))).toBe(
      'binding',
    );
    expect(schemeStatus(link, decision({ status: 'final', result: result(true, 'B') }))).toBe(
      'not-adopted',
    );
    expect(schemeStatus(link, decision({ status: 'final', result: result(false, null) }))).toBe(
      'not-adopted',
    );
  });

  it('a proposal carries the scheme attached to it as a whole', () => {
    const proposal = decision({
      status: 'final',
      question: { kind: 'proposal', text: '是否同意' },
      result: result(true, null),
    });
    expect(carried(proposal, null)).toBe(true);
    expect(carried({ ...proposal, result: result(false, null) }, null)).toBe(false);
  });

  it('is attached only to a real plan of a draft decision', () => {
    expect(linkRefusal(decision({}), 'A')).toBeNull();
    expect(linkRefusal(decision({}), 'C')).toContain('没有方案C');
    expect(linkRefusal(decision({}), null)).toContain('请指定');
    expect(linkRefusal(decision({ status: 'notice' }), 'A')).toContain('已公示');
    expect(planCost(decision({}), 'A')).toBe(98_000_000);
    expect(planCost(decision({}), 'B')).toBeNull();
  });
});

describe('payments', () => {
  it('allows partial payments of at least ¥1 and never more than is left', () => {
    expect(amountRefusal(100, 10_000)).toBeNull();
    expect(amountRefusal(10_000, 10_000)).toBeNull();
    expect(amountRefusal(99, 10_000)).toContain('至少');
    expect(amountRefusal(10_001, 10_000)).toContain('不能超过');
    expect(amountRefusal(100, 0)).toContain('没有待缴');
    expect(amountRefusal(0, 100)).toContain('正整数');
    // A remainder under a yuan can be settled exactly.
    expect(amountRefusal(37, 37)).toBeNull();
  });

  it('makes order numbers WeChat accepts, one per attempt', () => {
    const a = newOutTradeNo(new Date('2026-12-07T01:00:00Z'), new Uint8Array(12).fill(1));
    const b = newOutTradeNo(new Date('2026-12-07T01:00:00Z'), new Uint8Array(12).fill(2));
    expect(a).toMatch(OUT_TRADE_NO);
    expect(a.length).toBeLessThanOrEqual(32);
    expect(a.startsWith('TT20261207090000')).toBe(true);
    expect(a).not.toBe(b);
  });

  const order = { _id: 'TT1', amountFen: 5000, subMchId: 'm1' };
  const trade = {
    tradeState: 'SUCCESS',
    outTradeNo: 'TT1',
    totalFee: 5000,
    transactionId: '4200x',
    subMchId: 'm1',
  };

  it('credits only what WeChat confirms: paid, this order, this amount, our merchant', () => {
    expect(verdictOf(order, trade)).toEqual({ kind: 'credit', transactionId: '4200x' });
    expect(verdictOf(order, { ...trade, tradeState: 'NOTPAY' })).toEqual({ kind: 'unpaid' });
    expect(verdictOf(order, { ...trade, tradeState: 'CLOSED' })).toEqual({
      kind: 'failed',
      tradeState: 'CLOSED',
    });
    expect(verdictOf(order, { ...trade, totalFee: 1 })).toMatchObject({
      kind: 'mismatch',
      reportedFen: 1,
    });
    expect(verdictOf(order, { ...trade, outTradeNo: 'TT2' }).kind).toBe('mismatch');
    expect(verdictOf(order, { ...trade, subMchId: 'other' }).kind).toBe('mismatch');
    expect(verdictOf(order, { ...trade, transactionId: null }).kind).toBe('mismatch');
  });

  it('reads a unit’s standing, with cash awaiting the treasurer counted as handed over', () => {
    const money = { chargedFen: 10_000, paidFen: 3_000, pendingCashFen: 2_000 };
    expect(leftToPay(money)).toBe(5_000);
    expect(payState(money)).toBe('partly');
    expect(payStateLabel(money)).toBe('部分缴纳，现金已收，待入账');
    expect(payState({ chargedFen: 0, paidFen: 0, pendingCashFen: 0 })).toBe('no-charge');
    expect(payState({ chargedFen: 100, paidFen: 0, pendingCashFen: 0 })).toBe('unpaid');
    expect(payState({ chargedFen: 100, paidFen: 100, pendingCashFen: 0 })).toBe('paid');
    expect(payState({ chargedFen: 100, paidFen: 150, pendingCashFen: 0 })).toBe('overpaid');
    expect(leftToPay({ chargedFen: 100, paidFen: 150, pendingCashFen: 0 })).toBe(0);
  });
});
