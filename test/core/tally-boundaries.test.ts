/**
 * The worked boundaries of DOMAIN.md for a 138-owner building: every threshold exactly at its edge
 * and one owner or one hundredth of m² on the wrong side, on both axes.
 */
import { type Matter, type TallyResult, tallyBallots } from '../../core/tally';
import { type Group, building } from './tally-building';

function tally(matter: Matter, groups: readonly Group[]): TallyResult {
  const { units, ballots } = building(groups);
  const outcome = tallyBallots({ matter, units, ballots });
  if (!outcome.ok) throw new Error(`unexpected input error: ${outcome.error.message}`);
  return outcome.result;
}

describe('turnout: two thirds of 138 owners and of the area', () => {
  it('is met by exactly 92 owners holding exactly two thirds of the area', () => {
    const result = tally('rebuild', [
      { count: 92, area: 920000, choice: 'yes' },
      { count: 46, area: 460000 },
    ]);
    expect(result.owners).toEqual({ total: 138, voted: 92, yes: 92 });
    expect(result.area).toEqual({ total: 1380000, voted: 920000, yes: 920000 });
    expect(result.turnout).toEqual({ met: true, ownersShort: 0, areaShort: 0 });
    expect(result.passed).toBe(true);
  });

  it('is not met by 91 owners, and says one more owner and 100.00 m² are needed', () => {
    const result = tally('rebuild', [
      { count: 91, area: 910000, choice: 'yes' },
      { count: 47, area: 470000 },
    ]);
    expect(result.turnout).toEqual({ met: false, ownersShort: 1, areaShort: 10000 });
    expect(result.approval.met).toBe(true);
    expect(result.passed).toBe(false);
  });

  it('is not met when 92 owners hold one hundredth less than two thirds of the area', () => {
    const result = tally('rebuild', [
      { count: 92, area: 919999, choice: 'yes' },
      { count: 46, area: 460000 },
    ]);
    expect(result.area.total).toBe(1379999);
    expect(result.turnout).toEqual({ met: false, ownersShort: 0, areaShort: 1 });
    expect(result.passed).toBe(false);
  });

  it('is not met when 91 owners hold exactly two thirds of the area', () => {
    const result = tally('use-fund', [
      { count: 91, area: 920000, choice: 'yes' },
      { count: 47, area: 460000 },
    ]);
    expect(result.turnout).toEqual({ met: false, ownersShort: 1, areaShort: 0 });
    expect(result.passed).toBe(false);
  });
});

describe('three quarters (raise-fund, rebuild, common-use) with exactly 92 voting', () => {
  const rest: Group = { count: 46, area: 460000 };

  it('passes with 69 yes holding exactly three quarters of the voted area', () => {
    const result = tally('rebuild', [
      { count: 69, area: 690000, choice: 'yes' },
      { count: 23, area: 230000, choice: 'no' },
      rest,
    ]);
    expect(result.rule).toBe('three-quarters');
    expect(result.approval).toEqual({ met: true, ownersShort: 0, areaShort: 0 });
    expect(result.passed).toBe(true);
  });

  it('fails with 68 yes: four more yes voters would carry it (4·72 ≥ 3·96)', () => {
    const result = tally('raise-fund', [
      { count: 68, area: 680000, choice: 'yes' },
      { count: 24, area: 240000, choice: 'no' },
      rest,
    ]);
    expect(result.owners).toEqual({ total: 138, voted: 92, yes: 68 });
    expect(result.approval).toEqual({ met: false, ownersShort: 4, areaShort: 40000 });
    expect(result.passed).toBe(false);
  });

  it('fails with 69 yes holding one hundredth less than three quarters of the voted area', () => {
    const result = tally('common-use', [
      { count: 69, area: 689999, choice: 'yes' },
      { count: 23, area: 230001, choice: 'no' },
      rest,
    ]);
    expect(result.turnout.met).toBe(true);
    expect(result.area.voted).toBe(920000);
    expect(result.approval).toEqual({ met: false, ownersShort: 0, areaShort: 4 });
    expect(result.passed).toBe(false);
  });

  it('counts abstentions as voted, not yes: 68 yes and one abstention still fail', () => {
    const result = tally('rebuild', [
      { count: 68, area: 680000, choice: 'yes' },
      { count: 1, area: 10000, choice: 'abstain' },
      { count: 23, area: 230000, choice: 'no' },
      rest,
    ]);
    expect(result.owners).toEqual({ total: 138, voted: 92, yes: 68 });
    expect(result.area).toEqual({ total: 1380000, voted: 920000, yes: 680000 });
    expect(result.passed).toBe(false);
  });
});

