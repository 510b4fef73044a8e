import type { Article, Building, Member, Person, Role, Unit } from '../../core/registry/model';

/**
 * The demo building, from the story (慈爱鑫和公寓, 曹家渡): 24 floors, 138 flats on floors 2–24
 * (the ground floor is the lobby), six flats a floor in six stacks, two elevators. Everything is
 * derived from fixed tables and a seeded generator, so every run gives the same building.
 *
 * Who is in it: owners (a few hold two flats), one unsold developer flat, owners abroad or in other
 * cities who act through a proxy, elderly owners without smartphones, family members and tenants,
 * and the replacement group under the residents' committee (organizer, staff, treasurer, admin).
 * Names are invented.
 */

export interface DemoIdentity {
  openid: string;
  label: string;
  role: Role;
}

export interface DemoSeed {
  collections: {
    buildings: Building[];
    units: Unit[];
    people: Person[];
    members: Member[];
    articles: Article[];
  };
  identities: DemoIdentity[];
}

export const DEMO_BUILDING_ID = 'cixin-heyuan';

/** Area of each stack's flat in hundredths of m² (01 and 06 are the corner flats). */
const STACK_AREAS = [13852, 8912, 6245, 5378, 9467, 11986] as const;

const SURNAMES = '孙王李张刘陈杨黄赵吴周徐朱胡高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '建国', '秀英', '志强', '桂兰', '国庆', '玉珍', '伟', '敏', '静', '磊', '洁', '勇', '艳', '军',
  '丽', '强', '芳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '兰英', '德明', '凤英', '宝根',
  '美华', '晓东', '海燕', '立新', '文华', '永康', '雅琴', '佩华', '振华', '惠珍', '家骏',
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
const NO_SMARTPHONE = ['2-03', '2-05', '4-01', '6-02', '10-04', '13-01', '17-06', '20-02', '22-04'];
const ELDERLY_EXTRA = ['3-05', '5-06', '7-01', '8-02', '11-05', '12-01', '16-04', '19-03', '21-02', '24-01'];

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
  const person = (id: string): Person => {
    const p = people.find((x) => x._id === id);
    if (!p) throw new Error(`demo seed: no person ${id}`);
    return p;
  };
  const addMember = (m: Omit<Member, '_id'>, role: Role): void => {
    members.push({ _id: m.openid, ...m });
    identities.push({ openid: m.openid, label: m.label, role });
  };
  const flatsOf = (personId: string): string[] =>
    units.filter((u) => u.ownerIds.includes(personId)).map((u) => u._id);

  // Owners with smartphones who live here bind their own WeChat.
  for (const p of people) {
    const flats = flatsOf(p._id);
    if (!flats.length || p.noSmartphone || p.overseas) continue;
    const nos = flats.map((f) => f.slice(1)).join('、');
    addMember(
      { openid: `demo-owner-${p._id}`, personId: p._id, roles: ['owner'], unitIds: flats, actsForPersonId: null, label: `${p.name}（业主 ${nos}）` },
      'owner',
    );
  }
  // Relatives and friends in Shanghai act for the owners who are away.
  for (const [no] of Object.entries(AWAY)) {
    const ownerId = ownerOfFlat.get(no);
    if (!ownerId) continue;
    const owner = person(ownerId);
    const proxy = newPerson({});
    addMember(
      { openid: `demo-proxy-${proxy._id}`, personId: proxy._id, roles: ['proxy'], unitIds: flatsOf(ownerId), actsForPersonId: ownerId, label: `${proxy.name}（代 ${owner.name} ${no}，${owner.livesIn ?? ''}）` },
      'proxy',
    );
  }
  // Family members and tenants read and follow, without a vote.
  for (const no of ['2-01', '9-02', '13-05', '19-01']) {
    const resident = newPerson({});
    addMember(
      { openid: `demo-resident-${resident._id}`, personId: resident._id, roles: ['resident'], unitIds: [unitId(no)], actsForPersonId: null, label: `${resident.name}（住户 ${no}）` },
      'resident',
    );
  }
  // The replacement group, under the residents' committee. The organizer also owns a flat here.
  const organizerId = ownerOfFlat.get('10-02');
  if (!organizerId) throw new Error('demo seed: no owner of 10-02');
  const group: Array<{ key: string; role: Role; title: string; personId: string }> = [
    { key: 'organizer', role: 'organizer', title: '换梯小组牵头人，居委会委员', personId: organizerId },
    { key: 'engineer', role: 'organizer', title: '换梯小组，退休电梯工程师', personId: ownerOfFlat.get('18-05') ?? organizerId },
    { key: 'staff1', role: 'staff', title: '社区工作者', personId: newPerson({})._id },
    { key: 'staff2', role: 'staff', title: '社区工作者', personId: newPerson({})._id },
    { key: 'treasurer', role: 'treasurer', title: '换梯小组出纳', personId: ownerOfFlat.get('6-03') ?? organizerId },
    { key: 'admin', role: 'admin', title: '居委会管理员', personId: newPerson({})._id },
  ];
  for (const g of group) {
    const p = person(g.personId);
    const existing = members.find((m) => m.personId === p._id);
    if (existing) {
      existing.roles.push(g.role);
      existing.label = `${p.name}（${g.title}）`;
      const id = identities.find((i) => i.openid === existing.openid);
      if (id) {
        id.label = existing.label;
        id.role = g.role;
      }
      continue;
    }
    addMember(
      { openid: `demo-${g.key}`, personId: p._id, roles: [g.role], unitIds: [], actsForPersonId: null, label: `${p.name}（${g.title}）` },
      g.role,
    );
  }

  const articles: Article[] = [
    {
      _id: 'notice-inspection',
      buildingId: building._id,
      kind: 'notice',
      title: '关于两部电梯第三方检测结果的公告',
      summary: '检测结论：两部电梯已无法通过维修恢复安全运行，需要整体更换。检测报告全文已公示。',
      body: [
        '各位业主、住户：',
        '本楼两部电梯已运行二十余年。去年2月、5月两次发生“滑梯”，居民多次提出更换电梯的诉求。',
        '在居民区党总支支持下，换梯工作小组委托具备资质的第三方检测机构对两部电梯进行了全面检测。',
        '检测结论：曳引机、控制系统、门系统等主要部件老化严重，已无法通过维修恢复安全运行，建议整体更换；导轨等特种设备状况良好，可以保留。',
        '为什么是更换而不是修理？检测报告第四部分逐项作了说明，报告全文在“进度”页可查。',
        '由于大楼维修基金已接近红线，动用将触发大额续筹，工作小组建议由业主自筹资金更换。方案与费用分摊办法将另行公示不少于15天，再由业主表决。',
        '欢迎大家到居委会或在群里提问，社区律师和街道城运中心的专家会统一答复。',
      ].join('\n'),
      author: '换梯工作小组',
      publishedAt: '2026-11-20T09:00:00+08:00',
      status: 'published',
    },
  ];

  const order: Role[] = ['organizer', 'staff', 'treasurer', 'admin', 'owner', 'proxy', 'resident'];
  identities.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return { collections: { buildings: [building], units, people, members, articles }, identities };
}
