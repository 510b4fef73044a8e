/**
 * Properties over generated buildings and cast sequences: the kept counters always equal a
 * recount of the ballots; the outcome does not depend on the order ballots came in; the owner's
 * own ballot is never displaced by a proxy; and the live result agrees with `tongti tally`'s rules
 * on the exported ballots.
 */
import fc from 'fast-check';
import {
  type Decision,
  type RollInputUnit,
  choicesOf,
  personFor,
  personKeyOf,
  recount,
  resultOf,
  sameCounters,
  tallyInputOf,
} from '../../core/decisions';
import { MATTERS, tallyBallots } from '../../core/tally';
import { BallotBox, PLANS, PROPOSAL, type Cast, openDecision } from './decisions-fixtures';

const RUNS = { numRuns: 150 };

/** The person a cast for `unitId` stands for, as the roll says. */
function personOf(decision: Decision, roll: readonly RollInputUnit[], unitId: string): string {
  const unit = roll.find((u) => u.unitId === unitId);
  if (!unit || !decision.electorate) throw new Error(`no unit ${unitId}`);
  return personFor(decision.electorate, unit, personKeyOf(unit)).key;
}

/** A roll of 1–30 people: some hold several units, some units are unsold. */
const rollArb: fc.Arbitrary<RollInputUnit[]> = fc
  .array(
    fc.record({
      unsold: fc.boolean(),
      areas: fc.array(fc.integer({ min: 1, max: 40000 }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((people) => {
    const roll: RollInputUnit[] = [];
    people.forEach((p, i) => {
      // A third of unsold draws really are unsold; the rest are owners (often multi-unit).
      const unsold = p.unsold && i % 3 === 0;
      p.areas.forEach((area) => {
        const n = roll.length + 1;
        roll.push({
          unitId: `u${String(n).padStart(3, '0')}`,
          unitNo: `${Math.floor(n / 6) + 2}-${String((n % 6) + 1).padStart(2, '0')}`,
          area,
          voterId: unsold ? null : `p${i}`,
          unsold,
        });
      });
    });
    return roll;
  });

const castArb = (roll: readonly RollInputUnit[], choices: readonly string[]): fc.Arbitrary<Cast> =>
  fc.record({
    unitId: fc.constantFrom(...roll.map((u) => u.unitId)),
    choice: fc.constantFrom(...choices),
    voice: fc.constantFrom<'owner' | 'proxy'>('owner', 'proxy'),
    channel: fc.constantFrom<'online' | 'paper'>('online', 'online', 'paper'),
  });

const scenarioArb = fc
  .tuple(rollArb, fc.constantFrom(PROPOSAL, PLANS), fc.integer({ min: 1, max: 8 }))
  .chain(([roll, question, shards]) =>
    fc.record({
      roll: fc.constant(roll),
      question: fc.constant(question),
      shards: fc.constant(shards),
      casts: fc.array(castArb(roll, choicesOf(question)), { maxLength: 80 }),
    }),
  );

describe('counters', () => {
  it('equal a recount after any sequence of casts, re-casts, proxies and overrides', () => {
    fc.assert(
      fc.property(scenarioArb, ({ roll, question, shards, casts }) => {
        const decision = openDecision(roll, { question, shards });
        const box = new BallotBox(decision, roll);
        for (const c of casts) box.cast(c);
        const ballots = [...box.ballots.values()];
        expect(sameCounters(box.counters(), recount(ballots, choicesOf(question)))).toBe(true);
        // One ballot per person: the people behind the ballots are all different.
        expect(new Set(ballots.map((b) => b.personKey)).size).toBe(ballots.length);
        const counted = box.counters();
        expect(counted.voted.owners).toBe(ballots.length);
        expect(counted.voted.area).toBeLessThanOrEqual(decision.electorate?.area ?? 0);
        // Each shard holds exactly its own ballots.
        box.shards.forEach((shard, i) => {
          const own = ballots.filter((b) => b.shard === i);
          expect(sameCounters(shard, recount(own, choicesOf(question)))).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it("never let a proxy displace the owner's own ballot; the last accepted cast stands", () => {
    fc.assert(
      fc.property(scenarioArb, ({ roll, question, shards, casts }) => {
        const decision = openDecision(roll, { question, shards });
        const box = new BallotBox(decision, roll);
        const ownerSpoke = new Set<string>();
        const last = new Map<string, string>();
        for (const c of casts) {
          const outcome = box.cast(c);
          if (!outcome.ok) {
            expect(outcome.refusal.code).toBe('OWNER_ALREADY_VOTED');
            expect(c.voice).toBe('proxy');
            expect(ownerSpoke.has(personOf(decision, roll, c.unitId))).toBe(true);
            continue;
          }
          const key = outcome.ballot.personKey;
          if (c.voice === 'proxy') expect(ownerSpoke.has(key)).toBe(false);
          if (c.voice === 'owner') ownerSpoke.add(key);
          last.set(key, c.choice);
        }
        for (const ballot of box.ballots.values()) {
          expect(ballot.choice).toBe(last.get(ballot.personKey));
          expect(ballot.voice).toBe(ownerSpoke.has(ballot.personKey) ? 'owner' : 'proxy');
        }
      }),
      RUNS,
    );
  });
});

describe('the result', () => {
  it('does not depend on the order the ballots came in', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc.record({
            s: fc.constant(s),
            order: fc.shuffledSubarray(s.casts, { minLength: s.casts.length }),
          }),
        ),
        fc.constantFrom(...MATTERS),
        ({ s, order }, matter) => {
          // One cast per person (the first one for each unit's person), in two orders.
          const decision = openDecision(s.roll, { question: s.question, shards: s.shards, matter });
          const seen = new Set<string>();
          const once = s.casts.filter((c) => {
            const key = personOf(decision, s.roll, c.unitId);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
          const shuffled = order.filter((c) => once.includes(c));
          const a = new BallotBox(decision, s.roll);
          const b = new BallotBox(decision, s.roll);
          for (const c of once) a.must({ ...c, voice: 'owner' });
          for (const c of shuffled) b.must({ ...c, voice: 'owner' });
          if (!decision.electorate) throw new Error('no electorate');
          const ra = resultOf(decision, decision.electorate, a.shards);
          const rb = resultOf(decision, decision.electorate, b.shards);
          expect(rb).toEqual(ra);
        },
      ),
      RUNS,
    );
  });

  it('agrees with the tally of the exported ballots (the rules of `tongti tally`)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...MATTERS), ({ roll, shards, casts }, matter) => {
        const decision = openDecision(roll, { question: PROPOSAL, shards, matter });
        const box = new BallotBox(decision, roll);
        for (const c of casts)
          box.cast({ ...c, choice: ['no', 'abstain'].includes(c.choice) ? c.choice : 'yes' });
        if (!decision.electorate) throw new Error('no electorate');
        const live = resultOf(decision, decision.electorate, box.shards);
        const exported = tallyBallots(tallyInputOf(matter, roll, [...box.ballots.values()]));
        if (!exported.ok) throw new Error(exported.error.message);
        expect(live.options[0]?.tally).toEqual(exported.result);
        expect(live.passed).toBe(exported.result.passed);
      }),
      RUNS,
    );
  });
});
