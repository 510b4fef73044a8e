/**
 * A synthetic tower of any size for the decisions tests and bench: six flats a floor from the
 * second floor up, some owners with two flats, the top flat unsold, owners away who vote through a
 * proxy, an owner who also gave a proxy, a proxy for one other decision only, a pay-only proxy, a
 * tenant, and the replacement group. Plus decisions at each stage, dated relative to `now`, with
 * ballots and counters made by the same core functions the server uses.
 */
import {
  type Ballot,
  type Counters,
  type Decision,
  type Question,
  type RollEntry,
  addCounters,
  anchorOf,
  ballotId,
  buildElectorate,
  castBallot,
  choicesOf,
  emptyCounters,
  isoAt,
  personFor,
  personKeyOf,
  resultOf,
  rollEntries,
} from '../../core/decisions';
import type { Building, Member, Person, ProxyGrant, Unit } from '../../core/registry/model';
import { rollOf } from '../../server/decisions/organize';
import { newReceipt } from '../../server/decisions/receipts';
import { type TallyShard, shardId } from '../../server/decisions/store';

const STACK_AREAS = [13852, 8912, 6245, 5378, 9467, 11986] as const;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const TOWER_BUILDING = 'tower';
export const ORGANIZER = 'organizer-1';
export const STAFF = 'staff-1';
export const TREASURER = 'treasurer-1';
export const ADMIN = 'admin-1';
export const RESIDENT = 'resident-1';
export const STRANGER = 'stranger-1';
/** A proxy whose authorization names another decision only. */
export const OTHER_DECISION_PROXY = 'proxy-other';
/** A proxy who may pay but not vote. */
export const PAY_ONLY_PROXY = 'proxy-pay';

export const PROPOSAL: Question = {
  kind: 'proposal',
  text: '是否同意按公示方案自筹资金更换两部电梯？',
};
export const PLANS: Question = {
  kind: 'plans',
  text: '选择电梯更换方案',
  plans: [
    { key: 'A', title: '保留导轨，更换其余部件', summary: '工期约 45 天', costFen: 98_000_000 },
    { key: 'B', title: '整体更换', summary: '工期约 60 天', costFen: 126_000_000 },
  ],
};

export interface Tower {
  collections: {
    buildings: Building[];
    units: Unit[];
    people: Person[];
    members: Member[];
    proxies: ProxyGrant[];
    decisions: Decision[];
    ballots: Ballot[];
    tallies: TallyShard[];
    rolls: RollEntry[];
    paperOverrides: never[];
    objections: never[];
    audit: object[];
  };
  /** The openid that votes each unit as its owner (absent: nobody online). */
  ownerOpenid: Map<string, string>;
  /** Units whose owner holds another flat too: [first, second]. */
  twoFlats: Array<[string, string]>;
  /** Units whose owner is away: the proxy's openid. */
  proxyOf: Map<string, string>;
  /** A unit whose owner votes online and also authorized a proxy: [unitId, ownerOpenid, proxyOpenid]. */
  ownerWithProxy: [string, string, string];
  unsold: string[];
}

function unitNoOf(i: number): string {
  const floor = 2 + Math.floor(i / 6);
  return `${floor}-${String((i % 6) + 1).padStart(2, '0')}`;
}

function member(openid: string, personId: string, unitIds: string[], label: string): Member {
  return {
    _id: openid,
    openid,
    personId,
    roles: unitIds.length ? ['owner'] : [],
    links: unitIds.map((unitId) => ({ unitId, as: 'owner' as const })),
    unitIds,
    actsForPersonId: null,
    label,
  };
}

function proxy(
  id: string,
  unitIds: string[],
  ownerPersonId: string,
  proxyOpenid: string,
  scope: ProxyGrant['scope'],
): ProxyGrant {
  return {
    _id: id,
    buildingId: TOWER_BUILDING,
    unitIds,
    ownerPersonId,
    grantedBy: ORGANIZER,
    source: 'paper',
    proxyName: `代理人${id}`,
    proxyOpenid,
    proxyPersonId: `pp-${id}`,
    scope,
    validUntil: '2099-12-31',
    status: 'active',
    tokenHash: null,
    tokenExpiresAt: null,
    evidenceFileId: `cloud://tongti-local/proxies/${id}.jpg`,
    createdAt: '2026-11-01T09:00:00+08:00',
    acceptedAt: '2026-11-01T09:30:00+08:00',
    revokedAt: null,
    revokedBy: null,
  };
}

