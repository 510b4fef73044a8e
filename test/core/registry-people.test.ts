import {
  formatInviteCode,
  INVITE_ALPHABET,
  inviteCodeFromBytes,
  normalizeInviteCode,
} from '../../core/registry/codes';
import {
  afterContact,
  countLastMile,
  filterLastMile,
  lastMileRows,
} from '../../core/registry/lastMile';
import {
  newMember,
  withAssignedRoles,
  withLink,
  withoutLink,
  withProxy,
} from '../../core/registry/members';
import type { ContactStatus, Person, Unit } from '../../core/registry/model';
import { maskName } from '../../core/registry/privacy';

/** Masked names, invite codes, members' roles and the last-mile tracker. */

describe('maskName', () => {
  it.each([
    ['孙建国', '孙**'],
    ['王伟', '王*'],
    ['欧阳娜娜', '欧***'],
    ['𠀋一', '𠀋*'],
    ['  ', '—'],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

describe('invite codes', () => {
  it('uses only unambiguous symbols, without bias, and reads back what residents type', () => {
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/);
    const code = inviteCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 255, 4, 5, 6, 7]));
    // 255 is skipped: it would favour the first symbols.
    expect(code).toBe('ABCDEFGH');
    expect(inviteCodeFromBytes(Uint8Array.from([1, 2, 3]))).toBeNull();
    expect(formatInviteCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(normalizeInviteCode(' abcd－efgh ')).toBe('ABCDEFGH');
    expect(normalizeInviteCode('ABCD-EFG0')).toBeNull();
    expect(normalizeInviteCode('ABC')).toBeNull();
  });
});

describe('members', () => {
  it('roles follow links, proxies and assignments', () => {
    let m = newMember('o1', 'p1', '甲');
    m = withLink(m, 'u2-01', 'owner');
    m = withLink(m, 'u3-01', 'resident');
    expect(m.roles).toEqual(['owner', 'resident']);
    m = withAssignedRoles(m, ['organizer', 'owner' as never]);
    expect(m.roles).toEqual(['owner', 'resident', 'organizer']);
    m = withProxy(m, true, ['u9-01']);
    expect(m.roles).toEqual(['owner', 'resident', 'proxy', 'organizer']);
    expect(m.unitIds).toEqual(['u2-01', 'u3-01', 'u9-01']);
    m = withoutLink(m, 'u2-01');
    expect(m.roles).toEqual(['resident', 'proxy', 'organizer']);
    m = withProxy(m, false, ['u9-01']);
    expect(m.roles).toEqual(['resident', 'organizer']);
    expect(m.unitIds).toEqual(['u3-01']);
  });
});

describe('the last-mile tracker', () => {
  const units: Unit[] = [
    {
      _id: 'u10-01',
      buildingId: 'b',
      unitNo: '10-01',
      floor: 10,
      areaHundredths: 100,
      status: 'owned',
      ownerIds: ['p-old'],
    },
    {
      _id: 'u2-01',
      buildingId: 'b',
      unitNo: '2-01',
      floor: 2,
      areaHundredths: 100,
      status: 'owned',
      ownerIds: ['p-away'],
    },
    {
      _id: 'u2-02',
      buildingId: 'b',
      unitNo: '2-02',
      floor: 2,
      areaHundredths: 100,
      status: 'owned',
      ownerIds: ['p-here'],
    },
  ];
  const person = (id: string, fields: Partial<Person>): Person => ({
    _id: id,
    name: id,
    phone: '13900000000',
    elderly: false,
    noSmartphone: false,
    overseas: false,
    livesIn: null,
    ...fields,
  });
  const people = [
    person('p-old', { elderly: true, noSmartphone: true }),
    person('p-away', { overseas: true, livesIn: '悉尼' }),
    person('p-here', {}),
  ];
  const reached: ContactStatus = afterContact(
    null,
    { _id: 'u2-02', buildingId: 'b', unitId: 'u2-02' },
    {
      channel: 'wechat',
      reached: true,
      note: '已读',
      by: '社工',
      at: '2026-11-25T10:00:00+08:00',
    },
  );

  it('lists units in room order with defaults from the registry, phones only when asked', () => {
    const rows = lastMileRows({
      units,
      people,
      contacts: [reached],
      now: '2026-11-29T00:00:00Z',
      includePhones: false,
    });
    expect(rows.map((r) => [r.unitNo, r.reached, r.overseas, r.elderly, r.needsHomeVisit])).toEqual(
      [
        ['2-01', false, true, false, false],
        ['2-02', true, false, false, false],
        ['10-01', false, false, true, true],
      ],
    );
    expect(rows.every((r) => r.owners.every((o) => o.phone === null))).toBe(true);
    const withPhones = lastMileRows({ units, people, contacts: [], now: 0, includePhones: true });
    expect(withPhones[0]?.owners[0]?.phone).toBe('13900000000');
    expect(filterLastMile(rows, 'unreached').map((r) => r.unitNo)).toEqual(['2-01', '10-01']);
    expect(filterLastMile(rows, 'needsHomeVisit').map((r) => r.unitNo)).toEqual(['10-01']);
    expect(countLastMile(rows)).toEqual({
      units: 3,
      reached: 1,
      unreached: 2,
      overseas: 1,
      elderly: 1,
      needsHomeVisit: 1,
    });
  });

  it('a logged contact counts attempts, never un-reaches, and staff override the defaults', () => {
    const again = afterContact(reached, reached, {
      channel: 'phone',
      reached: false,
      note: '',
      by: '社工',
      at: 'later',
    });
    expect(again).toMatchObject({ reached: true, attempts: 2, lastChannel: 'phone', note: '已读' });
    const visited = afterContact(
      null,
      { _id: 'u10-01', buildingId: 'b', unitId: 'u10-01' },
      {
        channel: 'visit',
        reached: true,
        note: '',
        needsHomeVisit: false,
        by: '社工',
        at: 'now',
      },
    );
    const rows = lastMileRows({ units, people, contacts: [visited], now: 0, includePhones: false });
    expect(rows.find((r) => r.unitNo === '10-01')).toMatchObject({
      reached: true,
      needsHomeVisit: false,
    });
  });
});
