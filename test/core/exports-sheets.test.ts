import type { Ballot } from '../../core/decisions';
import type { RollEntry } from '../../core/decisions/roll';
import { ballotChannelLabel, rollSheet } from '../../core/exports/decisionSheets';
import { unitMoneySheet } from '../../core/exports/moneySheets';
import { fileDateTime, fileNamePart, namesCell, nameViewFor } from '../../core/exports/sheet';

function entry(unitId: string, unitNo: string, voterId: string | null): RollEntry {
  return {
    _id: `d:${unitId}`,
    decisionId: 'd',
    unitId,
    unitNo,
    area: 8912,
    voterId,
    unsold: voterId === null,
    personKey: voterId ? `owner:${voterId}` : 'unsold',
  };
}

function ballot(unitId: string, unitNo: string, channel: string): Ballot {
  return {
    _id: `d:${unitId}`,
    decisionId: 'd',
    unitId,
    personKey: `owner:${unitId}`,
    units: [{ unitId, unitNo, area: 8912 }],
    area: 8912,
    choice: 'yes',
    voice: 'proxy',
    channel: channel as Ballot['channel'],
    castBy: 'x',
    photoFileId: null,
    salt: 's',
    receipt: 'abcdef0123456789',
    castAt: '2026-12-07T03:30:00Z',
    casts: 1,
    shard: 0,
  };
}

describe('export sheets', () => {
  it('writes times as a dated Shanghai time, whatever zone the instant came in', () => {
    expect(fileDateTime('2026-12-07T03:30:00Z')).toBe('2026年12月7日 11:30');
    expect(fileDateTime('2027-01-05T09:00:00+08:00')).toBe('2027年1月5日 09:00');
  });

  it('names every ballot channel, and writes one it does not know as stored', () => {
    expect(['online', 'paper', 'meeting', 'video', 'visit'].map(ballotChannelLabel)).toEqual([
      '线上',
      '纸质表决票',
      '现场会议',
      '视频',
      '上门',
    ]);
    expect(ballotChannelLabel('carrier-pigeon')).toBe('carrier-pigeon');
  });

  it('masks names for everyone but admins, co-owners in one cell', () => {
    expect(nameViewFor(['organizer', 'owner'])).toBe('masked');
    expect(nameViewFor(['treasurer'])).toBe('masked');
    expect(nameViewFor(['organizer', 'admin'])).toBe('full');
    expect(namesCell(['孙建国', '欧阳娜娜'], 'masked')).toBe('孙**、欧***');
    expect(namesCell(['孙建国', '欧阳娜娜'], 'full')).toBe('孙建国、欧阳娜娜');
    expect(namesCell([], 'full')).toBe('—');
  });

  it('keeps file names to characters every system accepts', () => {
    expect(fileNamePart('电梯/更换: "A" 方案?')).toBe('电梯更换A方案');
    expect(fileNamePart('   ')).toBe('未命名');
  });

  it('lists the roll in room order with each ballot, unvoted units said so', () => {
    const sheet = rollSheet({
      roll: [entry('u10', '10-01', 'p10'), entry('u2', '2-01', 'p2'), entry('u3', '3-01', null)],
      ballots: [ballot('u2', '2-01', 'visit')],
      electorate: { groups: [] },
      names: new Map([
        ['p2', '孙建国'],
        ['p10', '王伟'],
      ]),
      view: 'masked',
      choiceLabel: (c) => (c === 'yes' ? '同意' : c),
    });
    expect(sheet.rows.map((r) => r.slice(0, 7))).toEqual([
      ['2-01', 8912, '孙**', '同意', '上门', '代理人', '2026年12月7日 11:30'],
      ['3-01', 8912, '未售（开发商）', '未投票', '', '', ''],
      ['10-01', 8912, '王*', '未投票', '', '', ''],
    ]);
    expect(sheet.columns[1]).toMatchObject({ header: '面积（m²）', kind: 'area' });
  });

  it('counts a cash receipt and its confirmation as one payment, a voided one as none', () => {
    const pay = (id: string, unitId: string, extra: Record<string, string | null> = {}) => ({
      id,
      kind: 'cash' as const,
      unitId,
      at: '2026-12-01T10:00:00+08:00',
      postPendingId: null,
      voidPendingId: null,
      ...extra,
    });
    const sheet = unitMoneySheet({
      units: [
        { _id: 'a', unitNo: '2-01', areaHundredths: 100 },
        { _id: 'b', unitNo: '2-02', areaHundredths: 100 },
      ],
      balances: [
        { unitId: 'a', postedFen: 0, pendingFen: 0, chargedFen: 500, status: 'paid' },
        { unitId: 'b', postedFen: 500, pendingFen: 0, chargedFen: 500, status: 'unpaid' },
      ],
      owners: new Map(),
      payments: [
        pay('c1', 'a'),
        pay('c1:post', 'a', { postPendingId: 'c1', at: '2026-12-02T10:00:00+08:00' }),
        pay('c2', 'b'),
        pay('c2:void', 'b', { voidPendingId: 'c2' }),
      ],
      view: 'full',
    });
    expect(sheet.rows).toEqual([
      ['2-01', 100, '—', 500, 500, 0, 0, '已缴清', 1, '2026年12月1日 10:00'],
      ['2-02', 100, '—', 500, 0, 0, 500, '未缴', 0, ''],
    ]);
  });
});
