import {
  comparisonScreen,
  emptyForm,
  issueConfirmText,
  planOptions,
  risingCoefficients,
  schemeRequest,
  toggleSelection,
  type PlanOption,
} from '../../../miniprogram/pages/funds-organize/view';
import { parseCoefficient, parseYuan } from '../../../miniprogram/utils/amount';
import { aDetail } from './decisions-fixtures';
import { aCompared, aComparison, aScheme, aShareRow } from './funds-fixtures';

const UNITS = new Map([
  ['2-01', 'u2-01'],
  ['12-03', 'u12-03'],
]);

const PLAN: PlanOption = {
  label: '换梯 · 方案A：保留导轨（¥1,680,000.00）',
  decisionId: 'd1',
  planKey: 'A',
  costFen: 168000000,
  linkable: true,
};

describe('amounts typed by people', () => {
  it('reads yuan into fen exactly, and refuses what is not an amount', () => {
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('¥1,234.5')).toBe(123450);
    expect(parseYuan(' 800 ')).toBe(80000);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });

  it('reads coefficients in thousandths, at most three decimals', () => {
    expect(parseCoefficient('0.7')).toBe(700);
    expect(parseCoefficient('1.125')).toBe(1125);
    expect(parseCoefficient('0')).toBe(0);
    expect(parseCoefficient('0.7777')).toBeNull();
    expect(parseCoefficient('abc')).toBeNull();
  });
});

