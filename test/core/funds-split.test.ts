import fc from 'fast-check';
import {
  SplitError,
  splitCost,
  splitWeights,
  type SplitInput,
  type SplitUnit,
} from '../../core/funds/split';

const input = (over: Partial<SplitInput> & Pick<SplitInput, 'units'>): SplitInput => ({
  totalFen: 100,
  method: 'area',
  coefficientsThousandths: new Map(),
  exempt: new Set(),
  ...over,
});
const u = (unit: string, floor: number, areaHundredths: number): SplitUnit => ({
  unit,
  floor,
  areaHundredths,
});

describe('splitCost: the worked rules', () => {
  it('splits by area exactly when it divides', () => {
    const shares = splitCost(
      input({ totalFen: 300_00, units: [u('2-01', 2, 100_00), u('2-02', 2, 200_00)] }),
    );
    expect(shares).toEqual([
      { unit: '2-01', fen: 100_00 },
      { unit: '2-02', fen: 200_00 },
    ]);
  });

  it('gives the leftover fen to the largest remainders', () => {
    // 100 × (1, 2, 4) / 7 = 14.28, 28.57, 57.14 → floors 14, 28, 57 (99); 28.57 has the largest remainder.
    const shares = splitCost(input({ units: [u('a', 2, 1), u('b', 2, 2), u('c', 2, 4)] }));
    expect(shares.map((s) => s.fen)).toEqual([14, 29, 57]);
  });

  it('breaks equal remainders in favour of the unit listed first', () => {
    expect(
      splitCost(
        input({ totalFen: 10, method: 'equal', units: [u('x', 3, 0), u('y', 2, 0), u('z', 2, 0)] }),
      ),
    ).toEqual([
      { unit: 'x', fen: 4 },
      { unit: 'y', fen: 3 },
      { unit: 'z', fen: 3 },
    ]);
    expect(
      splitCost(
        input({ totalFen: 10, method: 'equal', units: [u('z', 2, 0), u('y', 2, 0), u('x', 3, 0)] }),
      ).map((s) => s.fen),
    ).toEqual([4, 3, 3]);
  });

  it('weighs floor coefficient × area, exempt units pay nothing and need no coefficient', () => {
    const scheme = input({
      totalFen: 1_000_00,
      method: 'floor-coefficient',
      coefficientsThousandths: new Map([
        [3, 700],
        [9, 1300],
      ]),
      exempt: new Set(['1-01']),
      units: [u('1-01', 1, 80_00), u('3-01', 3, 100_00), u('9-01', 9, 100_00)],
    });
    expect(splitWeights(scheme)).toEqual([0n, 7_000_000n, 13_000_000n]);
    expect(splitCost(scheme).map((s) => s.fen)).toEqual([0, 35_000, 65_000]);
  });

  it('stays exact where floating point would not (¥100 million over 10,000 units)', () => {
    const units = Array.from({ length: 10_000 }, (_, i) =>
      u(`u${i}`, 2 + (i % 23), 5_000 + ((i * 7919) % 9_000)),
    );
    const total = 100_000_000_00;
    const shares = splitCost(input({ totalFen: total, units }));
    expect(shares.reduce((a, s) => a + s.fen, 0)).toBe(total);
    const W = units.reduce((a, x) => a + BigInt(x.areaHundredths), 0n);
    shares.forEach((s, i) => {
      const quota = (BigInt(total) * BigInt(units[i]?.areaHundredths ?? 0)) / W;
      expect(BigInt(s.fen) - quota).toBeGreaterThanOrEqual(0n);
      expect(BigInt(s.fen) - quota).toBeLessThanOrEqual(1n);
    });
  });

  it('refuses what cannot be split, with a reason in Chinese', () => {
    const bad: Array<[SplitInput, string, RegExp]> = [
      [input({ units: [] }), 'no-units', /没有参与分摊/],
      [input({ units: [u('a', 2, 1), u('a', 3, 1)] }), 'duplicate-unit', /a 重复/],
      [input({ exempt: new Set(['b']), units: [u('a', 2, 1)] }), 'unknown-exempt', /免摊房屋 b/],
      [
        input({ method: 'floor-coefficient', units: [u('a', 2, 1)] }),
        'no-coefficient',
        /2 楼没有楼层系数/,
      ],
      [input({ exempt: new Set(['a']), units: [u('a', 2, 1)] }), 'nobody-pays', /没有需要分摊/],
      [input({ units: [u('a', 2, 0)] }), 'nobody-pays', /没有需要分摊/],
      [input({ totalFen: -1, units: [u('a', 2, 1)] }), 'bad-total', /总额/],
      [input({ totalFen: 1.5, units: [u('a', 2, 1)] }), 'bad-total', /总额/],
    ];
    for (const [scheme, kind, message] of bad) {
      let caught: unknown;
      try {
        splitCost(scheme);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SplitError);
      expect((caught as SplitError).problem.kind).toBe(kind);
      expect((caught as SplitError).message).toMatch(message);
    }
  });
});

