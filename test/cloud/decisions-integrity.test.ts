/**
 * Votes that cannot be bent (issue: vote integrity), through the real function: a re-cast that
 * moves no counter still records the owner's voice; paper ballots need their evidence and never
 * replace an owner's own online ballot without a second person; the roll is frozen when voting
 * opens, so a change of voter, a re-measure or a new unit afterwards changes nothing in it.
 */
import type { Ballot } from '../../core/decisions';
import { choicesOf, recount, sameCounters, sumCounters } from '../../core/decisions';
import type { Unit } from '../../core/registry/model';
import type { TallyShard } from '../../server/decisions/store';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { ORGANIZER, STAFF, TREASURER, type Tower, towerSeed } from '../helpers/decisionsTower';
import { putFile } from '../helpers/rosterFiles';
import { database, type Db } from '../helpers/sdkDatabase';
import { loadWxSdk, pointSdkAt } from '../helpers/wxSdk';
import { type DecisionsClient, decisions, stored } from './decisionsApi';

const SECOND_ORGANIZER = 'o-organizer-2';

describe('decisions: integrity of every voice', () => {
  let t: TestCloud;
  let api: DecisionsClient;
  let tower: Tower;
  let db: Db;

  beforeAll(async () => {
    tower = towerSeed(24);
    const organizer = tower.collections.members.find((m) => m.openid === ORGANIZER);
    if (!organizer) throw new Error('no organizer in the tower');
    tower.collections.members.push({
      ...organizer,
      _id: SECOND_ORGANIZER,
      openid: SECOND_ORGANIZER,
      personId: 'p-organizer-2',
      label: '第二位组织者',
      links: [],
      unitIds: [],
    });
    t = await startTestCloud({ seed: tower.collections });
    api = decisions(t);
    pointSdkAt(t.cloud);
    db = database(loadWxSdk());
    await api.ok('open', { decisionId: 'd-ready' }, ORGANIZER);
  });
  afterAll(() => t.stop());

  const owner = (unitId: string): string => {
    const openid = tower.ownerOpenid.get(unitId);
    if (!openid) throw new Error(`no online owner for ${unitId}`);
    return openid;
  };
  const ballotOf = (unitId: string): Ballot | undefined =>
    stored<Ballot>(t, 'ballots').find((b) => b.decisionId === 'd-ready' && b.unitId === unitId);
  const photo = (unitId: string, n = 1): string =>
    putFile(t, `ballots/d-ready/${unitId}-${n}.jpg`, `signed form ${unitId} ${n}`);
  const onlineOwners = (): string[] =>
    [...tower.ownerOpenid.keys()].filter(
      (u) => !tower.twoFlats.some((pair) => pair.includes(u)) && !tower.proxyOf.has(u),
    );
  const countersAgree = (): boolean => {
    const shards = stored<TallyShard>(t, 'tallies').filter((s) => s.decisionId === 'd-ready');
    const ballots = stored<Ballot>(t, 'ballots').filter((b) => b.decisionId === 'd-ready');
    const choices = choicesOf({ kind: 'proposal', text: '' });
    return sameCounters(sumCounters(shards, choices), recount(ballots, choices));
  };

  it('lets the owner override a proxy’s ballot with the same choice, and then the proxy cannot change it', async () => {
    const [unitId, ownerOpenid, proxyOpenid] = tower.ownerWithProxy;
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'yes' }, proxyOpenid);
    expect(ballotOf(unitId)).toMatchObject({ voice: 'proxy' });
    const mine = await api.ok(
      'cast',
      { decisionId: 'd-ready', unitId, choice: 'yes' },
      ownerOpenid,
    );
    expect(mine).toMatchObject({ voice: 'owner', channel: 'online', changed: true, casts: 2 });
    expect(ballotOf(unitId)).toMatchObject({ voice: 'owner', castBy: ownerOpenid });
    expect(
      await api.err('cast', { decisionId: 'd-ready', unitId, choice: 'no' }, proxyOpenid),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(countersAgree()).toBe(true);
  });

  it('lets the owner re-cast the same choice over a paper ballot, online', async () => {
    const unitId = onlineOwners()[0] ?? '';
    await api.ok(
      'paperBallot',
      {
        decisionId: 'd-ready',
        unitId,
        choice: 'yes',
        photoFileId: photo(unitId),
        signedBy: 'owner',
      },
      STAFF,
    );
    const online = await api.ok(
      'cast',
      { decisionId: 'd-ready', unitId, choice: 'yes' },
      owner(unitId),
    );
    expect(online).toMatchObject({ channel: 'online', voice: 'owner', changed: true });
    expect(ballotOf(unitId)).toMatchObject({ channel: 'online', photoFileId: null });
    expect(countersAgree()).toBe(true);
  });

  it('refuses a paper ballot whose photo is not in storage or was not uploaded for it', async () => {
    const unitId = onlineOwners()[1] ?? '';
    const base = { decisionId: 'd-ready', unitId, choice: 'no', signedBy: 'owner' as const };
    const missing = await api.err(
      'paperBallot',
      { ...base, photoFileId: `cloud://${t.cloud.envId}.local/ballots/d-ready/${unitId}-9.jpg` },
      STAFF,
    );
    expect(missing).toMatchObject({ code: 'INVALID_INPUT' });
    expect(missing.message).toContain('没有找到');
    const other = onlineOwners()[2] ?? '';
    const elsewhere = await api.err('paperBallot', { ...base, photoFileId: photo(other) }, STAFF);
    expect(elsewhere).toMatchObject({ code: 'INVALID_INPUT' });
    const made = await api.err('paperBallot', { ...base, photoFileId: 'made-up' }, STAFF);
    expect(made).toMatchObject({ code: 'INVALID_INPUT' });
    expect(ballotOf(unitId)).toBeUndefined();
  });

  it('refuses a proxy-signed paper ballot without a written authorization on file', async () => {
    const unitId = onlineOwners()[3] ?? '';
    const refused = await api.err(
      'paperBallot',
      {
        decisionId: 'd-ready',
        unitId,
        choice: 'yes',
        photoFileId: photo(unitId),
        signedBy: 'proxy',
      },
      STAFF,
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.message).toContain('书面投票委托');
    expect(ballotOf(unitId)).toBeUndefined();
    const proxied = [...tower.proxyOf.keys()].find(
      (u) => !tower.twoFlats.some((pair) => pair.includes(u)) && u !== tower.ownerWithProxy[0],
    );
    if (!proxied) throw new Error('no proxied unit');
    const taken = await api.ok(
      'paperBallot',
      {
        decisionId: 'd-ready',
        unitId: proxied,
        choice: 'yes',
        photoFileId: photo(proxied),
        signedBy: 'proxy',
      },
      STAFF,
    );
    expect(taken).toMatchObject({ voice: 'proxy', channel: 'paper' });
  });

  it('never lets a paper ballot replace the owner’s own online ballot without a second organizer', async () => {
    const unitId = onlineOwners()[4] ?? '';
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'yes' }, owner(unitId));
    const held = await api.err(
      'paperBallot',
      {
        decisionId: 'd-ready',
        unitId,
        choice: 'no',
        photoFileId: photo(unitId),
        signedBy: 'owner',
      },
      ORGANIZER,
    );
    expect(held).toMatchObject({ code: 'CONFLICT' });
    expect(held.message).toContain('不会自动替换');
    expect(ballotOf(unitId)).toMatchObject({ choice: 'yes', channel: 'online' });
    const overrideId = /编号 (\S+)）/.exec(held.message)?.[1] ?? '';
    expect(overrideId).not.toBe('');
    const self = await api.err(
      'decidePaperOverride',
      { overrideId, confirm: true, reason: '业主当面确认改投' },
      ORGANIZER,
    );
    expect(self).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await api.err(
        'decidePaperOverride',
        { overrideId, confirm: true, reason: '业主当面确认改投' },
        STAFF,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(ballotOf(unitId)).toMatchObject({ choice: 'yes', channel: 'online' });
    const done = await api.ok(
      'decidePaperOverride',
      { overrideId, confirm: true, reason: '业主当面确认改投' },
      SECOND_ORGANIZER,
    );
    expect(done).toMatchObject({
      status: 'confirmed',
      receipt: { choice: 'no', channel: 'paper' },
    });
    expect(ballotOf(unitId)).toMatchObject({ choice: 'no', channel: 'paper', castBy: ORGANIZER });
    expect(
      await api.err(
        'decidePaperOverride',
        { overrideId, confirm: true, reason: '再次确认一下' },
        SECOND_ORGANIZER,
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    const audit = stored<{ action: string; detail: { confirmedBy?: string; reason?: string } }>(
      t,
      'audit',
    );
    expect(
      audit.find((a) => a.action === 'decisions.paperBallot' && a.detail.confirmedBy),
    ).toMatchObject({ detail: { confirmedBy: SECOND_ORGANIZER, reason: '业主当面确认改投' } });
    expect(countersAgree()).toBe(true);
    // The owner is told, on their unit, who entered the paper ballot and why it replaced theirs.
    const seen = await api.ok('detail', { decisionId: 'd-ready' }, owner(unitId));
    const mine = seen.myUnits.find((u) => u.unitId === unitId);
    expect(mine?.ballot).toMatchObject({
      channel: 'paper',
      enteredBy: expect.any(String) as string,
      replacedOnline: { reason: '业主当面确认改投' },
    });
    const status = await api.ok('unitStatus', { decisionId: 'd-ready', unitId }, STAFF);
    expect(status).toMatchObject({ channel: 'paper', enteredBy: mine?.ballot?.enteredBy });
    // Voting again online clears the notice: the owner has acted on it.
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'yes' }, owner(unitId));
    const after = await api.ok('detail', { decisionId: 'd-ready' }, owner(unitId));
    expect(after.myUnits.find((u) => u.unitId === unitId)?.ballot).toMatchObject({
      channel: 'online',
      enteredBy: null,
      replacedOnline: null,
    });
  });

  it('keeps the voter frozen: a co-owner made voter after opening cannot take the vote', async () => {
    const unitId = onlineOwners()[5] ?? '';
    const unit = tower.collections.units.find((u) => u._id === unitId);
    if (!unit) throw new Error('no unit');
    // The second owner becomes the unit's voter in the registry, as setVoter would write it.
    await db
      .collection('units')
      .doc(unitId)
      .update({ data: { ownerIds: ['p-newcomer', ...unit.ownerIds] } });
    await db.collection('members').add({
      data: {
        openid: 'o-newcomer',
        personId: 'p-newcomer',
        roles: ['owner'],
        links: [{ unitId, as: 'owner' }],
        unitIds: [unitId],
        actsForPersonId: null,
        label: '共有人',
      },
    });
    expect(
      await api.err('cast', { decisionId: 'd-ready', unitId, choice: 'no' }, 'o-newcomer'),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const frozen = await api.ok(
      'cast',
      { decisionId: 'd-ready', unitId, choice: 'yes' },
      owner(unitId),
    );
    expect(frozen).toMatchObject({ voice: 'owner' });
  });

  it('casts with the area frozen at opening, refuses units added later, and results never fail', async () => {
    const unitId = onlineOwners()[6] ?? '';
    const unit = tower.collections.units.find((u) => u._id === unitId) as Unit;
    await db
      .collection('units')
      .doc(unitId)
      .update({ data: { areaHundredths: 99_999_999 } });
    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'yes' }, owner(unitId));
    expect(ballotOf(unitId)).toMatchObject({ area: unit.areaHundredths });
    await db.collection('units').add({
      data: { ...unit, _id: undefined, unitNo: '25-01', areaHundredths: 10_000 },
    });
    const added = stored<Unit>(t, 'units').find((u) => u.unitNo === '25-01');
    expect(
      await api.err(
        'cast',
        { decisionId: 'd-ready', unitId: added?._id ?? '', choice: 'yes' },
        owner(unitId),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const results = await api.ok('results', { decisionId: 'd-ready' }, ORGANIZER);
    expect(results.voted.areaHundredths).toBeLessThanOrEqual(results.electorate.areaHundredths);
    expect(countersAgree()).toBe(true);
  });

  it('answers a draft exactly as a missing decision for everyone but organizers', async () => {
    const unitId = onlineOwners()[7] ?? '';
    const asks = (decisionId: string): Array<[string, () => Promise<unknown>]> => [
      ['detail', () => api.call('detail', { decisionId }, owner(unitId))],
      ['results', () => api.call('results', { decisionId }, owner(unitId))],
      ['published', () => api.call('published', { decisionId }, owner(unitId))],
      ['objections', () => api.call('objections', { decisionId }, owner(unitId))],
      ['cast', () => api.call('cast', { decisionId, unitId, choice: 'yes' }, owner(unitId))],
      ['unitStatus', () => api.call('unitStatus', { decisionId, unitId }, STAFF)],
      ['recount', () => api.call('recount', { decisionId }, TREASURER)],
      [
        'paperBallot',
        () =>
          api.call(
            'paperBallot',
            { decisionId, unitId, choice: 'yes', photoFileId: photo(unitId), signedBy: 'owner' },
            STAFF,
          ),
      ],
    ];
    const missing = asks('d-no-such-decision');
    for (const [index, [action, ask]] of asks('d-draft').entries()) {
      const draft = await ask();
      const none = await missing[index]?.[1]();
      expect([action, draft]).toEqual([action, none]);
      expect([action, draft]).toEqual([action, expect.objectContaining({ code: 'NOT_FOUND' })]);
    }
  });
});
