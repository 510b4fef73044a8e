import { formatInviteCode, inviteCodeFromBytes } from '../../core/registry/codes';
import { afterContact } from '../../core/registry/lastMile';
import { withLink, withProxy } from '../../core/registry/members';
import type {
  Article,
  AuditEntry,
  Binding,
  Building,
  ContactChannel,
  ContactLogEntry,
  ContactStatus,
  InviteCode,
  LinkKind,
  Member,
  Person,
  ProxyGrant,
  Role,
  RosterImport,
  Unit,
} from '../../core/registry/model';
import { hashInviteCode } from '../../server/auth/secrets';

/**
 * The demo building, from the story (慈爱鑫和公寓, 曹家渡): 24 floors, 138 flats on floors 2–24
 * (the ground floor is the lobby), six flats a floor in six stacks, two elevators. Everything is
 * derived from fixed tables and a seeded generator, so every run gives the same building.
 *
 * Who is in it: owners (a few hold two flats), one unsold developer flat, owners abroad or in other
 * cities who act through a proxy, elderly owners without smartphones, family members and tenants,
 * and the replacement group under the residents' committee (organizer, staff, treasurer, admin).
 * Names are invented.
 *
 * Around the registry: approved bindings for every member, two requests waiting for approval,
 * invite codes (stored hashed; the codes are returned in `inviteCodes` for the demo's printout and
 * tests), proxies as documents with scope and expiry (WeChat and paper, one expired, one revoked),
 * the last-mile tracker with its contact log, and the record of the roster import.
 */

export interface DemoIdentity {
  openid: string;
  label: string;
  role: Role | 'guest';
}

export interface DemoSeed {
  collections: {
    buildings: Building[];
    units: Unit[];
    people: Person[];
    members: Member[];
    bindings: Binding[];
    invites: InviteCode[];
    proxies: ProxyGrant[];
    contacts: ContactStatus[];
    contactLog: ContactLogEntry[];
    imports: RosterImport[];
    audit: AuditEntry[];
    articles: Article[];
    /** Empty here, so every collection the functions read exists; `demoBuilding` fills them. */
    decisions: never[];
    ballots: never[];
    tallies: never[];
    rolls: never[];
    paperOverrides: never[];
    objections: never[];
  };
  identities: DemoIdentity[];
  /** The lobby list's codes in clear (only their hashes are in `invites`). */
  inviteCodes: Array<{ unitId: string; unitNo: string; code: string }>;
}

export const DEMO_BUILDING_ID = 'cixin-heyuan';

/** Area of each stack's flat in hundredths of m² (01 and 06 are the corner flats). */
const STACK_AREAS = [13852, 8912, 6245, 5378, 9467, 11986] as const;

const SURNAMES =
  '孙王李张刘陈杨黄赵吴周徐朱胡高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '桂兰',
  '国庆',
  '玉珍',
  '伟',
  '敏',
  '静',
  '磊',
  '洁',
  '勇',
  '艳',
  '军',
  '丽',
  '强',
  '芳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '兰英',
  '德明',
  '凤英',
  '宝根',
  '美华',
  '晓东',
  '海燕',
  '立新',
  '文华',
  '永康',
  '雅琴',
  '佩华',
  '振华',
  '惠珍',
  '家骏',
];

