/**
 * Room numbers as people write them, read into the registry's unit numbers: the examples from the
 * office and the paper-ballot desk, and properties over every floor and room — each written form
 * reads back to its unit, and an ambiguous form is reported, never read as another unit.
 */
import fc from 'fast-check';
import {
  halfWidth,
  layoutOfUnits,
  readRoomNumber,
  roomReadings,
  unitNoOf,
  type RoomLayout,
} from '../../core/registry/roomNumber';

const RUNS = { numRuns: 300 };

function unitNo(text: string, layout?: RoomLayout): string | null {
  const read = readRoomNumber(text, layout);
  return read.ok ? read.reading.unitNo : null;
}

describe('examples', () => {
  it.each([
    ['803', '8-03'],
    ['8-03', '8-03'],
    ['8楼03室', '8-03'],
    ['5-4', '5-04'],
    ['504', '5-04'],
    ['5-04', '5-04'],
    ['5楼4室', '5-04'],
    ['5F04', '5-04'],
    ['5f-04', '5-04'],
    ['5层4号', '5-04'],
    ['８０３', '8-03'],
    ['８－０３', '8-03'],
    ['8—03', '8-03'],
    ['　8 - 03　', '8-03'],
    ['8 03', '8-03'],
    ['803室', '8-03'],
    ['1203', '12-03'],
    ['12-03', '12-03'],
    ['24楼06室', '24-06'],
  ])('reads %s as %s', (text, expected) => {
    expect(unitNo(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '8楼',
    '二楼一号',
    'A-01',
    '0-01',
    '12-00',
    '12-',
    '-3',
    '08',
    '0803',
    '8/03',
  ])('refuses %j', (text) => {
    expect(unitNo(text)).toBeNull();
  });

  it('says what is wrong in Chinese', () => {
    expect(readRoomNumber('')).toMatchObject({ reason: 'empty', message: '请填写房号' });
    expect(readRoomNumber('八楼')).toMatchObject({
      reason: 'unreadable',
      message: expect.stringContaining('房号“八楼”无法识别'),
    });
    const building = layoutOfUnits([{ unitNo: '5-04' }]);
    expect(readRoomNumber('25-4', building)).toMatchObject({
      reason: 'absent',
      message: '本楼没有房号 25-04',
    });
  });

  it('1203 where floor 12 and three-digit rooms both exist is ambiguous, with both readings', () => {
    const tower = layoutOfUnits([{ unitNo: '12-03' }, { unitNo: '1-203' }]);
    const read = readRoomNumber('1203', tower);
    expect(read).toMatchObject({
      ok: false,
      reason: 'ambiguous',
      message: expect.stringContaining('12-03 或 1-203'),
    });
    expect(unitNo('12-03', tower)).toBe('12-03');
    expect(unitNo('1-203', tower)).toBe('1-203');
    expect(unitNo('1楼203室', tower)).toBe('1-203');
  });

  it('the layout decides: 1203 is 1-203 in a low building with three-digit rooms', () => {
    expect(unitNo('1203', layoutOfUnits([{ unitNo: '1-203' }, { unitNo: '2-203' }]))).toBe('1-203');
    expect(unitNo('1203', { maxFloor: 6, maxRoom: 300 })).toBe('1-203');
    expect(unitNo('1203', { maxFloor: 24, maxRoom: 300 })).toBeNull();
    expect(unitNo('1203', { maxFloor: 24 })).toBe('12-03');
  });

  it('lists every reading of a compact number, two-digit rooms first', () => {
    expect(roomReadings('1203').map((r) => r.unitNo)).toEqual(['12-03', '1-203']);
    expect(roomReadings('1003').map((r) => r.unitNo)).toEqual(['10-03']);
    expect(roomReadings('504').map((r) => r.unitNo)).toEqual(['5-04']);
  });

  it('turns full-width text and dashes into ASCII', () => {
    expect(halfWidth('　８－０３　室')).toBe('8-03 室');
  });
});

// ---- properties ----

const floorArb = fc.integer({ min: 1, max: 99 });
const roomArb = fc.integer({ min: 1, max: 99 });

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;
const fullWidthDigits = (s: string): string =>
  s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET));

/** Each way an office or a volunteer writes floor f, room r. */
const forms = (f: number, r: number): string[] => {
  const rr = String(r).padStart(2, '0');
  return [
    `${f}-${rr}`,
    `${f}-${r}`,
    `${f}${rr}`,
    `${f}楼${rr}室`,
    `${f}楼${r}室`,
    `${f}层${r}号`,
    `${f}F${rr}`,
    `${f}f-${r}`,
    `${f}－${rr}`,
    `${f} - ${rr}`,
    `${f}${rr}室`,
  ];
};

const formArb = fc
  .tuple(floorArb, roomArb, fc.nat(), fc.boolean(), fc.constantFrom('', ' ', '　', '  '))
  .map(([f, r, pick, wide, pad]) => {
    const all = forms(f, r);
    const text = all[pick % all.length] ?? '';
    return { f, r, text: `${pad}${wide ? fullWidthDigits(text) : text}${pad}` };
  });

describe('properties', () => {
  it('every written form of a two-digit room reads back to its unit', () => {
    fc.assert(
      fc.property(formArb, ({ f, r, text }) => {
        expect(unitNo(text)).toBe(unitNoOf(f, r));
      }),
      RUNS,
    );
  });

  it('the unit number reads back to itself (reading is idempotent)', () => {
    fc.assert(
      fc.property(formArb, ({ text }) => {
        const first = unitNo(text);
        expect(first).not.toBeNull();
        expect(unitNo(first ?? '')).toBe(first);
      }),
      RUNS,
    );
  });

  it('against any building holding the unit, a reading is that unit or reported — never another', () => {
    const buildingArb = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 320 })),
      { maxLength: 40 },
    );
    const anyRoomArb = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 320 }));
    fc.assert(
      fc.property(buildingArb, anyRoomArb, (others, [f, r]) => {
        const target = unitNoOf(f, r);
        const layout = layoutOfUnits([
          { unitNo: target },
          ...others.map(([of, or]) => ({ unitNo: unitNoOf(of, or) })),
        ]);
        const compact = `${f}${String(r).padStart(2, '0')}`;
        for (const text of [compact, `${f}-${r}`, `${f}楼${r}室`]) {
          const read = readRoomNumber(text, layout);
          if (read.ok) expect(read.reading.unitNo).toBe(target);
          else {
            expect(read.reason).toBe('ambiguous');
            expect(read.readings.map((x) => x.unitNo)).toContain(target);
          }
        }
      }),
      RUNS,
    );
  });

  it('a unit the building lacks is never found', () => {
    fc.assert(
      fc.property(formArb, fc.array(fc.tuple(floorArb, roomArb)), ({ f, r, text }, others) => {
        const units = others
          .map(([of, or]) => ({ unitNo: unitNoOf(of, or) }))
          .filter((u) => u.unitNo !== unitNoOf(f, r));
        // The other split of a compact form has a three-digit room, which these units lack.
        const read = readRoomNumber(text, layoutOfUnits(units));
        expect(read).toMatchObject({ ok: false, reason: 'absent' });
      }),
      RUNS,
    );
  });

  it('any text either reads to a well-formed unit number or is refused, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const read = readRoomNumber(text);
        if (read.ok) expect(read.reading.unitNo).toMatch(/^[1-9]\d{0,2}-\d{2,3}$/);
        else expect(read.message.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
