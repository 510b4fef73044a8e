import { budgetRow, rowsBySize, toBudgetRow, withinTarget } from '../../bench/table';

describe('withinTarget', () => {
  it('holds every figure to an upper bound', () => {
    expect(withinTarget([300], '≤ 300 KB')).toBe('yes');
    expect(withinTarget([12.5, 300.1], '≤ 300 KB')).toBe('OVER');
  });

  it('holds every figure to a lower bound, with thousands separators on either side', () => {
    expect(withinTarget(['1,200'], '≥ 1,000×')).toBe('yes');
    expect(withinTarget([49.9], '≥ 50×')).toBe('OVER');
  });

  it('gives no verdict without a bound or a number', () => {
    expect(withinTarget([5], 'reported')).toBe('');
    expect(withinTarget(['3 / 4'], '≤ 3')).toBe('');
    expect(withinTarget([], '≤ 3')).toBe('');
  });
});

describe('budget rows', () => {
  it('show labelled figures in one cell and judge them all', () => {
    expect(
      budgetRow(
        'largest setData: vote',
        [
          ['demo', 1.4],
          ['10,000 units', 17],
        ],
        '≤ 16 KB',
        ' KB',
      ),
    ).toEqual({
      measure: 'largest setData: vote',
      'value(s)': 'demo: 1.4 KB · 10,000 units: 17 KB',
      target: '≤ 16 KB',
      'within?': 'OVER',
    });
  });

  it('show a single figure without a label', () => {
    expect(budgetRow('bundle', 231.9, '≤ 300 KB', ' KB')['value(s)']).toBe('231.9 KB');
  });

  it('take rows by building size from other benches into the same shape', () => {
    const row = rowsBySize([{ size: 138 }, { size: 10_000 }])(
      'requests per map page',
      '≤ 3',
      (s) => (s.size > 1000 ? 4 : 2),
    );
    expect(toBudgetRow(row)).toEqual({
      measure: 'requests per map page',
      'value(s)': '138 units: 2 · 10,000 units: 4',
      target: '≤ 3',
      'within?': 'OVER',
    });
  });
});