describe('side-by-side comparison', () => {
  const floorScheme = aScheme({
    id: 's-floor',
    title: '楼层系数',
    method: 'floor-coefficient',
    methodLabel: '按楼层系数×面积分摊',
    exemptions: [{ unitId: 'u2-01', unitNo: '2-01', reason: '一楼商铺不使用电梯' }],
  });
  const comparison = aComparison({
    schemes: [
      aCompared(aScheme()),
      aCompared(floorScheme, {
        mineLabel: null,
        mine: [],
        floors: [
          { floor: 2, units: 6, totalFen: 0, averageFen: 0, averageLabel: '¥0.00' },
          { floor: 3, units: 6, totalFen: 12000000, averageFen: 2000000, averageLabel: '' },
        ],
      }),
    ],
    rows: [
      aShareRow({ sharesFen: [1000000, 0], exempt: [false, true] }),
      aShareRow({
        unitId: 'u12-03',
        unitNo: '12-03',
        sharesFen: [1234567, 1500000],
        exempt: [false, false],
        mine: true,
      }),
    ],
    offset: 50,
    total: 138,
  });
  const screen = comparisonScreen(comparison);

  it('shows each scheme as a column with its stats and my share', () => {
    expect(
      screen.cards.map((c) => [c.title, c.minLabel, c.medianLabel, c.maxLabel, c.mineLabel]),
    ).toEqual([
      ['按面积分摊', '¥7,482.12', '¥12,045.11', '¥19,560.40', '您家约 ¥12,345.67'],
      ['楼层系数', '¥7,482.12', '¥12,045.11', '¥19,560.40', '您名下没有房屋'],
    ]);
    expect(screen.cards.map((c) => c.mineFigure)).toEqual(['¥12,345.67', '名下无房屋']);
    expect(screen.cards[1]?.exemptions).toEqual(['2-01 免缴：一楼商铺不使用电梯']);
    expect(screen.cards[0]?.color).not.toBe(screen.cards[1]?.color);
  });

  it('draws the floors top first, bars relative to the widest', () => {
    expect(screen.chart.map((r) => r.floor)).toEqual([3, 2]);
    expect(screen.chart[0]?.bars.map((b) => [b.pct, b.label])).toEqual([
      [60, '¥12,000.00'],
      [100, '¥20,000.00'],
    ]);
    expect(screen.chart[1]?.bars.map((b) => b.pct)).toEqual([50, 0]);
  });

  it('lists every unit under each scheme, exempt ones as 免缴, and pages', () => {
    expect(screen.rows.map((r) => [r.unitNo, ...r.cells, r.mine])).toEqual([
      ['2-01', '¥10,000.00', '免缴', false],
      ['12-03', '¥12,345.67', '¥15,000.00', true],
    ]);
    expect(screen.pageLine).toBe('第 51–52 户，共 138 户');
    expect(screen.hasPrev).toBe(true);
    expect(screen.hasNext).toBe(true);
  });

  it('compares at most four schemes', () => {
    expect(toggleSelection(['a', 'b', 'c', 'd'], 'e')).toEqual(['a', 'b', 'c', 'd']);
    expect(toggleSelection(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleSelection(['a'], 'b')).toEqual(['a', 'b']);
  });
});

describe('drafting a scheme', () => {
  it('offers the plans that carry a quote, attachable only while their vote is a draft', () => {
    const plans = planOptions([
      aDetail({
        id: 'd1',
        title: '更换电梯',
        status: 'draft',
        question: {
          kind: 'plans',
          text: '选哪个方案？',
          plans: [
            { key: 'A', title: '保留导轨', summary: '', costFen: 168000000 },
            { key: 'B', title: '整体更换', summary: '', costFen: null },
          ],
        },
      }),
      aDetail({ id: 'd2' }),
    ]);
    expect(plans).toEqual([
      {
        label: '更换电梯 · 方案A：保留导轨（¥1,680,000.00）',
        decisionId: 'd1',
        planKey: 'A',
        costFen: 168000000,
        linkable: true,
      },
    ]);
  });

  it('takes the total from the chosen plan and attaches the scheme to it', () => {
    const form = { ...emptyForm([2, 3]), title: ' 按面积 ', planIndex: 0, attach: true };
    expect(schemeRequest(form, [PLAN], UNITS)).toEqual({
      ok: true,
      request: {
        title: '按面积',
        method: 'area',
        exemptions: [],
        link: { decisionId: 'd1', planKey: 'A' },
      },
      summary: '按面积：按面积分摊，总额 ¥1,680,000.00',
    });
    const detached = schemeRequest({ ...form, attach: false }, [PLAN], UNITS);
    expect(detached.ok && detached.request.totalFen).toBe(168000000);
  });

  it('reads coefficients and exemptions with reasons', () => {
    const form = {
      ...emptyForm([2, 3]),
      title: '楼层系数',
      totalYuan: '1,680,000',
      methodIndex: 1,
      coefficients: [
        { floor: 2, text: '0' },
        { floor: 3, text: '0.85' },
      ],
      exemptions: [{ unitNo: ' 2-01', reason: '商铺' }],
    };
    expect(schemeRequest(form, [], UNITS)).toEqual({
      ok: true,
      request: {
        title: '楼层系数',
        method: 'floor-coefficient',
        totalFen: 168000000,
        coefficients: [
          { floor: 2, thousandths: 0 },
          { floor: 3, thousandths: 850 },
        ],
        exemptions: [{ unitId: 'u2-01', reason: '商铺' }],
      },
      summary: '楼层系数：按楼层系数×面积分摊，总额 ¥1,680,000.00，1 户免缴',
    });
  });

  it('says what to fix, one thing at a time', () => {
    const base = { ...emptyForm([2, 3]), title: '方案', totalYuan: '100' };
    const message = (f: typeof base) => {
      const r = schemeRequest(f, [], UNITS);
      return r.ok ? 'ok' : r.message;
    };
    expect(message({ ...base, title: ' ' })).toBe('请填写方案名称');
    expect(message({ ...base, totalYuan: '12.345' })).toBe(
      '请选择方案报价，或填写总额（元，最多两位小数）',
    );
    expect(message({ ...base, methodIndex: 1, coefficients: [{ floor: 2, text: '0.8888' }] })).toBe(
      '2层的系数应为数字，最多三位小数（如 0.85）',
    );
    expect(message({ ...base, exemptions: [{ unitNo: '99-09', reason: 'x' }] })).toBe(
      '没有找到房号 99-09',
    );
    expect(message({ ...base, exemptions: [{ unitNo: '2-01', reason: ' ' }] })).toBe(
      '请写明 2-01 免缴的原因',
    );
    // The room however it is written reads as the registry's number.
    expect(message({ ...base, exemptions: [{ unitNo: '2楼1室', reason: ' ' }] })).toBe(
      '请写明 2-01 免缴的原因',
    );
    expect(
      schemeRequest({ ...base, exemptions: [{ unitNo: '201', reason: '商铺' }] }, [], UNITS),
    ).toMatchObject({
      ok: true,
      request: { exemptions: [{ unitId: 'u2-01', reason: '商铺' }] },
    });
    expect(
      message({
        ...base,
        exemptions: [
          { unitNo: '2-01', reason: 'a' },
          { unitNo: '2-01', reason: 'b' },
        ],
      }),
    ).toBe('房号 2-01 重复了');
    expect(message({ ...base, exemptions: [{ unitNo: '', reason: '' }] })).toBe('ok');
  });

  it('starts floor coefficients low at the bottom and high at the top', () => {
    expect(risingCoefficients([4, 2, 3])).toEqual([
      { floor: 2, text: '0.6' },
      { floor: 3, text: '0.9' },
      { floor: 4, text: '1.2' },
    ]);
  });
});

it('warns before issuing charges that they cannot be undone', () => {
  expect(issueConfirmText(aScheme(), 137, '2026-12-31')).toBe(
    '将按「按面积分摊」向 137 户出具应缴款，合计 ¥1,680,000.00，缴款截止 12月31日。出具后不能修改或撤回，如有错误只能另记一笔更正。',
  );
});
