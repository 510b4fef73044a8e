import {
  formatRosterError,
  normalizePhone,
  normalizeUnitNo,
  parseRoster,
  type RosterTable,
} from '../../core/registry/roster';

/** The roster's rows, checked one by one: what is read, and every problem by line and column. */

function table(rows: string[][], header = ['房号', '面积', '业主']): RosterTable {
  return {
    header: { line: 1, cells: header },
    rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  };
}

describe('unit numbers and phones', () => {
  it.each([
    ['12-03', '12-03', 12],
    ['1203', '12-03', 12],
    ['203', '2-03', 2],
    ['12层03室', '12-03', 12],
    ['12F-03', '12-03', 12],
    [' 2-1 ', '2-01', 2],
  ])('reads %s as %s', (text, unitNo, floor) => {
    expect(normalizeUnitNo(text)).toEqual({ unitNo, floor });
  });

  it.each(['二楼一号', '12-', '0-01', '12-00', 'A-01', '123-456'])('refuses %s', (text) => {
    expect(normalizeUnitNo(text)).toBeNull();
  });

  it('keeps mainland mobiles as 11 digits and others with their country code', () => {
    expect(normalizePhone('+86 139-0000-0001')).toBe('13900000001');
    expect(normalizePhone('021 6212 3456')).toBe('02162123456');
    expect(normalizePhone('+1 415 555 0100')).toBe('+14155550100');
    expect(normalizePhone('12345')).toBeNull();
  });
});

describe('parseRoster', () => {
  it('reads the office’s columns, co-owners in order, and flags of the first owner', () => {
    const parsed = parseRoster(
      table(
        [
          [
            '2-03',
            '62.45㎡',
            '王伟、李敏',
            '13900000003 / 13900000004',
            '出租',
            '是',
            '',
            '本地',
            'x',
          ],
        ],
        [
          '房号',
          '产证面积(㎡)',
          '业主姓名',
          '联系电话',
          '状态',
          '高龄',
          '无智能手机',
          '常住地',
          '备注',
        ],
      ),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.ignoredColumns).toEqual(['备注']);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        unitNo: '2-03',
        floor: 2,
        areaHundredths: 6245,
        status: 'rented',
        owners: [
          { name: '王伟', phone: '13900000003' },
          { name: '李敏', phone: '13900000004' },
        ],
        elderly: true,
        noSmartphone: null,
        livesIn: null,
      },
    ]);
  });

  it('reads areas exactly, never through floating point', () => {
    const parsed = parseRoster(
      table([
        ['2-01', '89.1', 'a'],
        ['2-02', '0.29', 'b'],
        ['2-03', '1e2', 'c'],
      ]),
    );
    expect(parsed.rows.map((r) => r.areaHundredths)).toEqual([8910, 29, 10000]);
  });

  it('reports every problem of every row, with line and column', () => {
    const parsed = parseRoster(
      table(
        [
          ['2-01', '138.52', '孙建国', '自住', '3'],
          ['', '80', '某人', '', ''],
          ['2-02', '80.123', '', '', ''],
          ['2-01', 'abc', '王1', '', ''],
          ['2-03', '50', '赵静', '拆迁', ''],
          ['3-01', '50', '开发商', '未售', ''],
          ['', '', '', '', ''],
        ],
        ['房号', '面积', '业主', '状态', '楼层'],
      ),
    );
    expect(parsed.rows.map((r) => r.unitNo)).toEqual([]);
    expect(parsed.errors.map((e) => `${e.line} ${e.column ?? '-'}`)).toEqual([
      '2 楼层',
      '3 房号',
      '4 面积',
      '4 业主',
      '5 房号',
      '5 面积',
      '5 业主',
      '6 状态',
      '7 业主',
    ]);
    expect(
      formatRosterError('roster.csv', parsed.errors[0] ?? { line: 0, column: null, message: '' }),
    ).toBe('roster.csv:2: 楼层: 楼层“3”与房号 2-01 不一致');
  });

  it('refuses a header without the required columns, or with one column twice', () => {
    expect(parseRoster(table([['2-01']], ['房号'])).errors.map((e) => e.column)).toEqual([
      '面积',
      '业主',
    ]);
    const twice = parseRoster(table([], ['房号', '面积', '建筑面积', '业主']));
    expect(twice.errors).toEqual([
      expect.objectContaining({
        line: 1,
        column: '建筑面积',
        message: expect.stringContaining('两列'),
      }),
    ]);
  });

  it('an unsold unit has no owner, any other has one', () => {
    const parsed = parseRoster(
      table(
        [
          ['24-06', '119.86', '', '未售'],
          ['24-05', '94.67', '', ''],
        ],
        ['房号', '面积', '业主', '状态'],
      ),
    );
    expect(parsed.rows).toEqual([
      expect.objectContaining({ unitNo: '24-06', status: 'unsold', owners: [] }),
    ]);
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 3, column: '业主' })]);
  });

  it('blank flag cells keep what is recorded; unreadable ones are errors', () => {
    const parsed = parseRoster(
      table([['2-01', '50', '甲', '', '也许']], ['房号', '面积', '业主', '高龄', '无智能手机']),
    );
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 2, column: '无智能手机' })]);
    const ok = parseRoster(
      table([['2-01', '50', '甲', '', '否']], ['房号', '面积', '业主', '高龄', '无智能手机']),
    );
    expect(ok.rows[0]).toMatchObject({ elderly: null, noSmartphone: false, livesIn: undefined });
  });
});
