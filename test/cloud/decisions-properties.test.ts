/**
 * A property of the whole casting path, through the real function: whatever happens during an
 * open vote — flats re-measured, voters changed, flats added, owners, proxies, newly made voters
 * and staff with paper ballots casting and re-casting in any order — the result equals a tally of
 * the roll frozen at opening and the last valid voice of each person.
 */
import fc from 'fast-check';
import type { Ballot, Decision } from '../../core/decisions';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { ORGANIZER, STAFF, type Tower, towerSeed } from '../helpers/decisionsTower';
import { putFile } from '../helpers/rosterFiles';
import { database, type Db } from '../helpers/sdkDatabase';
import { loadWxSdk, pointSdkAt } from '../helpers/wxSdk';
import { type DecisionsClient, decisions, stored } from './decisionsApi';

const RUNS = 12;
const CHOICES = ['yes', 'no', 'abstain'] as const;

type Op =
  | { kind: 'owner' | 'proxy' | 'newVoter' | 'paper'; unit: number; choice: number }
  | { kind: 'remeasure' | 'setVoter'; unit: number }
  | { kind: 'addUnit' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('owner', 'proxy', 'newVoter', 'paper'),
    unit: fc.nat(),
    choice: fc.nat(2),
  }),
  fc.record({ kind: fc.constantFrom('remeasure', 'setVoter'), unit: fc.nat() }),
  fc.constant({ kind: 'addUnit' as const }),
) as fc.Arbitrary<Op>;

interface Expected {
  choice: string;
  voice: 'owner' | 'proxy';
  channel: 'online' | 'paper';
}

describe('decisions: the result is the frozen roll and each person’s last valid voice', () => {
  let t: TestCloud;
  let api: DecisionsClient;
  let tower: Tower;
  let db: Db;

  beforeAll(async () => {
    tower = towerSeed(24);
    const ready = tower.collections.decisions.find((d) => d._id === 'd-ready') as Decision;
    for (let run = 0; run < RUNS; run += 1) {
      tower.collections.decisions.push({ ...ready, _id: `d-prop-${run}` });
    }
    t = await startTestCloud({ seed: tower.collections });
    api = decisions(t);
    pointSdkAt(t.cloud);
    db = database(loadWxSdk());
  });
  afterAll(() => t.stop());

  it('holds for random sequences of roster changes and casts', async () => {
    // Single-flat owners voting online, of whom some have a proxy for everything.
    const flats = [...tower.ownerOpenid.keys()].filter(
      (u) => !tower.twoFlats.some((pair) => pair.includes(u)),
    );
    const areaOf = new Map(tower.collections.units.map((u) => [u._id, u.areaHundredths]));
    const originalOwners = new Map(tower.collections.units.map((u) => [u._id, u.ownerIds]));
    let run = 0;
    let added = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
        const decisionId = `d-prop-${run}`;
        run += 1;
        // Each run starts from the registry as seeded, then opens its own decision.
        for (const [unitId, ownerIds] of originalOwners) {
          await db
            .collection('units')
            .doc(unitId)
            .update({ data: { ownerIds, areaHundredths: areaOf.get(unitId) } });
        }
        const unitsAtOpen = tower.collections.units.length + added;
        await api.ok('open', { decisionId }, ORGANIZER);
        const expected = new Map<string, Expected>();
        let photos = 0;
        for (const op of ops) {
          if (op.kind === 'addUnit') {
            await db.collection('units').add({
              data: {
                ...tower.collections.units[0],
                _id: undefined,
                unitNo: `30-${added}`,
                ownerIds: [`p-new-owner-${added}`],
              },
            });
            added += 1;
            continue;
          }
          const unitId = flats[op.unit % flats.length] ?? '';
          if (op.kind === 'remeasure') {
            await db
              .collection('units')
              .doc(unitId)
              .update({ data: { areaHundredths: (areaOf.get(unitId) ?? 0) + 1234 } });
            continue;
          }
          if (op.kind === 'setVoter') {
            const owners = originalOwners.get(unitId) ?? [];
            await db
              .collection('units')
              .doc(unitId)
              .update({ data: { ownerIds: ['p-someone-else', ...owners] } });
            continue;
          }
          const choice = CHOICES['choice' in op ? op.choice : 0] ?? 'yes';
          const previous = expected.get(unitId);
          const request = { decisionId, unitId, choice };
          if (op.kind === 'owner') {
            await api.ok('cast', request, tower.ownerOpenid.get(unitId) ?? '');
            expected.set(unitId, { choice, voice: 'owner', channel: 'online' });
          } else if (op.kind === 'proxy') {
            const proxy = tower.proxyOf.get(unitId);
            if (!proxy) continue;
            const r = await api.call('cast', request, proxy);
            if (previous?.voice === 'owner') expect(r.ok).toBe(false);
            else {
              expect(r.ok).toBe(true);
              expected.set(unitId, { choice, voice: 'proxy', channel: 'online' });
            }
          } else if (op.kind === 'newVoter') {
            const r = await api.call('cast', request, 'o-stranger-made-voter');
            expect(r.ok).toBe(false);
          } else {
            photos += 1;
            const photoFileId = putFile(t, `ballots/${decisionId}/${unitId}-${photos}.jpg`, 'form');
            const r = await api.call(
              'paperBallot',
              { ...request, photoFileId, signedBy: 'owner' },
              STAFF,
            );
            if (previous?.voice === 'owner' && previous.channel === 'online') {
              expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
            } else {
              expect(r.ok).toBe(true);
              expected.set(unitId, { choice, voice: 'owner', channel: 'paper' });
            }
          }
        }
        const ballots = stored<Ballot>(t, 'ballots').filter((b) => b.decisionId === decisionId);
        expect(
          Object.fromEntries(
            ballots.map((b) => [
              b.unitId,
              { choice: b.choice, voice: b.voice, channel: b.channel },
            ]),
          ),
        ).toEqual(Object.fromEntries(expected));
        for (const b of ballots) expect(b.area).toBe(areaOf.get(b.unitId));
        const results = await api.ok('results', { decisionId }, ORGANIZER);
        const votedArea = [...expected.keys()].reduce((s, u) => s + (areaOf.get(u) ?? 0), 0);
        expect(results.voted).toMatchObject({ owners: expected.size, areaHundredths: votedArea });
        for (const key of CHOICES) {
          const picked = [...expected].filter(([, e]) => e.choice === key);
          expect(results.choices.find((c) => c.key === key)).toMatchObject({
            owners: picked.length,
            areaHundredths: picked.reduce((s, [u]) => s + (areaOf.get(u) ?? 0), 0),
          });
        }
        expect(results.electorate.units).toBe(unitsAtOpen);
      }),
      { numRuns: RUNS, seed: 20261202 },
    );
    // Dozens of calls a run through real workers: on a busy 2-core machine that takes seconds.
  }, 120_000);
});
