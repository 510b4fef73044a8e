import {
  type TallyCounters,
  formatTally,
  tallyFromCounters,
  turnoutShort,
  approvalShort,
} from '../../core/tally';

const counters = (over: Partial<TallyCounters> = {}): TallyCounters => ({
  matter: 'rebuild',
  owners: { total: 138, voted: 92, yes: 69 },
  area: { total: 1380000, voted: 920000, yes: 690000 },
  ...over,
});

describe('tallyFromCounters', () => {
  it('decides from counters the server keeps, with areas in hundredths', () => {
    expect(tallyFromCounters(counters())).toEqual({
      matter: 'rebuild',
      rule: 'three-quarters',
      owners: { total: 138, voted: 92, yes: 69 },
      area: { total: 1380000, voted: 920000, yes: 690000 },
      turnout: { met: true, ownersShort: 0, areaShort: 0 },
      approval: { met: true, ownersShort: 0, areaShort: 0 },
      passed: true,
    });
  });

  it('needs both axes for turnout and for approval', () => {
    const ownersOnly = tallyFromCounters(
      counters({ area: { total: 1380000, voted: 919999, yes: 919999 } }),
    );
    expect(ownersOnly.turnout.met).toBe(false);
    const areaOnly = tallyFromCounters(counters({ owners: { total: 138, voted: 92, yes: 68 } }));
    expect(areaOnly.turnout.met).toBe(true);
    expect(areaOnly.approval.met).toBe(false);
    expect(areaOnly.passed).toBe(false);
  });

  it('with nobody voting: three quarters of nothing is met, more than half of nothing is not', () => {
    const none = { total: 10, voted: 0, yes: 0 };
    const quarters = tallyFromCounters({ matter: 'rebuild', owners: none, area: none });
    expect(quarters.approval).toEqual({ met: true, ownersShort: 0, areaShort: 0 });
    expect(quarters.turnout).toEqual({ met: false, ownersShort: 7, areaShort: 7 });
    expect(quarters.passed).toBe(false);
    const half = tallyFromCounters({ matter: 'other', owners: none, area: none });
    expect(half.approval).toEqual({ met: false, ownersShort: 1, areaShort: 1 });
  });

  it.each<[string, Partial<TallyCounters>]>([
    ['negative', { owners: { total: 138, voted: -1, yes: 0 } }],
    ['fractional', { area: { total: 1380000.5, voted: 0, yes: 0 } }],
    ['yes above voted', { owners: { total: 138, voted: 10, yes: 11 } }],
    ['voted above total', { area: { total: 100, voted: 101, yes: 0 } }],
    ['too large', { area: { total: Number.MAX_SAFE_INTEGER, voted: 0, yes: 0 } }],
  ])('refuses %s counters', (_name, over) => {
    expect(() => tallyFromCounters(counters(over))).toThrow(RangeError);
  });

  it('refuses an unknown matter', () => {
    const bad = { ...counters(), matter: 'elevators' } as unknown as TallyCounters;
    expect(() => tallyFromCounters(bad)).toThrow(/unknown matter "elevators"/);
  });
});

describe('shortfall', () => {
  it.each<[number, number, number]>([
    [92, 138, 0],
    [91, 138, 1],
    [0, 138, 92],
    [0, 1, 1],
    [0, 0, 0],
    [1379997, 2069999, 3],
  ])('turnout: %p of %p voted → %p short', (voted, total, short) => {
    expect(turnoutShort(voted, total)).toBe(short);
  });

  it.each<['three-quarters' | 'more-than-half', number, number, number]>([
    ['three-quarters', 69, 92, 0],
    ['three-quarters', 68, 92, 4],
    ['three-quarters', 0, 1, 3],
    ['more-than-half', 47, 92, 0],
    ['more-than-half', 46, 92, 1],
    ['more-than-half', 0, 0, 1],
  ])('approval %s: %p yes of %p voted → %p short', (rule, yes, voted, short) => {
    expect(approvalShort(rule, yes, voted)).toBe(short);
  });
});

describe('formatTally', () => {
  it('turns areas into text with two decimals and keeps the documented key order', () => {
    const report = formatTally(
      tallyFromCounters({
        matter: 'raise-fund',
        owners: { total: 3, voted: 2, yes: 1 },
        area: { total: 30001, voted: 20000, yes: 8912 },
      }),
    );
    expect(JSON.stringify(report)).toBe(
      '{"matter":"raise-fund","rule":"three-quarters","owners":{"total":3,"voted":2,"yes":1},' +
        '"area":{"total":"300.01","voted":"200.00","yes":"89.12"},' +
        '"turnout":{"met":false,"ownersShort":0,"areaShort":"0.01"},' +
        '"approval":{"met":false,"ownersShort":2,"areaShort":"243.52"},"passed":false}',
    );
  });
});
