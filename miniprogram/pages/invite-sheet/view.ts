import type { InviteCodeSheet } from '../../../typings/api';
import { formatDateTime } from '../../utils/format';

/** What the organizer reads before issuing; true to server/households/invites.ts. */
export const WARNINGS: readonly string[] = [
  '生成后，每套已售房屋会得到一个新的邀请码，之前张贴的邀请码全部作废。',
  '已经绑定的住户和已提交的申请不受影响。',
  '邀请码只显示这一次：生成后会打开 A4 打印版（PDF），请当场转发给打印店、发到电脑或保存。',
];

export type SheetScope = 'all' | 'unbound';

export const CONFIRM: Record<SheetScope, { title: string; content: string; confirmText: string }> =
  {
    all: {
      title: '生成新的邀请码',
      content: '之前张贴的邀请码将全部作废，住户需要用新的名单绑定。确定生成吗？',
      confirmText: '生成',
    },
    unbound: {
      title: '为未绑定的房屋生成',
      content:
        '还没有人绑定的房屋将得到新的邀请码，这些房屋之前的邀请码作废；其他房屋的邀请码不变。确定生成吗？',
      confirmText: '生成',
    },
  };

/** Printed on every page of the PDF too (server/notices/layouts.ts). */
export const LOST_TEXT =
  '名单遗失或损坏时，请换梯小组重新生成并打印：旧名单上的邀请码随即作废，已经绑定的住户不受影响。';

/** The lobby notice in plain words: the code opens the bind page, the menu path is the fallback. */
export const STEPS: readonly string[] = [
  '用微信“扫一扫”扫描上面的小程序码（也可以打开小程序，点“我的”→“绑定房屋”）',
  '在下表找到您家的房号，输入旁边的邀请码',
  '选择“业主”或“家属或租户”，填写姓名后提交，换梯小组核实后即可使用',
];

export interface CodeRow {
  unitId: string;
  unitNo: string;
  code: string;
  /** The first flat of a floor: the printed table rules a line above it. */
  newFloor: boolean;
}

export interface SheetView {
  issuedAt: string;
  count: number;
  rows: CodeRow[];
}

export function toSheetView(sheet: InviteCodeSheet): SheetView {
  return {
    issuedAt: formatDateTime(sheet.issuedAt),
    count: sheet.rows.length,
    rows: sheet.rows.map((r, i) => ({
      unitId: r.unitId,
      unitNo: r.unitNo,
      code: r.code,
      newFloor: i > 0 && sheet.rows[i - 1]?.floor !== r.floor,
    })),
  };
}
