import { toRow } from '../../../miniprogram/pages/decisions/view';
import { aSummaryRow } from './decisions-fixtures';

/** The list row says when voting starts, and what it waits for once that time has passed. */
describe('decisions list row', () => {
  it('writes the year only when it is not this year', () => {
    expect(toRow(notice, Date.parse('2025-12-10T09:00:00+08:00')).when).toBe(
      '2026年12月17日 09:00 开始投票',
    );
  });

  const notice = aSummaryRow({
    status: 'notice',
    statusLabel: '公示中',
    votingOpen: false,
    opensAt: '2026-12-17T09:00:00+08:00',
  });

  it('announces the start of voting during the notice period', () => {
    expect(toRow(notice, Date.parse('2026-12-10T09:00:00+08:00')).when).toBe(
      '12月17日 09:00 开始投票',
    );
  });

  it('says the notice period is over once the planned start has passed', () => {
    expect(toRow(notice, Date.parse('2026-12-18T09:00:00+08:00')).when).toBe(
      '公示期满，待换梯小组开启投票',
    );
  });
});
