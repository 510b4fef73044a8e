import { buildElectorate, type RollInputUnit } from '../../core/decisions';

/**
 * The roll's refusals reach organizers inside a Chinese message (业主名册有误：…): they name the
 * flat and the problem in Chinese, never the tally's English for the command line.
 */

const unit = (unitNo: string, area: number): RollInputUnit => ({
  unitId: `u${unitNo}`,
  unitNo,
  area,
  voterId: `p-${unitNo}`,
  unsold: false,
});

const reasonOf = (units: RollInputUnit[]): string => {
  const built = buildElectorate(units);
  if (built.ok) throw new Error('the roll was accepted');
  return built.reason;
};

const hasEnglish = (text: string): boolean => /[A-Za-z]{3,}/.test(text);

describe('the roll’s refusals', () => {
  it('say in Chinese which flat is wrong and why', () => {
    const empty = reasonOf([]);
    expect(empty).toBe('楼栋还没有登记房屋');
    const area = reasonOf([unit('2-01', 8000), unit('2-02', 0)]);
    expect(area).toContain('2-02 的面积无效');
    const twice = reasonOf([unit('2-01', 8000), { ...unit('2-03', 7000), unitId: 'u2-01' }]);
    expect(twice).toContain('2-03');
    for (const reason of [empty, area, twice]) expect(hasEnglish(reason)).toBe(false);
  });
});
