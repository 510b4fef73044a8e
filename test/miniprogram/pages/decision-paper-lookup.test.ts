import type { UnitBallotStatusView } from '../../../typings/api';
import { findUnit } from '../../../miniprogram/pages/decision-paper/lookup';
import {
  answer,
  callMethod,
  cloudCalls,
  fail,
  flush,
  mount,
  ok,
  resetWx,
  textOf,
  type Rendered,
} from '../harness';
import { aDetail } from './decisions-fixtures';

/**
 * The paper-ballot desk finds a flat however staff write it: 5-4, 504, 5-04, 5楼4室, full-width
 * digits; a number that fits two flats is put back, a flat the building lacks is said so.
 */

const BUILDING = new Set(['5-04', '12-03', '1-203', '10-01']);

function statusOf(unitNo: string): UnitBallotStatusView {
  return {
    unitId: `u${unitNo}`,
    unitNo,
    coveredUnitNos: [unitNo],
    voted: false,
    voice: null,
    channel: null,
    castAt: null,
    enteredBy: null,
    channelLabel: null,
    witnessedBy: null,
  };
}

const fetchIn =
  (units: ReadonlySet<string>) =>
  async (unitNo: string): Promise<UnitBallotStatusView | null> =>
    units.has(unitNo) ? statusOf(unitNo) : null;

describe('findUnit', () => {
  it.each(['5-4', '504', '5-04', '5楼4室', '５０４', '5F04', ' 5 - 04 '])(
    'finds 5-04 from %j',
    async (text) => {
      expect(await findUnit(text, fetchIn(BUILDING))).toEqual({
        ok: true,
        unit: statusOf('5-04'),
      });
    },
  );

  it('1203 is 12-03 where only that flat exists, and asked about where 1-203 exists too', async () => {
    expect(await findUnit('1203', fetchIn(new Set(['12-03'])))).toMatchObject({
      ok: true,
      unit: { unitNo: '12-03' },
    });
    expect(await findUnit('1203', fetchIn(BUILDING))).toEqual({
      ok: false,
      message: '“1203”可以是 12-03 或 1-203，请写成带“-”的房号，例如 12-03',
    });
  });

  it('says what is wrong with a flat the building lacks or text that is no room number', async () => {
    expect(await findUnit('25-4', fetchIn(BUILDING))).toEqual({
      ok: false,
      message: '没有找到房屋 25-04',
    });
    expect(await findUnit('五楼', fetchIn(BUILDING))).toEqual({
      ok: false,
      message: expect.stringContaining('房号“五楼”无法识别'),
    });
  });
});

describe('paper ballot page: finding the flat', () => {
  beforeEach(resetWx);

  async function open(): Promise<Rendered> {
    answer('decisions', 'detail', ok(aDetail({ canEnterPaper: true })));
    answer('decisions', 'unitStatus', (request) => {
      const unitNo = String(request.unitNo);
      return BUILDING.has(unitNo)
        ? ok(statusOf(unitNo))
        : fail('NOT_FOUND', `没有找到房屋 ${unitNo}`);
    });
    const page = mount('pages/decision-paper/index');
    await callMethod(page, 'onLoad', { id: 'd1' });
    return page;
  }

  async function find(page: Rendered, text: string): Promise<void> {
    page.querySelector('.unit-input')?.dispatchEvent('input', { detail: { value: text } });
    page.querySelector('.find')?.dispatchEvent('tap');
    for (let i = 0; i < 4; i += 1) await flush();
  }

  it.each(['5-4', '504', '5-04', '5楼4室'])('%s finds 5-04', async (text) => {
    const page = await open();
    await find(page, text);
    expect(textOf(page.querySelector('.unit-line'))).toBe('5-04 尚未投票');
    expect(
      cloudCalls()
        .filter((c) => c.data.action === 'unitStatus')
        .map((c) => c.data.unitNo),
    ).toEqual(['5-04']);
  });

  it('puts an ambiguous number back, and names a flat the building lacks', async () => {
    const page = await open();
    await find(page, '1203');
    expect(textOf(page.querySelector('.message'))).toBe(
      '“1203”可以是 12-03 或 1-203，请写成带“-”的房号，例如 12-03',
    );
    expect(page.querySelector('.choice')).toBeUndefined();
    await find(page, '25楼4室');
    expect(textOf(page.querySelector('.message'))).toBe('没有找到房屋 25-04');
  });
});
