import ExcelJS from 'exceljs';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFileId } from '../../localcloud/storage';
import type { TestCloud } from './localCloud';

/** Rosters as the property office would send them, and a way to put one in cloud storage. */

export type Sheet = string[][];

/** A small tower: a two-flat owner, a couple, an unsold flat, a tenant-occupied flat, an owner abroad. */
export const SMALL_TOWER: Sheet = [
  ['房号', '楼层', '建筑面积（㎡）', '状态', '业主', '联系电话', '高龄', '常住地', '备注'],
  ['2-01', '2', '138.52', '自住', '孙建国', '13900000001', '是', '', ''],
  ['2-02', '2', '89.12', '出租', '孙建国', '13900000001', '', '', '同一业主'],
  ['2-03', '2', '62.45', '自住', '王伟、李敏', '13900000003/13900000004', '', '', ''],
  ['2-04', '2', '53.78', '空置', '赵静', '13900000005', '', '加拿大 温哥华', ''],
  ['3-01', '3', '138.52', '未售', '', '', '', '', '开发商'],
  ['3-02', '3', '89.1', '自住', '陈磊', '', '否', '', ''],
];

export function csvOf(sheet: Sheet): string {
  return sheet
    .map((row) =>
      row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','),
    )
    .join('\n')
    .concat('\n');
}

export async function xlsxOf(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('房屋名册');
  for (const row of sheet) {
    // Numbers as the office types them: areas and floors become numeric cells.
    ws.addRow(
      row.map((cell) => (/^\d+(\.\d+)?$/.test(cell) && cell.length < 8 ? Number(cell) : cell)),
    );
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** Stores `content` in the local cloud's storage, as wx.cloud.uploadFile would, and returns its fileID. */
export function putFile(t: TestCloud, cloudPath: string, content: Buffer | string): string {
  const file = join(t.dataDir, 'storage', t.cloud.envId, ...cloudPath.split('/'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return buildFileId(t.cloud.envId, cloudPath);
}
