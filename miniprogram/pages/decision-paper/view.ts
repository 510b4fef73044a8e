import type { UnitBallotStatusView } from '../../../typings/api';

/**
 * Said before a paper ballot is entered: it counts at once, replaces any earlier ballot of the
 * flat, and only a new signed form changes it again.
 */
export function paperConfirmation(
  unit: Pick<UnitBallotStatusView, 'coveredUnitNos' | 'voted'>,
  choiceLabel: string,
  signedBy: 'owner' | 'proxy',
): string {
  const who = signedBy === 'owner' ? '业主本人' : '代理人';
  const replaces = unit.voted ? '这户已有表决票，录入后以这张纸质票为准；' : '';
  return `为 ${unit.coveredUnitNos.join('、')} 录入${who}签字的纸质表决票：${choiceLabel}。${replaces}录入后立即计票，不能撤销。`;
}
