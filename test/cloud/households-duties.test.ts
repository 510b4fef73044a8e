/**
 * Separation of duties in the registry (issue: votes that cannot be bent), through the real
 * functions: nobody decides their own binding, nobody registers or accepts a paper authorization
 * naming themselves, the evidence of a paper form is in storage, and a co-owner who makes
 * themselves the unit's voter while a vote is open does not vote in it — back and forth.
 */
import { demoDecisions } from '../../cli/seed/decisions';
import { demoSeed } from '../../cli/seed/demo';
import type { Ballot } from '../../core/decisions';
import type { Member, Person, ProxyGrant, Unit } from '../../core/registry/model';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { putFile } from '../helpers/rosterFiles';
import { decisions, type DecisionsClient } from './decisionsApi';
import { documents, households, type HouseholdsClient } from './householdsApi';

const seed = demoSeed();
const building = seed.collections.buildings[0];
if (!building) throw new Error('demo seed has no building');
const votes = demoDecisions({
  buildingId: building._id,
  units: seed.collections.units,
  organizerOpenid: 'demo-organizer',
  now: Date.now(),
});
const ORGANIZER = 'demo-organizer';
const ADMIN = 'demo-admin';
/** The demo's open vote (a yes/no proposal). */
const PLAN = 'd-outage-arrangements';
const inDays = (n: number): string =>
  new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

function unit(no: string): Unit {
  const found = seed.collections.units.find((u) => u.unitNo === no);
  if (!found) throw new Error(`no unit ${no}`);
  return found;
}
function codeOf(no: string): string {
  const found = seed.inviteCodes.find((c) => c.unitNo === no);
  if (!found) throw new Error(`no invite code for ${no}`);
  return found.code;
}
function personOf(openid: string): Person {
  const member = seed.collections.members.find((m) => m.openid === openid);
  const person = seed.collections.people.find((p) => p._id === member?.personId);
  if (!person) throw new Error(`no person for ${openid}`);
  return person;
}

/** A unit whose one bound owner votes alone (one flat, no proxy) and has not voted in the plan. */
function quietOwner(): { unit: Unit; owner: Member } {
  const voted = new Set(votes.ballots.filter((b) => b.decisionId === PLAN).map((b) => b.unitId));
  const proxied = new Set(seed.collections.proxies.flatMap((p) => p.unitIds));
  for (const member of seed.collections.members) {
    const owned = member.links.filter((l) => l.as === 'owner');
    const first = owned[0];
    if (owned.length !== 1 || !first || member.roles.length !== 1) continue;
    const found = seed.collections.units.find((u) => u._id === first.unitId);
    if (!found || found.ownerIds.length !== 1 || found.ownerIds[0] !== member.personId) continue;
    if (voted.has(found._id) || proxied.has(found._id)) continue;
    if (seed.collections.units.filter((u) => u.ownerIds.includes(member.personId)).length > 1) {
      continue;
    }
    if (!seed.inviteCodes.some((c) => c.unitId === found._id)) continue;
    return { unit: found, owner: member };
  }
  throw new Error('no quiet owner in the demo building');
}

let t: TestCloud;
let api: HouseholdsClient;
let votesApi: DecisionsClient;

beforeAll(async () => {
  t = await startTestCloud({ seed: { ...seed.collections, ...votes } });
  api = households(t);
  votesApi = decisions(t);
});
afterAll(() => t.stop());

