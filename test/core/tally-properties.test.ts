/**
 * Properties of the tally over generated buildings: a model of the headcount rules, independence
 * from order, monotonicity in yes votes, and the shortfall being exactly the minimum.
 */
import fc from 'fast-check';
import {
  type BallotRecord,
  type Choice,
  type Counts,
  MATTERS,
  type Matter,
  type TallyCounters,
  type TallyResult,
  type UnitRecord,
  countHeads,
  tallyBallots,
  tallyFromCounters,
} from '../../core/tally';

const RUNS = { numRuns: 200 };

/** A person as the generator sees them: their units and, if they voted, their one choice. */
interface Person {
  kind: 'owner' | 'ownerless' | 'unsold';
  choice: Choice | null;
  units: { area: number; balloted: boolean; ownerField: string | undefined }[];
}

interface Vote {
  matter: Matter;
  people: Person[];
  units: UnitRecord[];
  ballots: BallotRecord[];
}

// Yes is weighted so a good share of generated votes pass and monotonicity has cases to bite on.
const choiceArb = fc.oneof(
  { arbitrary: fc.constant<Choice | null>('yes'), weight: 5 },
  { arbitrary: fc.constantFrom<Choice | null>('no', 'abstain', null), weight: 3 },
);
const unitArb = fc.record({
  area: fc.integer({ min: 1, max: 30000 }),
  balloted: fc.boolean(),
  ownerField: fc.option(fc.constantFrom('p0', 'p1', 'dev'), { nil: undefined }),
});
const ownerArb = fc.record({
  kind: fc.constant<'owner'>('owner'),
  choice: choiceArb,
  units: fc.array(unitArb, { minLength: 1, maxLength: 4 }),
});
const ownerlessArb = fc.record({
  kind: fc.constant<'ownerless'>('ownerless'),
  choice: choiceArb,
  units: fc.tuple(unitArb),
});
const unsoldArb = fc.record({
  kind: fc.constant<'unsold'>('unsold'),
  choice: choiceArb,
  units: fc.array(unitArb, { minLength: 1, maxLength: 5 }),
});

const voteArb: fc.Arbitrary<Vote> = fc
  .record({
    matter: fc.constantFrom(...MATTERS),
    owners: fc.array(fc.oneof(ownerArb, ownerlessArb), { minLength: 1, maxLength: 25 }),
    unsold: fc.option(unsoldArb, { nil: undefined }),
  })
  .map(({ matter, owners, unsold }) => {
    const people: Person[] = unsold === undefined ? owners : [...owners, unsold];
    const units: UnitRecord[] = [];
    const ballots: BallotRecord[] = [];
    people.forEach((person, p) => {
      person.units.forEach((u, i) => {
        const unit = `${p}-${i}`;
        const owner =
          person.kind === 'owner' ? `o${p}` : person.kind === 'unsold' ? u.ownerField : undefined;
        units.push({ unit, area: u.area, owner, unsold: person.kind === 'unsold' });
        // A voter ballots on some of their units, at least the first.
        if (person.choice !== null && (u.balloted || i === 0)) {
          ballots.push({ unit, choice: person.choice });
        }
      });
    });
    return { matter, people, units, ballots };
  });

function model(people: readonly Person[]): { owners: Counts; area: Counts } {
  const owners: Counts = { total: 0, voted: 0, yes: 0 };
  const area: Counts = { total: 0, voted: 0, yes: 0 };
  for (const person of people) {
    const a = person.units.reduce((sum, u) => sum + u.area, 0);
    owners.total += 1;
    area.total += a;
    if (person.choice === null) continue;
    owners.voted += 1;
    area.voted += a;
    if (person.choice === 'yes') {
      owners.yes += 1;
      area.yes += a;
    }
  }
  return { owners, area };
}

function tally(matter: Matter, units: readonly UnitRecord[], ballots: readonly BallotRecord[]) {
  const outcome = tallyBallots({ matter, units, ballots });
  if (!outcome.ok) throw new Error(`unexpected input error: ${outcome.error.message}`);
  return outcome.result;
}

function permutation<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

