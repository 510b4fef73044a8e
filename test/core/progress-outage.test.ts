import {
  byDaySlotFloor,
  coverageOf,
  daysBetween,
  helpDateProblem,
  isUnderway,
  outageProblem,
  type HelpRequest,
} from '../../core/progress';

const TODAY = '2026-12-07';

function request(overrides: Partial<HelpRequest> = {}): HelpRequest {
  return {
    _id: 'h1',
    buildingId: 'b1',
    outageId: 'o1',
    unitId: 'u12-03',
    unitNo: '12-03',
    floor: 12,
    kind: 'groceries',
    date: '2026-12-16',
    slot: 'morning',
    note: '',
    requestedBy: 'x',
    requestedAt: '2026-12-07T09:00:00+08:00',
    status: 'open',
    volunteers: [],
    ...overrides,
  };
}

describe('outage schedule', () => {
  it('counts whole days across months and years', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-12-07', '2026-12-07')).toBe(0);
  });

  it('refuses a reversed, past or too long span', () => {
    expect(outageProblem('2026-12-20', '2026-12-19', TODAY)).toBe('停梯结束日期不能早于开始日期');
    expect(outageProblem('2026-11-01', '2026-12-06', TODAY)).toBe(
      '这段停梯时间已经过去，不必再发布',
    );
    expect(outageProblem('2026-12-10', '2027-03-09', TODAY)).toBeNull(); // 90 days
    expect(outageProblem('2026-12-10', '2027-03-10', TODAY)).toBe('一次停梯不超过 90 天');
  });

  it('is under way from its first to its last day inclusive', () => {
    const o = { from: '2026-12-15', to: '2026-12-20' };
    expect(isUnderway(o, '2026-12-14')).toBe(false);
    expect(isUnderway(o, '2026-12-15')).toBe(true);
    expect(isUnderway(o, '2026-12-20')).toBe(true);
    expect(isUnderway(o, '2026-12-21')).toBe(false);
  });

  it('takes help only for a day of the outage not yet past', () => {
    const o = { from: '2026-12-05', to: '2026-12-20' };
    expect(helpDateProblem(o, '2026-12-21', TODAY)).toBe('请选择停梯期间的日期');
    expect(helpDateProblem(o, '2026-12-06', TODAY)).toBe('这一天已经过去了');
    expect(helpDateProblem(o, TODAY, TODAY)).toBeNull();
  });
});

describe('coverage', () => {
  it('counts open requests with and without a volunteer; cancelled ones not at all', () => {
    const volunteer = { openid: 'v', label: '志愿者', at: '2026-12-07T10:00:00+08:00' };
    expect(
      coverageOf([
        request(),
        request({ _id: 'h2', volunteers: [volunteer] }),
        request({ _id: 'h3', status: 'cancelled' }),
      ]),
    ).toEqual({ requests: 2, covered: 1, uncovered: 1 });
  });

  it('orders by day, then slot, then the highest floor first', () => {
    const list = [
      request({ _id: 'a', date: '2026-12-17' }),
      request({ _id: 'b', slot: 'evening' }),
      request({ _id: 'c', floor: 5 }),
      request({ _id: 'd', floor: 20 }),
    ];
    expect([...list].sort(byDaySlotFloor).map((r) => r._id)).toEqual(['d', 'c', 'b', 'a']);
  });
});
