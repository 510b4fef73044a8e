import { currentDecisionOf, decisionStage } from '../../core/building/summary';
import type { Decision } from '../../core/decisions/model';

/** The home page's decisions card says where the current decision stands, in residents' words. */
describe('decision stage', () => {
  const base = {
    opensAt: '2026-12-16T09:00:00+08:00',
    closesAt: '2026-12-31T20:00:00+08:00',
    objectionEndsAt: '2027-01-08T20:00:00+08:00',
  } as Partial<Decision>;
  const now = Date.parse('2026-12-01T09:00:00+08:00');
  const at = (status: Decision['status']): string =>
    decisionStage({ ...base, status } as Decision, now);

  it.each([
    ['draft', '草稿'],
    ['notice', '公示中 · 12月16日开始投票'],
    ['open', '投票中 · 12月31日截止'],
    ['closed', '已截止，待计票'],
    ['preliminary', '初步结果公示中 · 异议期至1月8日'],
    ['final', '已公布结果'],
  ] as const)('%s → %s', (status, text) => {
    expect(at(status)).toBe(text);
  });

  it('reads dates in Shanghai time, whatever zone they were written in', () => {
    const late = { ...base, status: 'open', closesAt: '2026-12-31T17:00:00Z' } as Decision;
    expect(decisionStage(late, now)).toBe('投票中 · 1月1日截止');
  });

  it('says the notice period is over once the planned start has passed', () => {
    const due = { ...base, status: 'notice' } as Decision;
    expect(decisionStage(due, Date.parse('2026-12-16T09:00:00+08:00'))).toBe(
      '公示期满 · 待换梯小组开启投票',
    );
  });
});

describe('current decision', () => {
  const now = Date.parse('2026-12-20T09:00:00+08:00');
  const d = (id: string, status: Decision['status'], closesAt: string | null = null): Decision =>
    ({ _id: id, status, closesAt }) as Decision;

  it('prefers a vote open now over a newer notice, and a notice over older results', () => {
    const recent = [
      d('split', 'notice'),
      d('expired', 'open', '2026-12-19T18:00:00+08:00'),
      d('plan', 'open', '2026-12-31T18:00:00+08:00'),
      d('old', 'final'),
    ];
    expect(currentDecisionOf(recent, now)?._id).toBe('plan');
    expect(currentDecisionOf(recent.slice(0, 2), now)?._id).toBe('split');
    expect(currentDecisionOf([d('old', 'final')], now)?._id).toBe('old');
    expect(currentDecisionOf([], now)).toBeNull();
  });
});
