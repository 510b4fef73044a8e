import {
  formatRosterError,
  parseRoster,
  registryLayout,
  rosterTableOf,
  type RosterRow,
} from '../../core/registry/roster';
import { readRosterFile, RosterFileError } from '../../server/roster/readRosterFile';
import {
  OFFICE_ROSTER,
  QUIRKS,
  quirkyXlsx,
  workbookOf,
  type Quirk,
} from '../helpers/officeRosters';
import { csvOf, xlsxOf } from '../helpers/rosterFiles';

/**
 * Spreadsheets as property offices make them by hand — a title above the header, blank rows,
 * totals, several sheets, full-width digits, rooms, areas, co-owners and phones written every
 * way — read into exactly the units, owners and areas of the clean roster; and every bad line
 * named by the row number the spreadsheet shows and its sheet.
 */

const withoutLines = (rows: readonly RosterRow[]): Array<Omit<RosterRow, 'line'>> =>
  rows.map(({ line: _line, ...rest }) => rest);

async function read(bytes: Buffer, fileName = '名册.xlsx', sheet?: string) {
  return parseRoster(await readRosterFile(fileName, bytes, { sheet }));
}

let clean: Array<Omit<RosterRow, 'line'>>;

beforeAll(async () => {
  const parsed = await read(await xlsxOf(OFFICE_ROSTER));
  expect(parsed.errors).toEqual([]);
  clean = withoutLines(parsed.rows);
  expect(clean).toHaveLength(OFFICE_ROSTER.length - 1);
});

describe('each quirk reads as the clean roster', () => {
  it.each(QUIRKS.map((q) => [q]))('%s', async (quirk: Quirk) => {
    const parsed = await read(await quirkyXlsx(OFFICE_ROSTER, [quirk]));
    expect(parsed.errors).toEqual([]);
    expect(withoutLines(parsed.rows)).toEqual(clean);
  });

  it('all of them at once', async () => {
    const parsed = await read(await quirkyXlsx(OFFICE_ROSTER, QUIRKS));
    expect(parsed.errors).toEqual([]);
    expect(withoutLines(parsed.rows)).toEqual(clean);
    expect(parsed.dataRows).toBe(clean.length);
    expect(parsed.skipped.map((r) => r.text)).toEqual(['合计', '总计']);
  });

  it('what the clean roster holds: co-owners in order, a name with 和 kept whole, phones', () => {
    const byNo = new Map(clean.map((r) => [r.unitNo, r]));
    expect(byNo.get('4-01')?.owners).toEqual([
      { name: '刘洋', phone: '13900000007' },
      { name: '陈静', phone: '13900000008' },
      { name: '刘小洋', phone: null },
    ]);
    expect(byNo.get('3-03')?.owners).toEqual([{ name: '王和平', phone: '13900000006' }]);
    expect(byNo.get('10-01')).toMatchObject({ floor: 10, areaHundredths: 6660 });
    expect(byNo.get('12-03')?.owners[0]?.phone).toBe('+14155550100');
  });
});

describe('problems are named by the spreadsheet’s own row number and sheet', () => {
  it('a title, blank rows and a second sheet do not shift the line numbers', async () => {
    const broken = OFFICE_ROSTER.map((row) =>
      row[0] === '2-04'
        ? ['2-04', '2', '五十三', '空置', '赵静', '13900000005', '', '', '']
        : row[0] === '3-02'
          ? ['三楼二室', '3', '89.1', '自住', '陈磊', '139 0000', '否', '', '']
          : row,
    );
    const bytes = await quirkyXlsx(broken, ['title', 'blankRows', 'sheets', 'totals']);
    const parsed = await read(bytes);
    // Title 2 rows, header on 3, a blank row on 4; data from 5 with a blank pair after every
    // second row: 2-01 → 5, 2-02 → 6, (7, 8 blank), 2-03 → 9, 2-04 → 10, (11, 12), 3-01 → 13,
    // 3-02 → 14.
    expect(parsed.errors.map((e) => formatRosterError('名册.xlsx', e))).toEqual([
      '名册.xlsx:10: [房屋名册] 面积: 面积“五十三”不对：应为平方米数，最多两位小数，例如 89.12',
      '名册.xlsx:14: [房屋名册] 房号: 房号“三楼二室”无法识别，请写成“楼层-室号”，例如 12-03、1203 或 12楼3室',
      '名册.xlsx:14: [房屋名册] 电话: 电话“139 0000”无法识别',
    ]);
  });

  it('two names with a space between them are asked about, not guessed', async () => {
    const spaced = OFFICE_ROSTER.map((row) =>
      row[0] === '2-03' ? ['2-03', '2', '62.45', '自住', '王伟 李敏', '', '', '', ''] : row,
    );
    const parsed = await read(await xlsxOf(spaced));
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        line: 4,
        column: '业主',
        message: expect.stringContaining('业主“王伟 李敏”中间有空格'),
      }),
    ]);
  });

  it('1203 where the file also has three-digit rooms is ambiguous unless the floor says', async () => {
    const header = ['房号', '面积', '业主'];
    const bytes = await workbookOf([
      {
        name: '名册',
        rows: [header, ['1-203', 50, '甲乙'], ['1203', 60, '丙丁'], ['12-04', 61, '戊己']],
        merges: [],
      },
    ]);
    const parsed = await read(bytes);
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        line: 3,
        sheet: '名册',
        message: expect.stringContaining('可以读作 12-03 或 1-203'),
      }),
    ]);
    const withFloor = await workbookOf([
      {
        name: '名册',
        rows: [
          ['房号', '楼层', '面积', '业主'],
          ['1-203', 1, 50, '甲乙'],
          ['1203', 12, 60, '丙丁'],
        ],
        merges: [],
      },
    ]);
    const floorSays = await read(withFloor);
    expect(floorSays.errors).toEqual([]);
    expect(floorSays.rows.map((r) => r.unitNo)).toEqual(['1-203', '12-03']);
  });

  it('several sheets with a roster: asks which, naming them; the chosen one is read', async () => {
    const bytes = await workbookOf([
      {
        name: '2025名册',
        rows: [
          ['房号', '面积', '业主'],
          ['2-01', 50, '甲乙'],
        ],
        merges: [],
      },
      {
        name: '2026名册',
        rows: [
          ['房号', '面积', '业主'],
          ['2-01', 51, '甲乙'],
        ],
        merges: [],
      },
    ]);
    await expect(
      readRosterFile('名册.xlsx', bytes, { howToChooseSheet: '加 --sheet' }),
    ).rejects.toThrow(
      new RosterFileError(
        null,
        '有 2 个工作表都像名册：“2025名册”、“2026名册”。请指定导入哪一个（加 --sheet）',
      ),
    );
    const chosen = await read(bytes, '名册.xlsx', '2026名册');
    expect(chosen.rows).toEqual([
      expect.objectContaining({ unitNo: '2-01', areaHundredths: 5100 }),
    ]);
    await expect(readRosterFile('名册.xlsx', bytes, { sheet: '2024' })).rejects.toThrow(
      '没有名为“2024”的工作表（有：“2025名册”、“2026名册”）',
    );
  });

  it('a workbook with no roster header names the columns it lacks, on its first sheet', async () => {
    const bytes = await workbookOf([
      {
        name: 'Sheet1',
        rows: [
          ['楼层', '户数'],
          [2, 4],
        ],
        merges: [],
      },
    ]);
    const parsed = await read(bytes);
    expect(parsed.errors.map((e) => formatRosterError('名册.xlsx', e))).toEqual([
      '名册.xlsx:1: [Sheet1] 房号: 缺少“房号”列（表头可写：房号、房间号、室号）',
      '名册.xlsx:1: [Sheet1] 面积: 缺少“面积”列（表头可写：面积、建筑面积、产证面积）',
      '名册.xlsx:1: [Sheet1] 业主: 缺少“业主”列（表头可写：业主、业主姓名、产权人）',
    ]);
  });
});