/** The tower's registry: `count` units (at least 12). */
export function towerRegistry(count: number): Omit<Tower, 'collections'> & {
  collections: Pick<Tower['collections'], 'buildings' | 'units' | 'people' | 'members' | 'proxies'>;
} {
  if (count < 12) throw new Error('a tower needs at least 12 units');
  const units: Unit[] = [];
  const people: Person[] = [];
  const members: Member[] = [];
  const proxies: ProxyGrant[] = [];
  const ownerOpenid = new Map<string, string>();
  const proxyOf = new Map<string, string>();
  const twoFlats: Array<[string, string]> = [];
  const unsold: string[] = [];
  const ownerOfUnit = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const no = unitNoOf(i);
    const id = `u${no}`;
    const isUnsold = i === count - 1;
    // Every 40th flat belongs to the owner of the flat before it.
    const secondOf = i % 40 === 2 ? units[i - 1] : undefined;
    let ownerIds: string[] = [];
    if (isUnsold) unsold.push(id);
    else if (secondOf) {
      const ownerId = ownerOfUnit.get(secondOf._id) ?? '';
      ownerIds = [ownerId];
      twoFlats.push([secondOf._id, id]);
    } else {
      const personId = `p${i + 1}`;
      people.push({
        _id: personId,
        name: `业主${i + 1}`,
        phone: null,
        elderly: false,
        noSmartphone: false,
        overseas: i % 25 === 5,
        livesIn: i % 25 === 5 ? '温哥华' : null,
      });
      ownerIds = [personId];
    }
    if (ownerIds[0]) ownerOfUnit.set(id, ownerIds[0]);
    units.push({
      _id: id,
      buildingId: TOWER_BUILDING,
      unitNo: no,
      floor: 2 + Math.floor(i / 6),
      areaHundredths: (STACK_AREAS[i % 6] ?? 8000) + (i % 5),
      status: isUnsold ? 'unsold' : i % 17 === 4 ? 'rented' : 'owned',
      ownerIds,
    });
  }
  // Owners at home bind their WeChat (for all their flats); owners away act through a proxy.
  const flatsOf = (personId: string) =>
    units.filter((u) => u.ownerIds[0] === personId).map((u) => u._id);
  for (const person of people) {
    const flats = flatsOf(person._id);
    if (person.overseas) {
      const openid = `proxy-for-${person._id}`;
      proxies.push(
        proxy(`px-${person._id}`, flats, person._id, openid, {
          vote: true,
          pay: true,
          decisionId: null,
        }),
      );
      members.push({
        ...member(openid, `pp-px-${person._id}`, [], `代理人（${person.name}）`),
        roles: ['proxy'],
        unitIds: flats,
        actsForPersonId: person._id,
      });
      for (const f of flats) proxyOf.set(f, openid);
      continue;
    }
    const openid = `owner-${person._id}`;
    members.push(member(openid, person._id, flats, `${person.name}（业主）`));
    for (const f of flats) ownerOpenid.set(f, openid);
  }
  // An owner at home who also authorized a proxy (their own ballot overrides the proxy's).
  const both = units[4];
  const bothOwner = both?.ownerIds[0];
  if (!both || !bothOwner) throw new Error('tower: no unit 5');
  const bothProxy = 'proxy-family';
  proxies.push(
    proxy('px-family', [both._id], bothOwner, bothProxy, {
      vote: true,
      pay: false,
      decisionId: null,
    }),
  );
  members.push({
    ...member(bothProxy, 'pp-family', [], '代理人（家属）'),
    roles: ['proxy'],
    unitIds: [both._id],
  });
  // A proxy for another decision only, and one who may pay but not vote (unit 8's owner).
  const eighth = units[7];
  const eighthOwner = eighth?.ownerIds[0];
  if (!eighth || !eighthOwner) throw new Error('tower: no unit 8');
  proxies.push(
    proxy('px-other', [eighth._id], eighthOwner, OTHER_DECISION_PROXY, {
      vote: true,
      pay: false,
      decisionId: 'd-some-other',
    }),
    proxy('px-pay', [eighth._id], eighthOwner, PAY_ONLY_PROXY, {
      vote: false,
      pay: true,
      decisionId: null,
    }),
  );
  for (const openid of [OTHER_DECISION_PROXY, PAY_ONLY_PROXY]) {
    members.push({
      ...member(openid, `pp-${openid}`, [], openid),
      roles: ['proxy'],
      unitIds: [eighth._id],
    });
  }
  const third = units[2];
  if (!third) throw new Error('tower: no unit 3');
  members.push(
    { ...member(ORGANIZER, 'pg-organizer', [], '换梯小组牵头人'), roles: ['organizer'] },
    { ...member(STAFF, 'pg-staff', [], '社区工作者'), roles: ['staff'] },
    { ...member(TREASURER, 'pg-treasurer', [], '出纳'), roles: ['treasurer'] },
    { ...member(ADMIN, 'pg-admin', [], '管理员'), roles: ['admin'] },
    {
      ...member(RESIDENT, 'pg-resident', [], '住户'),
      roles: ['resident'],
      links: [{ unitId: third._id, as: 'resident' }],
      unitIds: [third._id],
    },
  );
  const building: Building = {
    _id: TOWER_BUILDING,
    name: '测试大楼',
    address: '上海',
    community: '测试居民区',
    builtYear: 2000,
    floors: 2 + Math.ceil(count / 6),
    elevators: 2,
    residents: count * 3,
  };
  return {
    collections: { buildings: [building], units, people, members, proxies },
    ownerOpenid,
    twoFlats,
    proxyOf,
    ownerWithProxy: [both._id, ownerOpenid.get(both._id) ?? '', bothProxy],
    unsold,
  };
}

