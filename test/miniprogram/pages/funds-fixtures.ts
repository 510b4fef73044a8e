import type { ComparedScheme, ComparisonView, SchemeView, ShareRow } from '../../../typings/api';

export function aScheme(overrides: Partial<SchemeView> = {}): SchemeView {
  return {
    id: 's-area',
    title: '按面积分摊',
    method: 'area',
    methodLabel: '按面积分摊',
    totalFen: 168000000,
    totalLabel: '¥1,680,000.00',
    coefficients: [],
    exemptions: [],
    link: null,
    status: 'draft',
    statusLabel: '草案',
    roundingRule: '先按比例向下取整到分，余下的分按余数从大到小每户加 1 分，余数相同先列者优先',
    editable: true,
    chargedUnits: 0,
    chargedFen: 0,
    createdAt: '2026-12-01T10:00:00+08:00',
    updatedAt: '2026-12-01T10:00:00+08:00',
    ...overrides,
  };
}

export function aCompared(
  scheme: SchemeView,
  overrides: Partial<Omit<ComparedScheme, 'scheme'>> = {},
): ComparedScheme {
  return {
    scheme,
    stats: {
      payingUnits: 138,
      exemptUnits: 0,
      minFen: 748212,
      medianFen: 1204511,
      maxFen: 1956040,
      minLabel: '¥7,482.12',
      medianLabel: '¥12,045.11',
      maxLabel: '¥19,560.40',
    },
    mine: [{ unitId: 'u12-03', unitNo: '12-03', fen: 1234567, label: '¥12,345.67' }],
    mineLabel: '您家约 ¥12,345.67',
    floors: [
      { floor: 2, units: 6, totalFen: 6000000, averageFen: 1000000, averageLabel: '¥10,000.00' },
      { floor: 3, units: 6, totalFen: 7200000, averageFen: 1200000, averageLabel: '¥12,000.00' },
    ],
    ...overrides,
  };
}

export function aShareRow(overrides: Partial<ShareRow> = {}): ShareRow {
  return {
    unitId: 'u2-01',
    unitNo: '2-01',
    floor: 2,
    areaHundredths: 8591,
    sharesFen: [1000000],
    exempt: [false],
    mine: false,
    ...overrides,
  };
}

export function aComparison(overrides: Partial<ComparisonView> = {}): ComparisonView {
  return {
    schemes: [aCompared(aScheme())],
    rows: [aShareRow(), aShareRow({ unitId: 'u12-03', unitNo: '12-03', floor: 12, mine: true })],
    offset: 0,
    total: 2,
    ...overrides,
  };
}
