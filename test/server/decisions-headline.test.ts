import { resultOf } from '../../core/decisions';
import type { Counters } from '../../core/decisions/model';
import { headline } from '../../server/decisions/views';
import { openDecision, units } from '../core/decisions-fixtures';

/** The results headline says what is missing, and never asks for more owners than are left. */
describe('results headline', () => {
  // 10 owners of 10.00 m² each; a rebuild needs three quarters on both axes.
  const decision = openDecision(units(10, 10000));
  const electorate = decision.electorate ?? { owners: 0, area: 0 };
  const counters = (yes: number, no: number): Counters => ({
    voted: { owners: yes + no, area: (yes + no) * 1000 },
    choices: {
      yes: { owners: yes, area: yes * 1000 },
      no: { owners: no, area: no * 1000 },
      abstain: { owners: 0, area: 0 },
    },
  });

  it('names the yes votes still needed from owners who have not voted', () => {
    // 7 voted, 5 yes: ¾ needs k ≥ 3·7 − 4·5 = 1 more yes, and 3 owners are left.
    const text = headline(decision, resultOf(decision, electorate, [counters(5, 2)]));
    expect(text).toBe('还需 1 位业主、10.00 m² 的未投票业主选择“同意”才能达到四分之三');
  });

  it('says when even every remaining owner could not carry it', () => {
    // 8 voted, 4 yes: k ≥ 3·8 − 4·4 = 8, but only 2 owners are left.
    const text = headline(decision, resultOf(decision, electorate, [counters(4, 4)]));
    expect(text).toBe('即使其余业主都选择“同意”也达不到四分之三，除非已投票的业主改变选择');
  });
});
