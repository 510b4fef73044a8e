import { filterLines } from '../../../miniprogram/pages/decision-published/view';
import { aLine } from './decisions-fixtures';

/** The published list finds a flat however it is typed, and a receipt by its first characters. */
describe('published list search', () => {
  const lines = [
    aLine({ unitNo: '5-04', receipt: 'ab12' + 'c'.repeat(60) }),
    aLine({ unitNo: '12-03', receipt: 'ffee' + 'a'.repeat(60) }),
  ];
  const units = (query: string): string[] => filterLines(lines, query).map((l) => l.unitNo);

  it.each(['5-4', '504', '5-04', '5楼4室', '５０４'])('%s finds 5-04', (query) => {
    expect(units(query)).toEqual(['5-04']);
  });

  it('finds 12-03 as 1203 and a receipt by its start; nothing for a flat not listed', () => {
    expect(units('1203')).toEqual(['12-03']);
    expect(units('FFEE-a')).toEqual(['12-03']);
    expect(units('6-01')).toEqual([]);
    expect(units('')).toEqual(['5-04', '12-03']);
  });
});