describe('tally properties', () => {
  it('counts owners and area as the headcount rules say', () => {
    fc.assert(
      fc.property(voteArb, (vote) => {
        expect(countHeads(vote.units, vote.ballots)).toEqual({ ok: true, ...model(vote.people) });
      }),
      RUNS,
    );
  });

  it('does not depend on the order of units or of ballots', () => {
    const arb = voteArb.chain((vote) =>
      fc.tuple(fc.constant(vote), permutation(vote.units), permutation(vote.ballots)),
    );
    fc.assert(
      fc.property(arb, ([vote, units, ballots]) => {
        expect(tally(vote.matter, units, ballots)).toEqual(
          tally(vote.matter, vote.units, vote.ballots),
        );
      }),
      RUNS,
    );
  });

  it('never turns passed into not passed when someone who had not voted votes yes', () => {
    const arb = voteArb
      .filter((vote) => vote.people.some((person) => person.choice === null))
      .chain((vote) => fc.tuple(fc.constant(vote), fc.nat()));
    fc.assert(
      fc.property(arb, ([vote, pick]) => {
        const silent = vote.people.flatMap((person, p) =>
          person.choice === null ? person.units.map((_, i) => `${p}-${i}`) : [],
        );
        const unit = silent[pick % silent.length] ?? '';
        const before = tally(vote.matter, vote.units, vote.ballots);
        const after = tally(vote.matter, vote.units, [...vote.ballots, { unit, choice: 'yes' }]);
        expect(after.owners.yes).toBe(before.owners.yes + 1);
        expect(after.area.yes).toBeGreaterThan(before.area.yes);
        if (before.passed) expect(after.passed).toBe(true);
        if (before.turnout.met) expect(after.turnout.met).toBe(true);
        if (before.approval.met) expect(after.approval.met).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('shortfall properties', () => {
  const countsArb = (max: number): fc.Arbitrary<Counts> =>
    fc.tuple(fc.integer({ min: 0, max }), fc.nat(), fc.nat()).map(([total, v, y]) => {
      const voted = v % (total + 1);
      return { total, voted, yes: y % (voted + 1) };
    });
  const countersArb: fc.Arbitrary<TallyCounters> = fc.record({
    matter: fc.constantFrom(...MATTERS),
    owners: countsArb(300),
    area: countsArb(5_000_000),
  });

  /** Adds k new voters (all yes when `yes`), growing the building if fewer than k are left. */
  const add = (counts: Counts, k: number, yes: boolean): Counts => ({
    total: Math.max(counts.total, counts.voted + k),
    voted: counts.voted + k,
    yes: counts.yes + (yes ? k : 0),
  });

  const retally = (c: TallyCounters, owners: number, area: number, yes: boolean): TallyResult =>
    tallyFromCounters({
      matter: c.matter,
      owners: add(c.owners, owners, yes),
      area: add(c.area, area, yes),
    });

  it('turnout: k more voters reach two thirds on that axis, k − 1 do not', () => {
    fc.assert(
      fc.property(countersArb, (c) => {
        const { ownersShort, areaShort } = tallyFromCounters(c).turnout;
        expect(c.owners.voted + ownersShort).toBeLessThanOrEqual(c.owners.total);
        expect(c.area.voted + areaShort).toBeLessThanOrEqual(c.area.total);
        expect(retally(c, ownersShort, areaShort, false).turnout.met).toBe(true);
        if (ownersShort > 0) {
          expect(retally(c, ownersShort - 1, areaShort, false).turnout.met).toBe(false);
        }
        if (areaShort > 0) {
          expect(retally(c, ownersShort, areaShort - 1, false).turnout.met).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('approval: k more yes voters carry it on that axis, k − 1 do not', () => {
    fc.assert(
      fc.property(countersArb, (c) => {
        const { ownersShort, areaShort } = tallyFromCounters(c).approval;
        expect(retally(c, ownersShort, areaShort, true).approval.met).toBe(true);
        if (ownersShort > 0) {
          expect(retally(c, ownersShort - 1, areaShort, true).approval.met).toBe(false);
        }
        if (areaShort > 0) {
          expect(retally(c, ownersShort, areaShort - 1, true).approval.met).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('a shortfall is zero exactly when its threshold is met', () => {
    fc.assert(
      fc.property(countersArb, (c) => {
        const r = tallyFromCounters(c);
        expect(r.turnout.met).toBe(r.turnout.ownersShort === 0 && r.turnout.areaShort === 0);
        expect(r.approval.met).toBe(r.approval.ownersShort === 0 && r.approval.areaShort === 0);
        expect(r.passed).toBe(r.turnout.met && r.approval.met);
      }),
      RUNS,
    );
  });

  it('with real ballots: k of the owners who had not voted, voting yes, carry the headcount', () => {
    const arb = fc
      .record({
        matter: fc.constantFrom(...MATTERS),
        yes: fc.nat({ max: 60 }),
        against: fc.nat({ max: 60 }),
      })
      .map(({ matter, yes, against }) => {
        // Every unit has the same area, so both axes need the same k; enough silent owners remain.
        const units: UnitRecord[] = [];
        const ballots: BallotRecord[] = [];
        const silent = 3 * (yes + against) + 2;
        for (let i = 0; i < yes + against + silent; i += 1) {
          units.push({ unit: `u${i}`, area: 100, owner: `p${i}` });
          if (i < yes + against) ballots.push({ unit: `u${i}`, choice: i < yes ? 'yes' : 'no' });
        }
        return { matter, units, ballots, next: yes + against };
      });
    fc.assert(
      fc.property(arb, ({ matter, units, ballots, next }) => {
        const k = tally(matter, units, ballots).approval.ownersShort;
        const newYes = (n: number): BallotRecord[] =>
          Array.from({ length: n }, (_, i) => ({ unit: `u${next + i}`, choice: 'yes' as const }));
        expect(tally(matter, units, [...ballots, ...newYes(k)]).approval.met).toBe(true);
        if (k > 0) {
          expect(tally(matter, units, [...ballots, ...newYes(k - 1)]).approval.met).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
