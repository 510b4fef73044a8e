/**
 * decisions through the real wx-server-sdk, the function host and the local cloud, on a tower of
 * 138 flats: opening freezes the roll, ballots are cast by owners, proxies and staff with the
 * law's rules, each cast is one transaction of four document requests, results take at most three
 * requests, and the recount always equals the counters.
 */
import type { Ballot, Decision } from '../../core/decisions';
import { recount, choicesOf, sameCounters, sumCounters } from '../../core/decisions';
import { countHeads, formatArea } from '../../core/tally';
import type { TallyShard } from '../../server/decisions/store';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import {
  ADMIN,
  OTHER_DECISION_PROXY,
  ORGANIZER,
  PAY_ONLY_PROXY,
  RESIDENT,
  STAFF,
  STRANGER,
  TREASURER,
  type Tower,
  towerSeed,
} from '../helpers/decisionsTower';
import { putFile } from '../helpers/rosterFiles';
import { type DecisionsClient, decisions, lastRequests, stored } from './decisionsApi';

describe('decisions function', () => {
  let t: TestCloud;
  let api: DecisionsClient;
  let tower: Tower;

  beforeAll(async () => {
    tower = towerSeed(138);
    t = await startTestCloud({ seed: tower.collections });
    api = decisions(t);
  });
  afterAll(() => t.stop());

  const owner = (unitId: string): string => {
    const openid = tower.ownerOpenid.get(unitId);
    if (!openid) throw new Error(`no online owner for ${unitId}`);
    return openid;
  };
  const unitsWithOwners = (): string[] => [...tower.ownerOpenid.keys()];
  const ballotsOf = (decisionId: string) =>
    stored<Ballot>(t, 'ballots').filter((b) => b.decisionId === decisionId);
  const shardsOf = (decisionId: string) =>
    stored<TallyShard>(t, 'tallies').filter((s) => s.decisionId === decisionId);

  describe('opening', () => {
    it('opens a notice that has stood its days, freezing the roll the law counts', async () => {
      const detail = await api.ok('open', { decisionId: 'd-ready' }, ORGANIZER);
      const heads = countHeads(
        tower.collections.units.map((u) => ({
          unit: u._id,
          area: u.areaHundredths,
          owner: u.ownerIds[0],
          unsold: u.status === 'unsold',
        })),
        [],
      );
      if (!heads.ok) throw new Error(heads.error.message);
      expect(detail).toMatchObject({
        status: 'open',
        votingOpen: true,
        electorate: {
          units: 138,
          owners: heads.owners.total,
          areaHundredths: heads.area.total,
          area: formatArea(heads.area.total),
        },
      });
      // 138 flats, four owners with two, one unsold flat: 134 owners in law.
      expect(heads.owners.total).toBe(134);
      expect(shardsOf('d-ready')).toHaveLength(16);
      await api.ok('open', { decisionId: 'd-plans' }, ORGANIZER);
    });

    it('refuses to open twice, and refuses organizers’ steps to everyone else', async () => {
      expect(await api.err('open', { decisionId: 'd-ready' }, ORGANIZER)).toMatchObject({
        code: 'CONFLICT',
      });
      for (const who of [owner(unitsWithOwners()[0] ?? ''), STAFF, TREASURER, RESIDENT, STRANGER]) {
        expect(await api.err('close', { decisionId: 'd-ready' }, who)).toMatchObject({
          code: 'FORBIDDEN',
        });
      }
    });
  });

  describe('casting', () => {
    it('takes an owner’s ballot in one transaction and answers with a receipt', async () => {
      const unitId = 'u2-01';
      const receipt = await api.ok(
        'cast',
        { decisionId: 'd-ready', unitId, choice: 'yes' },
        owner(unitId),
      );
      expect(receipt).toMatchObject({
        unitNos: ['2-01'],
        choice: 'yes',
        choiceLabel: '同意',
        voice: 'owner',
        channel: 'online',
        casts: 1,
        changed: true,
      });
      expect(receipt.receipt).toMatch(/^[0-9a-f]{64}$/);
      expect(receipt.receiptShort).toBe(
        `${receipt.receipt.slice(0, 4)}-${receipt.receipt.slice(4, 8)}-${receipt.receipt.slice(8, 12)}-${receipt.receipt.slice(12, 16)}`,
      );
      const [ballot] = ballotsOf('d-ready');
      expect(ballot).toMatchObject({
        _id: 'd-ready:u2-01',
        choice: 'yes',
        receipt: receipt.receipt,
      });
      // Guard (caller), decision + unit, and the transaction: start, get, set, inc, audit, commit.
      expect(lastRequests(t, 'cast')).toBeLessThanOrEqual(9);
      const audit = stored<{ action: string; target: string; who: string }>(t, 'audit');
      expect(audit).toContainEqual(
        expect.objectContaining({
          action: 'decisions.cast',
          target: 'd-ready:u2-01',
          who: owner(unitId),
        }),
      );
    });

    it('re-casts by replacing the ballot; the same ballot again changes nothing', async () => {
      const unitId = 'u2-04';
      const first = await api.ok(
        'cast',
        { decisionId: 'd-ready', unitId, choice: 'no' },
        owner(unitId),
      );
      const second = await api.ok(
        'cast',
        { decisionId: 'd-ready', unitId, choice: 'abstain' },
        owner(unitId),
      );
      expect(second).toMatchObject({ choice: 'abstain', casts: 2, changed: true });
      expect(second.receipt).not.toBe(first.receipt);
      const again = await api.ok(
        'cast',
        { decisionId: 'd-ready', unitId, choice: 'abstain' },
        owner(unitId),
      );
      expect(again).toMatchObject({ changed: false, receipt: second.receipt, casts: 2 });
      expect(ballotsOf('d-ready').filter((b) => b.unitId === unitId)).toHaveLength(1);
    });

    it('counts a two-flat owner once with both flats, whichever flat they vote through', async () => {
      const [first, second] = tower.twoFlats[1] ?? [];
      if (!first || !second) throw new Error('no two-flat owner');
      const before = sumCounters(shardsOf('d-ready'), ['yes', 'no', 'abstain']);
      const r = await api.ok(
        'cast',
        { decisionId: 'd-ready', unitId: second, choice: 'yes' },
        owner(second),
      );
      expect(r.unitNos).toHaveLength(2);
      const again = await api.ok(
        'cast',
        { decisionId: 'd-ready', unitId: first, choice: 'no' },
        owner(first),
      );
      expect(again.casts).toBe(2);
      const after = sumCounters(shardsOf('d-ready'), ['yes', 'no', 'abstain']);
      const area = tower.collections.units
        .filter((u) => u._id === first || u._id === second)
        .reduce((s, u) => s + u.areaHundredths, 0);
      expect(after.voted.owners - before.voted.owners).toBe(1);
      expect(after.voted.area - before.voted.area).toBe(area);
      expect(
        ballotsOf('d-ready').filter((b) => b.units.some((u) => u.unitId === second)),
      ).toHaveLength(1);
    });

    it('lets a proxy vote within their scope, and the owner override them, never the reverse', async () => {
      const [unitId, ownerId, proxyId] = tower.ownerWithProxy;
      const byProxy = await api.ok(
        'cast',
        { decisionId: 'd-ready', unitId, choice: 'no' },
        proxyId,
      );
      expect(byProxy).toMatchObject({ voice: 'proxy', choice: 'no' });
      // The proxy is told whose flat they act for, and sees the receipt they were given.
      const unit = tower.collections.units.find((u) => u._id === unitId);
      const ownerName = tower.collections.people.find((p) => p._id === unit?.ownerIds[0])?.name;
      const seenByProxy = await api.ok('detail', { decisionId: 'd-ready' }, proxyId);
      expect(seenByProxy.myUnits.find((u) => u.unitId === unitId)).toMatchObject({
        as: 'proxy',
        onBehalfOf: ownerName,
        ballot: { receiptShort: byProxy.receiptShort, choiceLabel: '反对', replacedReceipts: [] },
      });
      const byOwner = await api.ok(
        'cast',
        { decisionId: 'd-ready', unitId, choice: 'yes' },
        ownerId,
      );
      expect(byOwner).toMatchObject({ voice: 'owner', choice: 'yes', casts: 2 });
      // The owner finds the current receipt, and the proxy's one listed as void.
      const seenByOwner = await api.ok('detail', { decisionId: 'd-ready' }, ownerId);
      expect(seenByOwner.myUnits.find((u) => u.unitId === unitId)).toMatchObject({
        as: 'owner',
        onBehalfOf: null,
        ballot: {
          receiptShort: byOwner.receiptShort,
          choiceLabel: '同意',
          replacedReceipts: [
            expect.objectContaining({ receiptShort: byProxy.receiptShort, choiceLabel: '反对' }),
          ],
        },
      });
      expect(
        await api.err('cast', { decisionId: 'd-ready', unitId, choice: 'no' }, proxyId),
      ).toMatchObject({
        code: 'FORBIDDEN',
      });
      const [awayUnit, awayProxy] = [...tower.proxyOf.entries()][0] ?? [];
      if (!awayUnit || !awayProxy) throw new Error('no away owner');
      expect(
        await api.ok('cast', { decisionId: 'd-ready', unitId: awayUnit, choice: 'yes' }, awayProxy),
      ).toMatchObject({ voice: 'proxy' });
    });

    it('refuses whoever may not vote for the unit', async () => {
      const unitId = 'u3-02';
      const request = { decisionId: 'd-ready', unitId, choice: 'yes' };
      expect(await api.err('cast', request, OTHER_DECISION_PROXY)).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await api.err('cast', request, PAY_ONLY_PROXY)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.err('cast', request, owner('u2-01'))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.err('cast', request, RESIDENT)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.err('cast', request, STAFF)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.err('cast', request, STRANGER)).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await api.err(
          'cast',
          { decisionId: 'd-ready', unitId: 'u4-01', choice: 'A' },
          owner('u4-01'),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT' });
      expect(
        await api.err(
          'cast',
          { decisionId: 'd-ready', unitId: 'u4-01', choice: 'yes', as: 'owner' } as never,
          owner('u4-01'),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT' });
      expect(ballotsOf('d-ready').some((b) => b.unitId === 'u3-02' || b.unitId === 'u4-01')).toBe(
        false,
      );
    });

    it('takes a paper ballot from staff with the photo of the signed form', async () => {
      const unitId = 'u3-03';
      const noPhoto = await api.err(
        'paperBallot',
        { decisionId: 'd-ready', unitId, choice: 'yes', photoFileId: '', signedBy: 'owner' },
        STAFF,
      );
      expect(noPhoto.code).toBe('INVALID_INPUT');
      const photo = putFile(t, 'ballots/d-ready/u3-03-1.jpg', 'signed form');
      const paper = await api.ok(
        'paperBallot',
        {
          decisionId: 'd-ready',
          unitId,
          choice: 'yes',
          photoFileId: photo,
          signedBy: 'owner',
        },
        STAFF,
      );
      expect(paper).toMatchObject({ channel: 'paper', voice: 'owner' });
      const unsold = tower.unsold[0] ?? '';
      await api.ok(
        'paperBallot',
        {
          decisionId: 'd-ready',
          unitId: unsold,
          choice: 'abstain',
          photoFileId: putFile(t, `ballots/d-ready/${unsold}-1.jpg`, 'developer form'),
          signedBy: 'owner',
        },
        STAFF,
      );
      const status = await api.ok('unitStatus', { decisionId: 'd-ready', unitNo: '3-03' }, STAFF);
      expect(status.unitId).toBe(unitId);
      expect(status).toMatchObject({ voted: true, voice: 'owner', channel: 'paper' });
      expect(status).not.toHaveProperty('choice');
      expect(
        await api.err(
          'paperBallot',
          {
            decisionId: 'd-ready',
            unitId,
            choice: 'no',
            photoFileId: photo,
            signedBy: 'owner',
          },
          owner(unitId),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      const stored3 = ballotsOf('d-ready').find((b) => b.unitId === unitId);
      expect(stored3).toMatchObject({
        photoFileId: photo,
        castBy: STAFF,
      });
    });
  });

  describe('results and recount', () => {
    it('shows the live result in at most three requests, equal to a recount of the ballots', async () => {
      const results = await api.ok('results', { decisionId: 'd-ready' }, owner('u2-01'));
      expect(lastRequests(t, 'results')).toBeLessThanOrEqual(3);
      const ballots = ballotsOf('d-ready');
      const counted = recount(ballots, ['yes', 'no', 'abstain']);
      expect(results.voted).toEqual({
        owners: counted.voted.owners,
        areaHundredths: counted.voted.area,
        area: formatArea(counted.voted.area),
      });
      expect(results.choices.map((c) => [c.key, c.owners, c.areaHundredths])).toEqual(
        ['yes', 'no', 'abstain'].map((k) => [
          k,
          counted.choices[k]?.owners,
          counted.choices[k]?.area,
        ]),
      );
      expect(results.turnout.met).toBe(false);
      expect(results.turnout.ownersShort).toBe(90 - counted.voted.owners);
      expect(results.headline).toContain(`${results.turnout.ownersShort} 位业主`);
      expect(results.rule).toBe('three-quarters');
    });

    it('recounts every ballot and says the counters equal it', async () => {
      const r = await api.ok('recount', { decisionId: 'd-ready' }, TREASURER);
      expect(r.equal).toBe(true);
      expect(r.ballots).toBe(ballotsOf('d-ready').length);
      expect(r.counters).toEqual(r.recounted);
      expect(r.message).toContain('复核一致');
      expect(await api.err('recount', { decisionId: 'd-ready' }, owner('u2-01'))).toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('shows an owner their units, who voted for them and their own choice', async () => {
      const [unitId, ownerId] = tower.ownerWithProxy;
      const detail = await api.ok('detail', { decisionId: 'd-ready' }, ownerId);
      expect(detail.myUnits).toEqual([
        expect.objectContaining({
          unitId,
          canVote: true,
          as: 'owner',
          ballot: expect.objectContaining({ voice: 'owner', choice: 'yes', choiceLabel: '同意' }),
        }),
      ]);
      expect(detail.choices.map((c) => c.key)).toEqual(['yes', 'no', 'abstain']);
      expect(detail).toMatchObject({ canOrganize: false, canEnterPaper: false });
      const tenant = await api.ok('detail', { decisionId: 'd-ready' }, RESIDENT);
      expect(tenant.myUnits[0]).toMatchObject({ canVote: false, as: null });
      expect(tenant.myUnits[0]?.ballot?.choice ?? null).toBeNull();
    });
  });

  describe('closing and publishing', () => {
    it('takes no ballot after the deadline, then closes, posts the preliminary result and waits', async () => {
      const unitId = 'u10-01';
      expect(
        await api.err('cast', { decisionId: 'd-ended', unitId, choice: 'yes' }, owner(unitId)),
      ).toMatchObject({ code: 'FORBIDDEN', message: '表决已截止' });
      // Still open until someone closes it, but nobody should read it as running.
      expect(await api.ok('detail', { decisionId: 'd-ended' }, owner(unitId))).toMatchObject({
        status: 'open',
        statusLabel: '已截止，待计票',
        votingOpen: false,
      });
      expect(
        await api.err('publishPreliminary', { decisionId: 'd-ended' }, ORGANIZER),
      ).toMatchObject({
        code: 'CONFLICT',
      });
      const closed = await api.ok('close', { decisionId: 'd-ended' }, ORGANIZER);
      expect(closed.status).toBe('closed');
      const prelim = await api.ok('publishPreliminary', { decisionId: 'd-ended' }, ORGANIZER);
      expect(prelim.status).toBe('preliminary');
      expect(prelim.objectionEndsAt).not.toBeNull();
      expect(await api.err('publishFinal', { decisionId: 'd-ended' }, ORGANIZER)).toMatchObject({
        code: 'CONFLICT',
      });
      const decision = stored<Decision>(t, 'decisions').find((d) => d._id === 'd-ended');
      const ballots = ballotsOf('d-ended');
      expect(
        decision?.result &&
          sameCounters(decision.result.counters, recount(ballots, choicesOf(decision.question))),
      ).toBe(true);
    });

    it('publishes each voting unit with its area, choice and receipt, and no names', async () => {
      const list = await api.ok('published', { decisionId: 'd-ended' }, owner('u2-01'));
      const ballots = ballotsOf('d-ended');
      const units = ballots.flatMap((b) => b.units);
      expect(list.lines).toHaveLength(units.length);
      expect(list.totalBallots).toBe(ballots.length);
      expect(list.nextOffset).toBeNull();
      const first = ballots.find((b) => b.unitId === 'u2-01');
      expect(list.lines).toContainEqual(
        expect.objectContaining({ unitNo: '2-01', choice: first?.choice, receipt: first?.receipt }),
      );
      const text = JSON.stringify(list);
      expect(text).not.toMatch(/业主\d|owner-|openid|salt/);
      for (const b of ballots) expect(text).not.toContain(b.salt);
      expect(await api.err('published', { decisionId: 'd-ready' }, owner('u2-01'))).toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('publishes the final result once the objection period is over', async () => {
      const final = await api.ok('publishFinal', { decisionId: 'd-objection' }, ORGANIZER);
      expect(final).toMatchObject({ status: 'final', statusLabel: '已公布最终结果' });
      const results = await api.ok('results', { decisionId: 'd-objection' }, RESIDENT);
      expect(results.status).toBe('final');
      expect(results.rule).toBe('more-than-half');
      expect(results.passed).toBe(false);
      expect(results.headline).toContain('未通过');
    });
  });

  describe('drafts and notices', () => {
    it('creates, edits, posts and withdraws a notice, keeping what was posted frozen', async () => {
      const inSixteenDays = new Date(Date.now() + 16 * 24 * 3600_000).toISOString();
      const inThirtyDays = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
      const created = await api.ok(
        'create',
        {
          title: '电梯更换方案选择',
          matter: 'rebuild',
          question: {
            kind: 'plans',
            text: '选择方案',
            plans: [
              { key: 'A', title: '保留导轨', summary: '', costFen: 98_000_000 },
              { key: 'B', title: '整体更换', summary: '', costFen: null },
            ],
          },
          documents: [{ kind: 'comparison', title: '方案比较表', fileId: 'cloud://x/compare.pdf' }],
        },
        ORGANIZER,
      );
      expect(created).toMatchObject({ status: 'draft', noticeDays: 15, canOrganize: true });
      const decisionId = created.id;
      expect(await api.err('postNotice', { decisionId }, ORGANIZER)).toMatchObject({
        code: 'INVALID_INPUT',
      });
      const tooSoon = new Date(Date.now() + 10 * 24 * 3600_000).toISOString();
      await api.ok('edit', { decisionId, opensAt: tooSoon, closesAt: inThirtyDays }, ORGANIZER);
      expect(await api.err('postNotice', { decisionId }, ORGANIZER)).toMatchObject({
        code: 'CONFLICT',
      });
      await api.ok('edit', { decisionId, opensAt: inSixteenDays }, ORGANIZER);
      const posted = await api.ok('postNotice', { decisionId }, ORGANIZER);
      expect(posted.status).toBe('notice');
      expect(posted.choices.map((c) => c.key)).toEqual(['A', 'B', 'no', 'abstain']);
      expect(await api.err('edit', { decisionId, title: '改' }, ORGANIZER)).toMatchObject({
        code: 'CONFLICT',
      });
      expect(await api.err('open', { decisionId }, ORGANIZER)).toMatchObject({ code: 'CONFLICT' });
      expect((await api.ok('withdrawNotice', { decisionId }, ORGANIZER)).status).toBe('draft');
      expect(await api.err('detail', { decisionId }, owner('u2-01'))).toMatchObject({
        code: 'NOT_FOUND',
      });
      const listed = await api.ok('list', {}, owner('u2-01'));
      expect(listed.decisions.map((d) => d.id)).not.toContain(decisionId);
      expect((await api.ok('list', {}, ADMIN)).decisions.map((d) => d.id)).toContain(decisionId);
      expect(
        await api.err(
          'create',
          { title: 'x', matter: 'rebuild', question: { kind: 'proposal', text: 'x' } },
          owner('u2-01'),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
