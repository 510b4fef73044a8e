import {
  contactStatus,
  cursorText,
  floorRows,
  legendOf,
  parseCursor,
  payStatus,
  roomOf,
  statusLabel,
  voteStatus,
} from '../../core/cockpit/map';

/** The building map's rules: each layer's status of a unit, the grid's layout and the legend. */
describe('vote layer', () => {
  const reached = { reached: true, attempts: 1 };
  const tried = { reached: false, attempts: 2 };

  it('shows how the ballot came in; a proxy ballot as the proxy’s whatever its channel', () => {
    const ballot = (channel: string, voice: 'owner' | 'proxy' = 'owner') => ({ channel, voice });
    expect(voteStatus({ onRoll: true, ballot: ballot('online'), contact: tried })).toBe('online');
    expect(voteStatus({ onRoll: true, ballot: ballot('paper'), contact: null })).toBe('paper');
    expect(voteStatus({ onRoll: true, ballot: ballot('online', 'proxy'), contact: null })).toBe(
      'proxy',
    );
    // A channel staff enter that this map does not know yet keeps its own name.
    expect(voteStatus({ onRoll: true, ballot: ballot('meeting'), contact: null })).toBe('meeting');
  });

  it('tells "not yet" from "tried and could not reach", and units off the roll', () => {
    expect(voteStatus({ onRoll: true, ballot: null, contact: null })).toBe('notYet');
    expect(voteStatus({ onRoll: true, ballot: null, contact: reached })).toBe('notYet');
    expect(voteStatus({ onRoll: true, ballot: null, contact: tried })).toBe('unreachable');
    expect(
      voteStatus({ onRoll: true, ballot: null, contact: { reached: false, attempts: 0 } }),
    ).toBe('notYet');
    expect(voteStatus({ onRoll: false, ballot: null, contact: tried })).toBe('off');
  });

  it('labels known channels in Chinese and unknown ones by name', () => {
    expect(statusLabel('vote', 'meeting')).toBe('现场投票');
    expect(statusLabel('vote', 'video')).toBe('视频投票');
    expect(statusLabel('vote', 'phoneCall')).toBe('phoneCall');
  });
});

describe('pay layer', () => {
  it('reads the unit account: paid, partly, cash at the treasurer, unpaid, nothing charged', () => {
    expect(payStatus(null)).toBe('none');
    expect(payStatus({ postedFen: 0, pendingFen: 0, chargedFen: 0 })).toBe('none');
    expect(payStatus({ postedFen: 0, pendingFen: 0, chargedFen: 500 })).toBe('paid');
    expect(payStatus({ postedFen: -10, pendingFen: 0, chargedFen: 500 })).toBe('paid');
    expect(payStatus({ postedFen: 200, pendingFen: 0, chargedFen: 500 })).toBe('partly');
    expect(payStatus({ postedFen: 500, pendingFen: -500, chargedFen: 500 })).toBe('cashPending');
    expect(payStatus({ postedFen: 500, pendingFen: 0, chargedFen: 500 })).toBe('unpaid');
  });
});

describe('contact layer', () => {
  const row = {
    unsold: false,
    reached: false,
    attempts: 0,
    overseas: false,
    needsHomeVisit: false,
  };
  it('puts what staff must do first: a home visit, then the unreached, then owners abroad', () => {
    expect(contactStatus({ ...row, unsold: true })).toBe('none');
    expect(contactStatus(row)).toBe('never');
    expect(contactStatus({ ...row, needsHomeVisit: true, reached: true })).toBe('visit');
    expect(contactStatus({ ...row, attempts: 1, overseas: true })).toBe('unreached');
    expect(contactStatus({ ...row, attempts: 1, reached: true, overseas: true })).toBe('abroad');
    expect(contactStatus({ ...row, attempts: 1, reached: true })).toBe('reached');
  });
});

describe('layout', () => {
  it('finds the room on its floor however the number is written', () => {
    expect(roomOf('12-03', 12)).toBe(3);
    expect(roomOf('12－3', 12)).toBe(3);
    expect(roomOf('1203', 12)).toBe(3);
    expect(roomOf('803', 8)).toBe(3);
    expect(roomOf('B-2', -1)).toBe(2);
    expect(roomOf('东单元', 3)).toBeNull();
  });

  it('lays floors top down, rooms by position with gaps kept, clashes after the rest', () => {
    const units = [
      { unitId: 'a', unitNo: '2-01', floor: 2 },
      { unitId: 'b', unitNo: '2-04', floor: 2 },
      { unitId: 'c', unitNo: '3-02', floor: 3 },
      { unitId: 'd', unitNo: '3-2', floor: 3 },
      { unitId: 'e', unitNo: '3-东', floor: 3 },
    ];
    const rows = floorRows(units, (id) => `s-${id}`);
    expect(rows.map((r) => r.floor)).toEqual([3, 2]);
    expect(rows[1]?.cells).toEqual([
      ['a', '2-01', 1, 's-a'],
      ['b', '2-04', 4, 's-b'],
    ]);
    expect(rows[0]?.cells.map((c) => [c[1], c[2]])).toEqual([
      ['3-02', 2],
      ['3-2', 3],
      ['3-东', 4],
    ]);
  });
});

describe('legend', () => {
  it('keeps every status of the layer in a fixed order, staff channels after online/paper/proxy', () => {
    const legend = legendOf(
      'vote',
      new Map([
        ['online', 80],
        ['video', 1],
        ['meeting', 3],
        ['notYet', 10],
      ]),
    );
    expect(legend.map((e) => [e.status, e.count])).toEqual([
      ['online', 80],
      ['paper', 0],
      ['proxy', 0],
      ['meeting', 3],
      ['video', 1],
      ['notYet', 10],
      ['unreachable', 0],
    ]);
    expect(legendOf('vote', new Map([['off', 2]])).at(-1)).toEqual({
      status: 'off',
      label: '不在名册',
      count: 2,
    });
    expect(legendOf('read', new Map([['read', 3]])).map((e) => e.label)).toEqual(['已读', '未读']);
  });
});

describe('walking cursor', () => {
  it('round-trips floor and room number, and refuses nonsense', () => {
    expect(parseCursor(cursorText({ floor: 12, unitNo: '12-03' }))).toEqual({
      floor: 12,
      unitNo: '12-03',
    });
    expect(parseCursor(cursorText({ floor: -1, unitNo: 'B|1' }))).toEqual({
      floor: -1,
      unitNo: 'B|1',
    });
    expect(parseCursor('x|1')).toBeNull();
    expect(parseCursor('12')).toBeNull();
    expect(parseCursor(undefined)).toBeNull();
  });
});