const arbScheme = fc
  .record({
    totalFen: fc.oneof(
      fc.integer({ min: 0, max: 1_000 }),
      fc.integer({ min: 0, max: 10_000_000_000 }),
    ),
    method: fc.constantFrom('area' as const, 'floor-coefficient' as const, 'equal' as const),
    units: fc.uniqueArray(
      fc.record({
        unit: fc.string({ minLength: 1, maxLength: 4 }),
        floor: fc.integer({ min: 1, max: 6 }),
        areaHundredths: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constant(8_591)),
      }),
      { minLength: 1, maxLength: 40, selector: (x) => x.unit },
    ),
    coefficients: fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 6, maxLength: 6 }),
    exemptMask: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  })
  .map(({ totalFen, method, units, coefficients, exemptMask }): SplitInput => ({
    totalFen,
    method,
    units,
    coefficientsThousandths: new Map(coefficients.map((k, i) => [i + 1, k])),
    exempt: new Set(units.filter((_, i) => exemptMask[i] && i % 3 === 0).map((x) => x.unit)),
  }))
  .filter((s) => splitWeights(s).some((w) => w > 0n));

describe('splitCost: properties', () => {
  it('Σ shares = total, each share is its quota or one fen more, exempt units pay 0', () => {
    fc.assert(
      fc.property(arbScheme, (scheme) => {
        const shares = splitCost(scheme);
        const weights = splitWeights(scheme);
        const W = weights.reduce((a, b) => a + b, 0n);
        expect(shares.map((s) => s.unit)).toEqual(scheme.units.map((x) => x.unit));
        expect(shares.reduce((a, s) => a + s.fen, 0)).toBe(scheme.totalFen);
        shares.forEach((s, i) => {
          const quota = (BigInt(scheme.totalFen) * (weights[i] ?? 0n)) / W;
          expect([quota, quota + 1n]).toContain(BigInt(s.fen));
          if (scheme.exempt.has(s.unit)) expect(s.fen).toBe(0);
        });
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('a unit’s share does not depend on where unrelated units are listed, except to break ties', () => {
    fc.assert(
      fc.property(arbScheme, fc.integer({ min: 0, max: 1_000_000 }), (scheme, salt) => {
        const weights = splitWeights(scheme);
        const W = weights.reduce((a, b) => a + b, 0n);
        const remainders = weights.map((w) => (BigInt(scheme.totalFen) * w) % W);
        const nonzero = remainders.filter((r) => r > 0n);
        fc.pre(new Set(nonzero).size === nonzero.length);
        const shuffled = [...scheme.units].sort(
          (a, b) =>
            ((a.unit.charCodeAt(0) * 31 + salt) % 97) - ((b.unit.charCodeAt(0) * 31 + salt) % 97),
        );
        const before = new Map(splitCost(scheme).map((s) => [s.unit, s.fen]));
        const after = new Map(
          splitCost({ ...scheme, units: shuffled }).map((s) => [s.unit, s.fen]),
        );
        expect(after).toEqual(before);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('an equal split differs by at most one fen, the extra fen going to the first listed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 50 }),
        (total, n) => {
          const units = Array.from({ length: n }, (_, i) => u(`u${i}`, 2, 0));
          const fen = splitCost(input({ totalFen: total, method: 'equal', units })).map(
            (s) => s.fen,
          );
          const base = Math.floor(total / n);
          expect(fen).toEqual(fen.map((_, i) => base + (i < total % n ? 1 : 0)));
        },
      ),
      { seed: 20261207 },
    );
  });
});
