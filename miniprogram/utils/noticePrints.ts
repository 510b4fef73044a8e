import type { DecisionStatusName } from '../../typings/api';

/** A printable notice (打印版) a page offers for a decision. */
export interface NoticePrint {
  action: 'decisionNotice' | 'decisionResult';
  label: string;
}

/**
 * What those who post notices in the lobby (organizers and staff) may print for a decision: its
 * notice once posted, and its result once published. Nothing for anyone else, nothing for a draft.
 */
export function noticePrintsFor(d: {
  status: DecisionStatusName;
  canOrganize: boolean;
  canEnterPaper: boolean;
}): NoticePrint[] {
  if (!(d.canOrganize || d.canEnterPaper) || d.status === 'draft') return [];
  const prints: NoticePrint[] = [{ action: 'decisionNotice', label: '表决公告打印版（PDF）' }];
  if (d.status === 'preliminary' || d.status === 'final') {
    prints.push({
      action: 'decisionResult',
      label: d.status === 'final' ? '最终结果打印版（PDF）' : '初步结果打印版（PDF）',
    });
  }
  return prints;
}