describe('more than half (every other matter, including use-fund) with exactly 92 voting', () => {
  const rest: Group = { count: 46, area: 460000 };

  it('passes with 47 yes', () => {
    const result = tally('use-fund', [
      { count: 47, area: 470000, choice: 'yes' },
      { count: 45, area: 450000, choice: 'no' },
      rest,
    ]);
    expect(result.rule).toBe('more-than-half');
    expect(result.passed).toBe(true);
  });

  it('fails with 46 yes, exactly half: one more yes voter is needed', () => {
    const result = tally('manager', [
      { count: 46, area: 460000, choice: 'yes' },
      { count: 46, area: 460000, choice: 'abstain' },
      rest,
    ]);
    expect(result.approval).toEqual({ met: false, ownersShort: 1, areaShort: 1 });
    expect(result.passed).toBe(false);
  });

  it('fails with 47 yes holding exactly half the voted area ("more than" excludes it)', () => {
    const result = tally('committee', [
      { count: 47, area: 460000, choice: 'yes' },
      { count: 45, area: 460000, choice: 'no' },
      rest,
    ]);
    expect(result.approval).toEqual({ met: false, ownersShort: 0, areaShort: 1 });
    expect(result.passed).toBe(false);
  });

  it('passes with 47 yes holding one hundredth more than half the voted area', () => {
    const result = tally('rules', [
      { count: 47, area: 460001, choice: 'yes' },
      { count: 45, area: 459999, choice: 'no' },
      rest,
    ]);
    expect(result.approval).toEqual({ met: true, ownersShort: 0, areaShort: 0 });
    expect(result.passed).toBe(true);
  });
});

describe('all 138 voting', () => {
  it('three quarters: 104 yes pass, 103 fail', () => {
    const pass = tally('rebuild', [
      { count: 104, area: 1040000, choice: 'yes' },
      { count: 34, area: 340000, choice: 'no' },
    ]);
    expect(pass.passed).toBe(true);
    const fail = tally('rebuild', [
      { count: 103, area: 1030000, choice: 'yes' },
      { count: 35, area: 350000, choice: 'no' },
    ]);
    expect(fail.approval).toEqual({ met: false, ownersShort: 2, areaShort: 20000 });
    expect(fail.passed).toBe(false);
  });

  it('three quarters of the area exactly passes, one hundredth below fails', () => {
    const edge = tally('rebuild', [
      { count: 104, area: 1035000, choice: 'yes' },
      { count: 34, area: 345000, choice: 'no' },
    ]);
    expect(edge.passed).toBe(true);
    const below = tally('rebuild', [
      { count: 104, area: 1034999, choice: 'yes' },
      { count: 34, area: 345001, choice: 'no' },
    ]);
    expect(below.approval).toEqual({ met: false, ownersShort: 0, areaShort: 4 });
    expect(below.passed).toBe(false);
  });

  it('more than half: 70 yes pass, 69 fail', () => {
    const pass = tally('other', [
      { count: 70, area: 700000, choice: 'yes' },
      { count: 68, area: 680000, choice: 'no' },
    ]);
    expect(pass.passed).toBe(true);
    const fail = tally('other', [
      { count: 69, area: 690000, choice: 'yes' },
      { count: 69, area: 690000, choice: 'no' },
    ]);
    expect(fail.approval).toEqual({ met: false, ownersShort: 1, areaShort: 1 });
    expect(fail.passed).toBe(false);
  });

  it('more than half of the area: exactly half fails, one hundredth more passes', () => {
    const half = tally('covenant', [
      { count: 70, area: 690000, choice: 'yes' },
      { count: 68, area: 690000, choice: 'no' },
    ]);
    expect(half.approval).toEqual({ met: false, ownersShort: 0, areaShort: 1 });
    const above = tally('covenant', [
      { count: 70, area: 690001, choice: 'yes' },
      { count: 68, area: 689999, choice: 'no' },
    ]);
    expect(above.passed).toBe(true);
  });
});
