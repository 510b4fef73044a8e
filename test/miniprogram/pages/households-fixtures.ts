import type {
  BindingView,
  LastMileRowView,
  LastMileView,
  MeView,
  MyUnitView,
  ProxyView,
} from '../../../typings/api';

/** Test data builders for the households pages, overridable field by field. */

export function aUnit(overrides: Partial<MyUnitView> = {}): MyUnitView {
  return {
    unitId: 'u12-03',
    unitNo: '12-03',
    floor: 12,
    areaHundredths: 8912,
    status: 'owned',
    as: 'owner',
    isVoter: true,
    coOwners: [
      { personId: 'p1', name: '孙建国', isVoter: true, isMe: true },
      { personId: 'p2', name: '李梅', isVoter: false, isMe: false },
    ],
    ownershipEndsOn: null,
    rightsEnded: false,
    ...overrides,
  };
}

export function aProxy(overrides: Partial<ProxyView> = {}): ProxyView {
  return {
    id: 'px1',
    unitIds: ['u12-03'],
    unitNos: ['12-03'],
    ownerName: '孙建国',
    proxyName: '孙小刚',
    scope: { vote: true, pay: true, decisionId: null },
    validUntil: '2027-06-30',
    state: 'active',
    source: 'wechat',
    createdAt: '2026-11-20T10:00:00+08:00',
    acceptedAt: '2026-11-20T10:05:00+08:00',
    revokedAt: null,
    evidenceFileId: null,
    ...overrides,
  };
}

export function aMe(overrides: Partial<MeView> = {}): MeView {
  return {
    openid: 'o1',
    name: '孙建国',
    label: '孙建国（业主 12-03）',
    roles: ['owner'],
    units: [aUnit()],
    proxiesGiven: [],
    proxiesHeld: [],
    bindings: [],
    helpLine: { label: '居委会', phone: '021-6213 0000' },
    ...overrides,
  };
}

export function aBinding(overrides: Partial<BindingView> = {}): BindingView {
  return {
    id: 'own:u15-05:p9',
    unitId: 'u15-05',
    unitNo: '15-05',
    as: 'owner',
    name: '秦磊',
    method: 'code',
    status: 'pending',
    requestedAt: '2026-11-28T20:05:00+08:00',
    decidedAt: null,
    reason: null,
    ...overrides,
  };
}

export function aContact(overrides: Partial<LastMileRowView> = {}): LastMileRowView {
  return {
    unitId: 'u9-04',
    unitNo: '9-04',
    floor: 9,
    status: 'owned',
    owners: [
      {
        name: '方永康',
        phone: null,
        elderly: false,
        noSmartphone: false,
        overseas: true,
        livesIn: '悉尼',
      },
    ],
    reached: false,
    overseas: true,
    elderly: false,
    noSmartphone: false,
    needsHomeVisit: false,
    lastChannel: 'phone',
    note: '时差，电话无人接听',
    attempts: 1,
    updatedBy: '田玉珍（社区工作者）',
    updatedAt: '2026-11-25T10:00:00+08:00',
    ...overrides,
  };
}

export function aLastMile(rows: LastMileRowView[] = [aContact()]): LastMileView {
  return {
    filter: 'unreached',
    counts: { units: 138, reached: 131, unreached: 7, overseas: 7, elderly: 19, needsHomeVisit: 5 },
    rows,
    total: rows.length,
    nextOffset: null,
  };
}
