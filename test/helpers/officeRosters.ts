import ExcelJS from 'exceljs';
import { SMALL_TOWER, type Sheet } from './rosterFiles';

/**
 * Rosters as property offices really keep them, built from a clean one: each quirk rewrites the
 * same units, owners and areas the way a person at the office writes them, so importing any of
 * them must give exactly what the clean roster gives.
 */

/** The small tower plus the co-owners, phones and names an office list holds. */
export const OFFICE_ROSTER: Sheet = [
  ...SMALL_TOWER,
  ['3-03', '3', '75.3', '自住', '王和平', '13900000006', '', '', ''],
  ['4-01', '4', '101.25', '自住', '刘洋、陈静、刘小洋', '13900000007/13900000008', '', '', ''],
  ['10-01', '10', '66.6', '自住', '欧阳娜娜', '02162123456', '是', '', ''],
  ['12-03', '12', '88.8', '出租', '周敏', '+14155550100', '', '美国 旧金山', ''],
];

export const QUIRKS = [
  'title',
  'blankRows',
  'totals',
  'sheets',
  'fullWidth',
  'roomForms',
  'areaUnits',
  'coOwnerSeparators',
  'phoneForms',
] as const;
export type Quirk = (typeof QUIRKS)[number];

type Cell = string | number | Date | null;
interface WorkSheet {
  name: string;
  rows: Cell[][];
  merges: string[];
}

const FULL_WIDTH_OFFSET = 0xff01 - 0x21;
/** ASCII as the full-width forms a Chinese input method types. */
export function fullWidth(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch === ' ') return '\u3000';
    return code > 0x20 && code < 0x7f ? String.fromCharCode(code + FULL_WIDTH_OFFSET) : ch;
  }).join('');
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

function roomForm(unitNo: string, i: number): string {
  const [f = '', r = ''] = unitNo.split('-');
  const room = String(Number(r));
  return pick(
    [`${f}${r}`, `${f}楼${r}室`, `${f}F${r}`, `${f}-${room}`, `${f}楼${room}室`, `${f} - ${r}`],
    i,
  );
}

function phoneForm(phone: string, i: number): string {
  if (/^1\d{10}$/.test(phone)) {
    const [a, b, c] = [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)];
    return pick([`${a} ${b} ${c}`, `${a}-${b}-${c}`, `+86 ${a} ${b} ${c}`, `+86-${phone}`], i);
  }
  if (phone.startsWith('0')) return `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
  return phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1 $2 $3');
}

/** The clean sheet with one or more quirks, as an .xlsx file. */
export async function quirkyXlsx(clean: Sheet, quirks: readonly Quirk[]): Promise<Buffer> {
  const has = (q: Quirk): boolean => quirks.includes(q);
  const [header = [], ...data] = clean;
  const col = (name: string): number => header.indexOf(name);
  const [room, area, owners, phones] = [
    col('房号'),
    header.findIndex((h) => h.includes('面积')),
    col('业主'),
    col('联系电话'),
  ];

  let rows: Cell[][] = data.map((row, i) =>
    row.map((cell, c): Cell => {
      let text = cell;
      if (c === room && has('roomForms')) text = roomForm(text, i);
      if (c === area && has('areaUnits') && text !== '')
        text = `${text}${pick(['㎡', ' 平方米', 'm2', ' m²', '平米'], i)}`;
      if (c === owners && has('coOwnerSeparators'))
        text = text.split('、').join(pick(['和', '，', ',', '/', ' 、'], i));
      if (c === phones && has('phoneForms') && text !== '')
        text = text
          .split('/')
          .map((p, k) => phoneForm(p, i + k))
          .join(pick([' / ', '，', '、', ' 和 '], i));
      if (has('fullWidth')) {
        if (c === owners) {
          // Two-character names padded to line up with three-character ones: 王\u3000伟.
          text = text.replace(/^(\p{Script=Han})(\p{Script=Han})$/u, '$1\u3000$2');
        } else text = fullWidth(text);
      }
      // Numbers as the office types them: areas and floors become numeric cells.
      return /^\d+(\.\d+)?$/.test(text) && text.length < 8 ? Number(text) : text;
    }),
  );

  if (has('blankRows')) {
    rows = rows.flatMap((row, i) =>
      i % 2 === 1 ? [row, [], header.map(() => (i % 4 === 1 ? '' : '\u3000'))] : [row],
    );
    rows.unshift([]);
  }
  if (has('totals')) {
    const sum = data.reduce((s, r) => s + Math.round(Number(r[area] ?? 0) * 100), 0) / 100;
    const totals: Cell[] = header.map(() => null);
    totals[0] = '合计';
    totals[area] = sum;
    totals[owners] = `${data.length} 户`;
    rows.push(totals, ['总 计', `共 ${data.length} 户`]);
  }
  const top: Cell[][] = [];
  const merges: string[] = [];
  if (has('title')) {
    top.push(
      ['慈爱鑫和公寓 房屋名册（业主信息）'],
      ['制表：物业管理处', null, null, '2026年12月1日'],
    );
    merges.push(`A1:${String.fromCharCode(64 + header.length)}1`);
  }
  const roster: WorkSheet = { name: '房屋名册', rows: [...top, header, ...rows], merges };

  const sheets: WorkSheet[] = has('sheets')
    ? [
        {
          name: '填表说明',
          rows: [['请按下表填写'], ['房号写成 楼层-室号'], ['面积以产证为准']],
          merges: [],
        },
        roster,
        {
          name: '统计',
          rows: [
            ['楼层', '户数', '面积合计'],
            [2, 4, 343.87],
          ],
          merges: [],
        },
      ]
    : [roster];
  return workbookOf(sheets);
}

export async function workbookOf(sheets: readonly WorkSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, i) => {
      row.forEach((value, c) => {
        if (value !== null && value !== '') ws.getCell(i + 1, c + 1).value = value;
        else if (value === '') ws.getCell(i + 1, c + 1).value = '';
      });
    });
    for (const range of sheet.merges) ws.mergeCells(range);
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export type { WorkSheet };