function baseDecision(id: string, question: Question, now: number): Decision {
  return {
    _id: id,
    buildingId: TOWER_BUILDING,
    title: question.kind === 'plans' ? '电梯更换方案选择' : '电梯更换与自筹资金',
    summary: '两部电梯检测结论为需整体更换。',
    matter: 'rebuild',
    question,
    documents: [
      {
        kind: 'inspection',
        title: '第三方检测报告',
        fileId: 'cloud://tongti-local/inspection.pdf',
      },
    ],
    noticeDays: 15,
    objectionDays: 7,
    opensAt: isoAt(now - HOUR),
    closesAt: isoAt(now + 10 * DAY),
    status: 'notice',
    createdBy: ORGANIZER,
    createdAt: isoAt(now - 21 * DAY),
    updatedAt: isoAt(now - 20 * DAY),
    noticePostedAt: isoAt(now - 20 * DAY),
    openedAt: null,
    closedAt: null,
    preliminaryAt: null,
    objectionEndsAt: null,
    finalAt: null,
    electorate: null,
    result: null,
  };
}

/**
 * Ballots and counter shards for `decision` (which must be open), cast by owners of the listed
 * units with the given choices, as the server would have written them.
 */
export function votesFor(
  decision: Decision,
  units: readonly Unit[],
  casts: ReadonlyArray<{ unitId: string; choice: string; channel?: 'online' | 'paper' }>,
  at: number,
): { ballots: Ballot[]; tallies: TallyShard[] } {
  const electorate = decision.electorate;
  if (!electorate) throw new Error('decision is not open');
  const roll = rollOf(units, new Date(at));
  const ballots = new Map<string, Ballot>();
  const shards: Counters[] = Array.from({ length: electorate.shards }, () =>
    emptyCounters(choicesOf(decision.question)),
  );
  for (const c of casts) {
    const unit = roll.find((u) => u.unitId === c.unitId);
    if (!unit) throw new Error(`no unit ${c.unitId}`);
    const person = personFor(electorate, unit, personKeyOf(unit));
    const anchor = anchorOf(electorate, unit.unitId);
    const { salt, receipt } = newReceipt({
      decisionId: decision._id,
      unitId: anchor,
      choice: c.choice,
    });
    const channel = c.channel ?? 'online';
    const outcome = castBallot({
      decision: { ...decision, status: 'open' },
      person,
      previous: ballots.get(ballotId(decision._id, anchor)) ?? null,
      request: {
        choice: c.choice,
        voice: 'owner',
        channel,
        castBy: `owner-of-${unit.unitId}`,
        photoFileId: channel === 'paper' ? `cloud://tongti-local/paper/${unit.unitId}.jpg` : null,
        salt,
        receipt,
      },
      now: at,
    });
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    ballots.set(outcome.ballot._id, outcome.ballot);
    const shard = shards[outcome.ballot.shard];
    if (!shard) throw new Error('no shard');
    shards[outcome.ballot.shard] = addCounters(shard, outcome.delta);
  }
  return {
    ballots: [...ballots.values()],
    tallies: shards.map((c, shard) => ({
      _id: shardId(decision._id, shard),
      decisionId: decision._id,
      shard,
      voted: c.voted,
      choices: Object.fromEntries(
        choicesOf(decision.question).map((k) => [k, c.choices[k] ?? { owners: 0, area: 0 }]),
      ),
    })),
  };
}