describe('bindings', () => {
  it('an organizer cannot approve their own binding request; another organizer can', async () => {
    const no = '16-02';
    await api.ok('requestBinding', { code: codeOf(no), as: 'resident', name: '郑德明' }, ORGANIZER);
    const queue = await api.ok('listBindingRequests', {}, ORGANIZER);
    const mine = queue.requests.find((r) => r.unitNo === no && r.as === 'resident');
    if (!mine) throw new Error('the request is not in the queue');
    const self = await api.err('decideBinding', { bindingId: mine.id, approve: true }, ORGANIZER);
    expect(self).toMatchObject({ code: 'FORBIDDEN' });
    expect(self.message).toContain('不能审批自己的绑定申请');
    const me = await api.ok('me', {}, ORGANIZER);
    expect(me.units.map((u) => u.unitNo)).not.toContain(no);
    const other = await api.ok('decideBinding', { bindingId: mine.id, approve: true }, ADMIN);
    expect(other.binding.status).toBe('approved');
  });

  it('nor a request for their own owner seat made from another phone', async () => {
    const own = seed.collections.members
      .find((m) => m.openid === ORGANIZER)
      ?.links.find((l) => l.as === 'owner');
    const flat = seed.collections.units.find((u) => u._id === own?.unitId);
    if (!flat) throw new Error('the demo organizer owns no flat');
    // The organizer's seat is free once they unbind; they ask again from a second phone.
    await api.ok('unbind', { unitId: flat._id }, ORGANIZER);
    const name = personOf(ORGANIZER).name;
    await api.ok(
      'requestBinding',
      { code: codeOf(flat.unitNo), as: 'owner', name },
      'wx-organizer-second-phone',
    );
    const queue = await api.ok('listBindingRequests', {}, ADMIN);
    const request = queue.requests.find((r) => r.unitNo === flat.unitNo && r.as === 'owner');
    if (!request) throw new Error('the request is not in the queue');
    expect(
      await api.err('decideBinding', { bindingId: request.id, approve: true }, ORGANIZER),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('paper authorizations', () => {
  const form = (no: string): string => putFile(t, `proxies/${no}-form.jpg`, `signed form ${no}`);
  const terms = {
    scope: { vote: true, pay: false, decisionId: null },
    validUntil: inDays(60),
  };

  it('needs its photo in storage', async () => {
    const target = unit('9-04');
    const before = documents<ProxyGrant>(t, 'proxies').length;
    const missing = await api.err(
      'registerPaperProxy',
      {
        unitIds: [target._id],
        proxyName: '外甥李强',
        ...terms,
        evidenceFileId: `cloud://${t.cloud.envId}.local/proxies/made-up.jpg`,
      },
      ORGANIZER,
    );
    expect(missing).toMatchObject({ code: 'INVALID_INPUT' });
    expect(missing.message).toContain('没有找到上传的书面委托照片');
    expect(documents<ProxyGrant>(t, 'proxies')).toHaveLength(before);
  });

  it('is never registered by the proxy it names, nor accepted by whoever registered it', async () => {
    const target = unit('9-05');
    const organizerName = personOf(ORGANIZER).name;
    const naming = await api.err(
      'registerPaperProxy',
      {
        unitIds: [target._id],
        proxyName: ` ${organizerName} `,
        ...terms,
        evidenceFileId: form('9-05'),
      },
      ORGANIZER,
    );
    expect(naming).toMatchObject({ code: 'FORBIDDEN' });

    const registered = await api.ok(
      'registerPaperProxy',
      { unitIds: [target._id], proxyName: '外甥李强', ...terms, evidenceFileId: form('9-05') },
      ORGANIZER,
    );
    const self = await api.err('acceptProxy', { token: registered.token }, ORGANIZER);
    expect(self).toMatchObject({ code: 'FORBIDDEN' });
    const stored = documents<ProxyGrant>(t, 'proxies').find((p) => p._id === registered.proxy.id);
    expect(stored?.proxyOpenid).toBeNull();
    expect(
      await votesApi.err(
        'cast',
        { decisionId: PLAN, unitId: target._id, choice: 'yes' },
        ORGANIZER,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const nephew = await api.ok('acceptProxy', { token: registered.token }, 'wx-nephew');
    expect(nephew.proxy.state).toBe('active');
  });

  it('an organizer does not register one for their own unit', async () => {
    const own = seed.collections.members
      .find((m) => m.openid === ORGANIZER)
      ?.links.find((l) => l.as === 'owner');
    if (!own) throw new Error('the demo organizer owns no flat');
    const refused = await api.err(
      'registerPaperProxy',
      { unitIds: [own.unitId], proxyName: '朋友', ...terms, evidenceFileId: form('own') },
      ORGANIZER,
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the voter while a vote is open', () => {
  it('a co-owner who makes themselves voter mid-ballot votes in neither direction', async () => {
    const { unit: flat, owner } = quietOwner();
    const added = await api.ok(
      'addCoOwner',
      { unitId: flat._id, name: '共有人周敏' },
      owner.openid,
    );
    const coOwnerId = added.coOwners.find((c) => c.name === '共有人周敏')?.personId ?? '';
    await api.ok(
      'requestBinding',
      { code: codeOf(flat.unitNo), as: 'owner', name: '共有人周敏' },
      'wx-zhoumin',
    );
    const queue = await api.ok('listBindingRequests', {}, ORGANIZER);
    const request = queue.requests.find((r) => r.name === '共有人周敏');
    await api.ok('decideBinding', { bindingId: request?.id ?? '', approve: true }, ORGANIZER);

    const taken = await api.ok('setVoter', { unitId: flat._id, personId: coOwnerId }, 'wx-zhoumin');
    expect(taken.coOwners[0]).toMatchObject({ personId: coOwnerId, isVoter: true });
    const cast = { decisionId: PLAN, unitId: flat._id, choice: 'no' };
    expect(await votesApi.err('cast', cast, 'wx-zhoumin')).toMatchObject({ code: 'FORBIDDEN' });
    // The new voter's own proxy does not carry the unit's vote in this decision either.
    const invite = await api.ok(
      'inviteProxy',
      {
        unitIds: [flat._id],
        proxyName: '朋友',
        ...{ scope: { vote: true, pay: false, decisionId: null } },
        validUntil: inDays(30),
      },
      'wx-zhoumin',
    );
    await api.ok('acceptProxy', { token: invite.token }, 'wx-zhoumin-friend');
    expect(await votesApi.err('cast', cast, 'wx-zhoumin-friend')).toMatchObject({
      code: 'FORBIDDEN',
    });

    const mine = await votesApi.ok('cast', { ...cast, choice: 'yes' }, owner.openid);
    expect(mine).toMatchObject({ voice: 'owner' });
    await api.ok('setVoter', { unitId: flat._id, personId: owner.personId }, 'wx-zhoumin');
    await api.ok('setVoter', { unitId: flat._id, personId: coOwnerId }, 'wx-zhoumin');
    expect(await votesApi.err('cast', cast, 'wx-zhoumin')).toMatchObject({ code: 'FORBIDDEN' });
    const ballot = documents<Ballot>(t, 'ballots').find(
      (b) => b.decisionId === PLAN && b.unitId === flat._id,
    );
    expect(ballot).toMatchObject({ choice: 'yes', voice: 'owner', castBy: owner.openid });
  });
});