describe('the building decides between readings; notes, dates and CSV files', () => {
  const sheet = (unitNos: string[]) =>
    rosterTableOf([
      { line: 1, cells: ['房号', '面积', '业主'] },
      ...unitNos.map((no, i) => ({ line: i + 2, cells: [no, '50', '甲乙'] })),
    ]);

  it('a registry with three-digit rooms makes 1203 ambiguous; a low building reads it 1-203', () => {
    const table = sheet(['1203']);
    if (!table) throw new Error('no table');
    const tall = registryLayout(24, [
      { unitNo: '1-203', floor: 1 },
      { unitNo: '12-03', floor: 12 },
    ]);
    expect(tall).toEqual({ maxRoom: 203, maxFloor: 24 });
    expect(parseRoster(table, { layout: tall }).errors).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('12-03 或 1-203') }),
    ]);
    const low = registryLayout(6, [{ unitNo: '1-203', floor: 1 }]);
    expect(parseRoster(table, { layout: low }).rows.map((r) => r.unitNo)).toEqual(['1-203']);
  });

  it('the recorded floors choose between readings but never reject a room written out', () => {
    const table = sheet(['2501', '25-01']);
    if (!table) throw new Error('no table');
    const parsed = parseRoster(table, { layout: registryLayout(24, []) });
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        line: 2,
        message:
          '房号“2501”读作 25-01，与本楼（24 层）不符；请写成“楼层-室号”，或在“楼层”列写明楼层',
      }),
    ]);
    expect(parsed.rows.map((r) => r.unitNo)).toEqual(['25-01']);
  });

  it('skips a note under the table, and says when Excel made a room number a date', async () => {
    const bytes = await workbookOf([
      {
        name: '名册',
        rows: [
          ['房号', '面积', '业主'],
          ['8-01', 50, '甲乙'],
          [new Date('2026-08-03T00:00:00+08:00'), 51, '丙丁'],
          ['注：面积以产证为准'],
        ],
        merges: [],
      },
    ]);
    const parsed = await read(bytes);
    expect(parsed.skipped).toEqual([{ line: 4, text: '注：面积以产证为准' }]);
    expect(parsed.errors.map((e) => formatRosterError('名册.xlsx', e))).toEqual([
      '名册.xlsx:3: [名册] 房号: 房号被 Excel 当成了日期（8月3日）：请把房号列设为“文本”格式后重新填写，或写成 803、8楼3室',
    ]);
  });

  it('a CSV with a title, blank lines and a totals row reads as the clean roster', async () => {
    const title = [['慈爱鑫和公寓房屋名册'], ['']];
    const totals = [['合 计', '', '903.44']];
    const csv = csvOf([...title, ...OFFICE_ROSTER, ...totals]);
    const parsed = parseRoster(await readRosterFile('名册.csv', Buffer.from(csv)));
    expect(parsed.errors).toEqual([]);
    expect(withoutLines(parsed.rows)).toEqual(clean);
    expect(parsed.rows[0]?.line).toBe(4);
  });
});