/** Flats whose owner holds a second flat too: [first flat, second flat]. */
const TWO_FLAT_OWNERS: Array<[string, string]> = [
  ['3-01', '3-02'],
  ['8-05', '9-05'],
  ['15-03', '15-04'],
  ['21-06', '22-06'],
];
/** The developer never sold this flat. */
const UNSOLD = ['24-06'];
const RENTED = ['4-03', '6-04', '11-02', '13-05', '17-03', '19-01', '20-04'];
const EMPTY = ['7-06', '14-02', '23-03'];
/** Owners abroad or elsewhere, and where they live. */
const AWAY: Record<string, string> = {
  '5-02': '加拿大 温哥华',
  '9-04': '澳大利亚 悉尼',
  '12-06': '日本 东京',
  '16-01': '美国 旧金山',
  '18-03': '北京',
  '14-02': '新加坡',
  '23-03': '深圳',
};
/** Owners who have not bound their WeChat yet (one of them has asked; see PENDING). */
const UNBOUND = ['15-05', '20-01', '21-03'];
/** An owner here who asked her son, by WeChat, to pay for her. */
const PAY_PROXY_FLAT = '3-05';
/** The proxy whose authorization ran out (before the demo's "today"). */
const EXPIRED_PROXY = '23-03';
/** Owners reached by a home visit (the others without a smartphone are still to visit). */
const VISITED = ['2-03', '4-01', '10-04', '17-06', '22-04'];
/** Households the phone tree has not reached yet. */
const UNREACHED = ['9-04', '20-01', '21-03', '5-04', '11-06', '16-02'];
const NO_SMARTPHONE = ['2-03', '2-05', '4-01', '6-02', '10-04', '13-01', '17-06', '20-02', '22-04'];
const ELDERLY_EXTRA = [
  '3-05',
  '5-06',
  '7-01',
  '8-02',
  '11-05',
  '12-01',
  '16-04',
  '19-03',
  '21-02',
  '24-01',
];