/**
 * The tower with decisions at each stage, relative to `now`:
 * - `d-ready`, `d-plans`: notices that have stood 20 days, voting may open now;
 * - `d-ended`: open, its deadline an hour ago, with ballots from the first flats;
 * - `d-objection`: preliminary result posted 8 days ago, objections over;
 * - `d-draft`: a draft only organizers see.
 */
export function towerSeed(count: number, now: number = Date.now()): Tower {
  const registry = towerRegistry(count);
  const { units } = registry.collections;
  const built = buildElectorate(rollOf(units, new Date(now)), 4);
  if (!built.ok) throw new Error(built.reason);
  const electorate = built.electorate;
  const ended: Decision = {
    ...baseDecision('d-ended', PROPOSAL, now),
    opensAt: isoAt(now - 12 * DAY),
    closesAt: isoAt(now - HOUR),
    noticePostedAt: isoAt(now - 30 * DAY),
    status: 'open',
    openedAt: isoAt(now - 12 * DAY),
    electorate,
  };
  const castUnits = units.slice(0, Math.min(units.length - 1, 12)).map((u, i) => ({
    unitId: u._id,
    choice: i % 4 === 3 ? 'no' : 'yes',
  }));
  const endedVotes = votesFor(ended, units, castUnits, now - 5 * DAY);
  const objectionBase: Decision = {
    ...baseDecision('d-objection', PROPOSAL, now),
    title: '电梯维保单位选聘',
    matter: 'manager',
    opensAt: isoAt(now - 30 * DAY),
    closesAt: isoAt(now - 10 * DAY),
    noticePostedAt: isoAt(now - 50 * DAY),
    status: 'open',
    openedAt: isoAt(now - 30 * DAY),
    electorate,
  };
  const objectionVotes = votesFor(objectionBase, units, castUnits, now - 20 * DAY);
  const objectionResult = resultOf(objectionBase, electorate, objectionVotes.tallies);
  const objection: Decision = {
    ...objectionBase,
    status: 'preliminary',
    closedAt: isoAt(now - 9 * DAY),
    preliminaryAt: isoAt(now - 8 * DAY),
    objectionEndsAt: isoAt(now - DAY),
    result: {
      at: isoAt(now - 8 * DAY),
      counters: objectionResult.counters,
      passed: objectionResult.passed,
      winner: objectionResult.winner,
    },
  };
  const draft: Decision = {
    ...baseDecision('d-draft', PROPOSAL, now),
    title: '草稿：楼道照明改造',
    status: 'draft',
    noticePostedAt: null,
    opensAt: null,
    closesAt: null,
  };
  return {
    ...registry,
    collections: {
      ...registry.collections,
      decisions: [
        baseDecision('d-ready', PROPOSAL, now),
        baseDecision('d-plans', PLANS, now),
        ended,
        objection,
        draft,
      ],
      ballots: [...endedVotes.ballots, ...objectionVotes.ballots],
      tallies: [...endedVotes.tallies, ...objectionVotes.tallies],
      rolls: [
        ...rollEntries(ended._id, rollOf(units, new Date(now))),
        ...rollEntries(objection._id, rollOf(units, new Date(now))),
      ],
      paperOverrides: [],
      objections: [],
      audit: [],
    },
  };
}
