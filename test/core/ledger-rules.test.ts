import fc from 'fast-check';
import { depositProblem, heldDays, isOverdue, samePerson } from '../../core/ledger/custody';
import { maskFullName, percentOf, statusLabel, yuanText } from '../../core/ledger/labels';
import {
  isBelowRedLine,
  redLineReport,
  topUpToHalf,
  type FundRow,
} from '../../core/ledger/redLine';

/** Cash custody, how the ledger reads, and the maintenance fund's red line. */
describe('cash custody', () => {
  const now = new Date('2026-12-10T12:00:00+08:00');

  it('flags cash held more than 3 days that has not gone to the bank', () => {
    expect(isOverdue('2026-12-07T11:59:00+08:00', false, false, now)).toBe(true);
    expect(isOverdue('2026-12-07T12:00:00+08:00', false, false, now)).toBe(false);
    expect(isOverdue('2026-12-01T12:00:00+08:00', true, false, now)).toBe(false);
    expect(isOverdue('2026-12-01T12:00:00+08:00', false, true, now)).toBe(false);
    expect(heldDays('2026-12-06T11:00:00+08:00', now)).toBe(4);
  });

  it('needs each receipt once and the sums to match', () => {
    const lines = [
      { id: 'a', amountFen: 100 },
      { id: 'b', amountFen: 250 },
    ];
    expect(depositProblem(350, ['a', 'b'], lines)).toBeNull();
    expect(depositProblem(351, ['a', 'b'], lines)).toContain('不符');
    expect(depositProblem(200, ['a', 'a'], lines.slice(0, 1))).toContain('两次');
    expect(depositProblem(0, [], [])).not.toBeNull();
  });

  it('knows a person by openid or by registry person', () => {
    expect(samePerson({ openid: 'a', personId: null }, { openid: 'a', personId: 'p' })).toBe(true);
    expect(samePerson({ openid: 'a', personId: 'p' }, { openid: 'b', personId: 'p' })).toBe(true);
    expect(samePerson({ openid: 'a', personId: null }, { openid: 'b', personId: null })).toBe(
      false,
    );
  });
});

describe('labels', () => {
  it('writes yuan with thousands and two decimals', () => {
    expect(yuanText(123456789)).toBe('¥1,234,567.89');
    expect(yuanText(5)).toBe('¥0.05');
    expect(yuanText(-1000)).toBe('-¥10.00');
  });

  it('masks names as 钱*康', () => {
    expect(maskFullName('钱大康')).toBe('钱*康');
    expect(maskFullName('王伟')).toBe('王*');
    expect(maskFullName('欧阳娜娜')).toBe('欧**娜');
    expect(maskFullName('')).toBe('—');
  });

  it('shows cash awaiting the treasurer before anything else', () => {
    expect(statusLabel('unpaid', 100)).toBe('现金已收，待入账');
    expect(statusLabel('partly', 0)).toBe('部分缴纳');
  });

  it('never rounds progress up to 100 %', () => {
    expect(percentOf(9999, 10000)).toBe(99.9);
    expect(percentOf(1, 0)).toBe(0);
  });
});

describe('red line', () => {
  const row = (first: number, balance: number): FundRow => ({
    unitId: 'u',
    unitNo: '2-01',
    firstDepositFen: first,
    balanceFen: balance,
  });

  it('is below 30 % strictly, and tops up to 50 % of the first deposit', () => {
    expect(isBelowRedLine(row(10000, 2999))).toBe(true);
    expect(isBelowRedLine(row(10000, 3000))).toBe(false);
    expect(topUpToHalf(row(10000, 2000))).toBe(3000);
    expect(topUpToHalf(row(10001, 0))).toBe(5001);
    expect(topUpToHalf(row(10000, 6000))).toBe(0);
  });

  it('counts the units below the line and what they would top up, for any fund', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            first: fc.integer({ min: 1, max: 1e9 }),
            ratio: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const fund = rows.map((r, i) => ({
            ...row(r.first, Math.floor((r.first * r.ratio) / 100)),
            unitNo: `u${i}`,
          }));
          const report = redLineReport(fund);
          expect(report.belowRedLine).toBe(
            fund.filter((f) => f.balanceFen * 100 < f.firstDepositFen * 30).length,
          );
          expect(report.topUpFen).toBe(
            fund.filter(isBelowRedLine).reduce((s, f) => s + topUpToHalf(f), 0),
          );
          expect(report.lowest.length).toBe(Math.min(20, fund.length));
        },
      ),
    );
  });
});