/** Deterministic pseudo-random numbers (mulberry32), so the demo never changes between runs. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function unitNo(floor: number, stack: number): string {
  return `${floor}-${String(stack).padStart(2, '0')}`;
}

function unitId(no: string): string {
  return `u${no}`;
}

export function demoSeed(): DemoSeed {
  const random = generator(20000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const usedNames = new Set<string>();
  const freshName = (): string => {
    for (;;) {
      const name = pick([...SURNAMES]) + pick(GIVEN);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const phone = (): string => `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;

  const building: Building = {
    _id: DEMO_BUILDING_ID,
    name: '慈爱鑫和公寓',
    address: '上海市静安区曹家渡街道三和花园居民区',
    community: '三和花园居民区',
    builtYear: 2000,
    floors: 24,
    elevators: 2,
    residents: 392,
    // The residents' committee's phone: the help line on every error and on 我的.
    helpPhone: '021-6213 0000',
  };

  const second = new Map(TWO_FLAT_OWNERS.map(([a, b]) => [b, a]));
  const units: Unit[] = [];
  const people: Person[] = [];
  const ownerOfFlat = new Map<string, string>();
  let personSeq = 0;
  const newPerson = (fields: Partial<Person>): Person => {
    personSeq += 1;
    const person: Person = {
      _id: `p${String(personSeq).padStart(3, '0')}`,
      name: freshName(),
      phone: phone(),
      elderly: false,
      noSmartphone: false,
      overseas: false,
      livesIn: null,
      ...fields,
    };
    people.push(person);
    return person;
  };

  for (let floor = 2; floor <= 24; floor += 1) {
    for (let stack = 1; stack <= 6; stack += 1) {
      const no = unitNo(floor, stack);
      const area = STACK_AREAS[stack - 1] as number;
      let ownerIds: string[] = [];
      let status: Unit['status'] = 'owned';
      if (UNSOLD.includes(no)) {
        status = 'unsold';
      } else {
        const firstFlat = second.get(no);
        let ownerId = firstFlat ? ownerOfFlat.get(firstFlat) : undefined;
        if (!ownerId) {
          const away = AWAY[no];
          const noPhone = NO_SMARTPHONE.includes(no);
          ownerId = newPerson({
            elderly: noPhone || ELDERLY_EXTRA.includes(no),
            noSmartphone: noPhone,
            overseas: away !== undefined,
            livesIn: away ?? null,
            phone: noPhone && random() < 0.5 ? null : phone(),
          })._id;
        }
        ownerOfFlat.set(no, ownerId);
        ownerIds = [ownerId];
        // A few flats are held by a couple; the first named owner votes.
        if (floor % 7 === 0 && stack === 2) ownerIds.push(newPerson({})._id);
        if (RENTED.includes(no)) status = 'rented';
        else if (EMPTY.includes(no)) status = 'empty';
      }
      units.push({
        _id: unitId(no),
        buildingId: building._id,
        unitNo: no,
        floor,
        // Surveys differ by a few hundredths between floors of the same stack.
        areaHundredths: area + ((floor * 7 + stack * 3) % 5),
        status,
        ownerIds,
      });
    }
  }

  const members: Member[] = [];
  const identities: DemoIdentity[] = [];
  const bindings: Binding[] = [];
  const person = (id: string): Person => {
    const p = people.find((x) => x._id === id);
    if (!p) throw new Error(`demo seed: no person ${id}`);
    return p;
  };
  const unitOf = (no: string): Unit => {
    const u = units.find((x) => x.unitNo === no);
    if (!u) throw new Error(`demo seed: no unit ${no}`);
    return u;
  };
  const flatsOf = (personId: string): string[] =>
    units.filter((u) => u.ownerIds.includes(personId)).map((u) => u._id);
  const nosOf = (unitIds: readonly string[]): string => unitIds.map((id) => id.slice(1)).join('、');
  const bind = (member: Member, unitId: string, as: LinkKind, day: number): Member => {
    const unit = units.find((u) => u._id === unitId);
    if (!unit) throw new Error(`demo seed: no unit ${unitId}`);
    bindings.push({
      _id: as === 'owner' ? `own:${unitId}:${member.personId}` : `res:${unitId}:${member.openid}`,
      buildingId: building._id,
      unitId,
      unitNo: unit.unitNo,
      openid: member.openid,
      as,
      personId: member.personId,
      name: person(member.personId).name,
      method: as === 'owner' && day % 2 === 0 ? 'phone' : 'code',
      status: 'approved',
      requestedAt: `2026-11-${String(day).padStart(2, '0')}T19:30:00+08:00`,
      decidedAt: `2026-11-${String(day + 1).padStart(2, '0')}T09:15:00+08:00`,
      decidedBy: 'demo-organizer',
      reason: null,
    });
    return withLink(member, unitId, as);
  };
  const blank = (openid: string, personId: string, label: string): Member => ({
    _id: openid,
    openid,
    personId,
    roles: [],
    links: [],
    unitIds: [],
    actsForPersonId: null,
    label,
  });
  const addMember = (member: Member, role: Role): void => {
    members.push(member);
    identities.push({ openid: member.openid, label: member.label, role });
  };

  // The replacement group, under the residents' committee. Three of them own flats here.
  const group: Array<{ key: string; role: Role; title: string; flat: string | null }> = [
    { key: 'organizer', role: 'organizer', title: '换梯小组牵头人，居委会委员', flat: '10-02' },
    { key: 'engineer', role: 'organizer', title: '换梯小组，退休电梯工程师', flat: '18-05' },
    { key: 'staff1', role: 'staff', title: '社区工作者', flat: null },
    { key: 'staff2', role: 'staff', title: '社区工作者', flat: null },
    { key: 'treasurer', role: 'treasurer', title: '换梯小组出纳', flat: '6-03' },
    { key: 'admin', role: 'admin', title: '居委会管理员', flat: null },
  ];
  const groupByPerson = new Map<string, (typeof group)[number]>();
  for (const g of group) {
    if (!g.flat) continue;
    const owner = ownerOfFlat.get(g.flat);
    if (!owner) throw new Error(`demo seed: no owner of ${g.flat}`);
    groupByPerson.set(owner, g);
  }

  // Owners with smartphones who live here bound their own WeChat (a few have not yet).
  let day = 21;
  for (const p of people) {
    const flats = flatsOf(p._id);
    if (!flats.length || p.noSmartphone || p.overseas) continue;
    if (flats.some((f) => UNBOUND.includes(f.slice(1)))) continue;
    const g = groupByPerson.get(p._id);
    const openid = g ? `demo-${g.key}` : `demo-owner-${p._id}`;
    let member = blank(openid, p._id, '');
    for (const flat of flats) member = bind(member, flat, 'owner', day);
    day = day === 27 ? 21 : day + 1;
    member.roles = g ? [...member.roles, g.role] : member.roles;
    member.label = g ? `${p.name}（${g.title}）` : `${p.name}（业主 ${nosOf(flats)}）`;
    addMember(member, g ? g.role : 'owner');
  }

  // Relatives and friends in Shanghai act for the owners who are away: each owner signed a paper
  // authorization, and the organizer registered its photo.
  const proxies: ProxyGrant[] = [];
  for (const [no, place] of Object.entries(AWAY)) {
    const ownerId = ownerOfFlat.get(no);
    if (!ownerId) continue;
    const owner = person(ownerId);
    const proxyPerson = newPerson({});
    const openid = `demo-proxy-${proxyPerson._id}`;
    const flats = flatsOf(ownerId);
    const expired = no === EXPIRED_PROXY;
    proxies.push({
      _id: `px-${no}`,
      buildingId: building._id,
      unitIds: flats,
      ownerPersonId: ownerId,
      grantedBy: 'demo-organizer',
      source: 'paper',
      proxyName: proxyPerson.name,
      proxyOpenid: openid,
      proxyPersonId: proxyPerson._id,
      scope: { vote: true, pay: true, decisionId: null },
      validUntil: expired ? '2026-10-31' : '2030-12-31',
      status: 'active',
      tokenHash: null,
      tokenExpiresAt: null,
      evidenceFileId: `cloud://tongti-local.746f-tongti-local-1300000000/proxies/${no}.png`,
      createdAt: '2026-11-22T20:00:00+08:00',
      acceptedAt: '2026-11-22T20:30:00+08:00',
      revokedAt: null,
      revokedBy: null,
    });
    const member = withProxy(
      { ...blank(openid, proxyPerson._id, ''), actsForPersonId: ownerId },
      true,
      flats,
    );
    member.label = `${proxyPerson.name}（代 ${owner.name} ${no}，${place}）`;
    addMember(member, 'proxy');
  }
  // 12-06's owner first asked a classmate, then a cousin: the first authorization was revoked.
  const firstAsked = proxies.find((p) => p._id === 'px-12-06');
  if (firstAsked) {
    proxies.push({
      ...firstAsked,
      _id: 'px-12-06-old',
      proxyName: '钱同学',
      proxyOpenid: null,
      proxyPersonId: null,
      status: 'revoked',
      createdAt: '2026-11-10T08:00:00+08:00',
      acceptedAt: null,
      revokedAt: '2026-11-15T21:00:00+08:00',
      revokedBy: firstAsked.grantedBy,
    });
  }

  // Family members and tenants read and follow, without a vote.
  for (const no of ['2-01', '9-02', '13-05', '19-01']) {
    const resident = newPerson({});
    const openid = `demo-resident-${resident._id}`;
    const member = bind(blank(openid, resident._id, ''), unitOf(no)._id, 'resident', 24);
    member.label = `${resident.name}（住户 ${no}）`;
    addMember(member, 'resident');
  }

  // Group members without a flat here.
  for (const g of group) {
    if (g.flat) continue;
    const p = newPerson({});
    const member: Member = {
      ...blank(`demo-${g.key}`, p._id, `${p.name}（${g.title}）`),
      roles: [g.role],
    };
    addMember(member, g.role);
  }

  // An owner living here invited her son by WeChat to pay for her (not to vote).
  const payer = newPerson({});
  const payerOwnerId = ownerOfFlat.get(PAY_PROXY_FLAT) ?? '';
  const payerOwner = members.find((m) => m.personId === payerOwnerId);
  if (!payerOwner) throw new Error(`demo seed: the owner of ${PAY_PROXY_FLAT} is not a member`);
  proxies.push({
    _id: `px-${PAY_PROXY_FLAT}`,
    buildingId: building._id,
    unitIds: flatsOf(payerOwnerId),
    ownerPersonId: payerOwnerId,
    grantedBy: payerOwner.openid,
    source: 'wechat',
    proxyName: payer.name,
    proxyOpenid: `demo-proxy-${payer._id}`,
    proxyPersonId: payer._id,
    scope: { vote: false, pay: true, decisionId: null },
    validUntil: '2030-06-30',
    status: 'active',
    tokenHash: null,
    tokenExpiresAt: null,
    evidenceFileId: null,
    createdAt: '2026-11-23T21:00:00+08:00',
    acceptedAt: '2026-11-23T21:05:00+08:00',
    revokedAt: null,
    revokedBy: null,
  });
  const payerMember = withProxy(
    { ...blank(`demo-proxy-${payer._id}`, payer._id, ''), actsForPersonId: payerOwnerId },
    true,
    flatsOf(payerOwnerId),
  );
  payerMember.label = `${payer.name}（代 ${person(payerOwnerId).name} ${PAY_PROXY_FLAT} 缴款）`;
  addMember(payerMember, 'proxy');

  // Two requests wait in the organizers' queue: an owner by code, a new tenant by code.
  const pendingOwner = person(ownerOfFlat.get('15-05') ?? '');
  bindings.push(
    {
      _id: `own:${unitOf('15-05')._id}:${pendingOwner._id}`,
      buildingId: building._id,
      unitId: unitOf('15-05')._id,
      unitNo: '15-05',
      openid: 'demo-applicant1',
      as: 'owner',
      personId: pendingOwner._id,
      name: pendingOwner.name,
      method: 'code',
      status: 'pending',
      requestedAt: '2026-11-28T20:05:00+08:00',
      decidedAt: null,
      decidedBy: null,
      reason: null,
    },
    {
      _id: `res:${unitOf('7-03')._id}:demo-applicant2`,
      buildingId: building._id,
      unitId: unitOf('7-03')._id,
      unitNo: '7-03',
      openid: 'demo-applicant2',
      as: 'resident',
      personId: null,
      name: '周小雨',
      method: 'code',
      status: 'pending',
      requestedAt: '2026-11-29T08:40:00+08:00',
      decidedAt: null,
      decidedBy: null,
      reason: null,
    },
  );
  identities.push(
    {
      openid: 'demo-applicant1',
      label: `${pendingOwner.name}（待审核：业主 15-05）`,
      role: 'guest',
    },
    { openid: 'demo-applicant2', label: '周小雨（待审核：住户 7-03）', role: 'guest' },
    { openid: 'demo-guest', label: '新用户（未绑定）', role: 'guest' },
  );

  // Invite codes for the lobby list, from their own generator so the registry above never moves.
  const codeRandom = generator(30000);
  const codeBytes = (): Uint8Array =>
    Uint8Array.from({ length: 24 }, () => Math.floor(codeRandom() * 256));
  const inviteCodes: DemoSeed['inviteCodes'] = [];
  const invites: InviteCode[] = [];
  for (const unit of units) {
    if (unit.status === 'unsold') continue;
    let code: string | null = null;
    while (code === null || inviteCodes.some((c) => c.code === formatInviteCode(code ?? ''))) {
      code = inviteCodeFromBytes(codeBytes());
    }
    inviteCodes.push({ unitId: unit._id, unitNo: unit.unitNo, code: formatInviteCode(code) });
    invites.push({
      _id: hashInviteCode(code),
      buildingId: building._id,
      unitId: unit._id,
      issuedAt: '2026-11-20T10:00:00+08:00',
      issuedBy: 'demo-organizer',
    });
  }

  // The phone tree: who was reached, how, and who still needs a visit.
  const contacts: ContactStatus[] = [];
  const contactLog: ContactLogEntry[] = [];
  const staffLabel = members.find((m) => m.openid === 'demo-staff1')?.label ?? '社区工作者';
  let minute = 0;
  const log = (
    unit: Unit,
    channel: ContactChannel,
    reached: boolean,
    note: string,
    extra: { overseas?: boolean; needsHomeVisit?: boolean } = {},
  ): void => {
    minute += 7;
    const at = `2026-11-2${5 + Math.floor(minute / 600)}T${String(9 + Math.floor((minute % 600) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`;
    const before = contacts.find((c) => c.unitId === unit._id) ?? null;
    const next = afterContact(
      before,
      { _id: unit._id, buildingId: building._id, unitId: unit._id },
      { channel, reached, note, ...extra, by: staffLabel, at },
    );
    if (before) contacts.splice(contacts.indexOf(before), 1, next);
    else contacts.push(next);
    contactLog.push({
      _id: `c-${unit.unitNo}-${next.attempts}`,
      buildingId: building._id,
      unitId: unit._id,
      channel,
      reached,
      note,
      byOpenid: 'demo-staff1',
      byLabel: staffLabel,
      at,
    });
  };
  for (const unit of units) {
    if (unit.status === 'unsold') continue;
    const owner = person(unit.ownerIds[0] ?? '');
    const no = unit.unitNo;
    if (UNREACHED.includes(no)) {
      log(unit, 'phone', false, owner.overseas ? '时差，电话无人接听' : '电话无人接听');
      if (no === '20-01') log(unit, 'visit', false, '上门两次无人在家', { needsHomeVisit: true });
      continue;
    }
    if (owner.overseas) {
      log(unit, 'wechat', true, `通过亲友联系上，业主在${owner.livesIn ?? '外地'}`);
    } else if (owner.noSmartphone) {
      if (VISITED.includes(no))
        log(unit, 'visit', true, '上门讲解方案，老人同意书面表决', { needsHomeVisit: false });
      else log(unit, 'phone', true, '电话已通知，需上门收取书面意见');
    } else {
      log(unit, 'wechat', true, '已进群，已读方案');
    }
  }

  const importedAt = '2026-11-19T16:00:00+08:00';
  // Import ids start with the time, so the newest sorts first (see importRoster).
  const importId = `imp-${Date.parse(importedAt)}-seed`;
  const imports: RosterImport[] = [
    {
      _id: importId,
      buildingId: building._id,
      at: '2026-11-19T16:00:00+08:00',
      by: 'demo-organizer',
      source: 'cli',
      fileName: '物业房屋名册.xlsx',
      dryRun: false,
      applied: true,
      rows: units.length,
      created: units.length,
      updated: 0,
      unchanged: 0,
      errorCount: 0,
      errors: [],
    },
  ];
  const audit: AuditEntry[] = [
    {
      _id: 'audit-import-initial',
      who: 'demo-organizer',
      roles: ['owner', 'organizer'],
      action: 'households.importRoster',
      target: `import:${importId}`,
      at: '2026-11-19T16:00:00+08:00',
      requestId: 'seed',
      detail: { fileName: '物业房屋名册.xlsx', created: units.length },
    },
  ];

  // The articles (the inspection notice among them) come from articles.ts, with their files.
  const articles: Article[] = [];

  const order: Array<Role | 'guest'> = [
    'organizer',
    'staff',
    'treasurer',
    'admin',
    'owner',
    'proxy',
    'resident',
    'guest',
  ];
  identities.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return {
    collections: {
      buildings: [building],
      units,
      people,
      members,
      bindings,
      invites,
      proxies,
      contacts,
      contactLog,
      imports,
      audit,
      articles,
      decisions: [],
      ballots: [],
      tallies: [],
      rolls: [],
      paperOverrides: [],
      objections: [],
    },
    identities,
    inviteCodes,
  };
}
