import { decisionState, type DecisionStateInput } from '../../../miniprogram/utils/decisionState';

const NOW = Date.parse('2026-12-20T10:00:00+08:00');

const decision = (overrides: Partial<DecisionStateInput>): DecisionStateInput => ({
  status: 'open',
  opensAt: '2026-12-17T09:00:00+08:00',
  closesAt: '2026-12-31T18:00:00+08:00',
  objectionEndsAt: null,
  votingOpen: true,
  passed: null,
  ...overrides,
});

describe('what a decision’s state means to a person', () => {
  it('a notice before its start says when voting begins', () => {
    const s = decisionState(
      decision({ status: 'notice', votingOpen: false, opensAt: '2026-12-25T09:00:00+08:00' }),
      NOW,
    );
    expect(s).toMatchObject({ label: '公示中', line: '12月25日 09:00 开始投票', live: false });
  });

  it('a notice past its start never says 公示中 beside 公示期满', () => {
    const s = decisionState(decision({ status: 'notice', votingOpen: false }), NOW);
    expect(s.label).toBe('公示期满');
    expect(s.line).toBe('公示期满，待换梯小组开启投票');
    expect(s.voting).toBe(false);
  });

  it('a running vote is 投票中 with its deadline, and its results are live', () => {
    expect(decisionState(decision({}), NOW)).toMatchObject({
      label: '投票中',
      line: '12月31日 18:00 投票截止',
      voting: true,
      live: true,
    });
  });

  it('past the deadline, open or closed, it is 已截止，待计票 and no longer live', () => {
    for (const d of [
      decision({ votingOpen: false }),
      decision({ status: 'closed', votingOpen: false }),
    ]) {
      expect(decisionState(d, NOW)).toMatchObject({
        label: '已截止，待计票',
        voting: false,
        live: false,
      });
    }
  });

  it('once counted it says 通过 or 未通过, in the objection period and after', () => {
    const prelim = decision({
      status: 'preliminary',
      votingOpen: false,
      objectionEndsAt: '2027-01-09T10:00:00+08:00',
    });
    expect(decisionState({ ...prelim, passed: true }, NOW)).toMatchObject({
      label: '通过',
      outcome: '通过',
      tone: 'passed',
      line: '初步结果公示中，异议期至 2027年1月9日 10:00',
      live: false,
    });
    expect(decisionState({ ...prelim, status: 'final', passed: false }, NOW)).toMatchObject({
      label: '未通过',
      tone: 'failed',
      line: '最终结果已公布',
    });
  });
});
