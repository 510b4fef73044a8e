import {
  type BallotRecord,
  MATTERS,
  type UnitRecord,
  countHeads,
  ruleFor,
  tallyBallots,
} from '../../core/tally';

const unit = (id: string, area: number, owner?: string, unsold = false): UnitRecord => ({
  unit: id,
  area,
  owner,
  unsold,
});

function heads(units: readonly UnitRecord[], ballots: readonly BallotRecord[]) {
  const result = countHeads(units, ballots);
  if (!result.ok) throw new Error(`unexpected input error: ${result.error.message}`);
  return { owners: result.owners, area: result.area };
}

function error(units: readonly UnitRecord[], ballots: readonly BallotRecord[]) {
  const result = countHeads(units, ballots);
  if (result.ok) throw new Error('expected an input error');
  return result.error;
}

describe('matters and their rules (art. 278)', () => {
  it('lists items 1–9 in order', () => {
    expect(MATTERS).toEqual([
      'rules',
      'covenant',
      'committee',
      'manager',
      'use-fund',
      'raise-fund',
      'rebuild',
      'common-use',
      'other',
    ]);
  });

  it('needs three quarters for items 6, 7, 8 only', () => {
    expect(MATTERS.filter((m) => ruleFor(m) === 'three-quarters')).toEqual([
      'raise-fund',
      'rebuild',
      'common-use',
    ]);
    expect(ruleFor('use-fund')).toBe('more-than-half');
  });
});

describe('countHeads', () => {
  it('counts an owner of several units once, with the whole area behind one ballot', () => {
    const result = heads(
      [unit('1-01', 8912, 'p1'), unit('1-02', 7000, 'p1'), unit('1-03', 5000, 'p2')],
      [{ unit: '1-02', choice: 'yes' }],
    );
    expect(result.owners).toEqual({ total: 2, voted: 1, yes: 1 });
    expect(result.area).toEqual({ total: 20912, voted: 15912, yes: 15912 });
  });

  it('accepts one owner voting the same way on several units, counting them once', () => {
    const result = heads(
      [unit('1-01', 100, 'p1'), unit('1-02', 200, 'p1'), unit('1-03', 300, 'p1')],
      [
        { unit: '1-01', choice: 'no' },
        { unit: '1-03', choice: 'no' },
      ],
    );
    expect(result.owners).toEqual({ total: 1, voted: 1, yes: 0 });
    expect(result.area).toEqual({ total: 600, voted: 600, yes: 0 });
  });

  it('counts all unsold units as one owner, whatever their owner field says', () => {
    const result = heads(
      [
        unit('1-01', 100, 'dev', true),
        unit('1-02', 200, undefined, true),
        unit('1-03', 300, 'someone', true),
        unit('1-04', 400, 'dev'),
      ],
      [{ unit: '1-02', choice: 'yes' }],
    );
    expect(result.owners).toEqual({ total: 2, voted: 1, yes: 1 });
    expect(result.area).toEqual({ total: 1000, voted: 600, yes: 600 });
  });

  it('treats a sold unit without an owner as its own owner', () => {
    const result = heads(
      [unit('1-01', 100), unit('1-02', 200), unit('1-03', 300, '1-01')],
      [{ unit: '1-01', choice: 'abstain' }],
    );
    expect(result.owners).toEqual({ total: 3, voted: 1, yes: 0 });
    expect(result.area).toEqual({ total: 600, voted: 100, yes: 0 });
  });

  it('counts an abstention as voted but not yes', () => {
    const result = heads(
      [unit('a', 100, 'p1'), unit('b', 300, 'p2')],
      [
        { unit: 'a', choice: 'yes' },
        { unit: 'b', choice: 'abstain' },
      ],
    );
    expect(result.owners).toEqual({ total: 2, voted: 2, yes: 1 });
    expect(result.area).toEqual({ total: 400, voted: 400, yes: 100 });
  });

  it('rejects a duplicated unit', () => {
    expect(error([unit('a', 1, 'p1'), unit('b', 1), unit('a', 2, 'p2')], [])).toEqual({
      path: 'units[2].unit',
      message: 'duplicated unit "a"',
    });
  });

  it('rejects a ballot for an unknown unit', () => {
    expect(error([unit('a', 1)], [{ unit: 'b', choice: 'yes' }])).toEqual({
      path: 'ballots[0].unit',
      message: 'unknown unit "b"',
    });
  });

  it('rejects two ballots for one unit, even with the same choice', () => {
    const e = error(
      [unit('a', 1)],
      [
        { unit: 'a', choice: 'yes' },
        { unit: 'a', choice: 'yes' },
      ],
    );
    expect(e.path).toBe('ballots[1].unit');
    expect(e.message).toMatch(/second ballot for unit "a".*ballots\[0\]/);
  });

  it('rejects one owner choosing differently on two units', () => {
    const e = error(
      [unit('a', 1, 'p1'), unit('b', 1, 'p1'), unit('c', 1, 'p1')],
      [
        { unit: 'a', choice: 'yes' },
        { unit: 'b', choice: 'yes' },
        { unit: 'c', choice: 'abstain' },
      ],
    );
    expect(e.path).toBe('ballots[2].choice');
    expect(e.message).toMatch(/owner "p1" chose "yes" in ballots\[0\] but "abstain"/);
  });

  it('rejects different choices among the unsold units', () => {
    const e = error(
      [unit('a', 1, 'x', true), unit('b', 1, 'y', true)],
      [
        { unit: 'a', choice: 'no' },
        { unit: 'b', choice: 'yes' },
      ],
    );
    expect(e.message).toMatch(/the unsold units chose "no"/);
  });

  it.each([0, -5, 1.5, Number.NaN, 100_000_001])('rejects an area of %p hundredths', (area) => {
    expect(error([unit('a', 10), unit('b', area)], []).path).toBe('units[1].area');
  });
});

describe('tallyBallots', () => {
  it('returns the input error instead of a result', () => {
    const outcome = tallyBallots({
      matter: 'rebuild',
      units: [unit('a', 1)],
      ballots: [{ unit: 'z', choice: 'no' }],
    });
    expect(outcome).toEqual({
      ok: false,
      error: { path: 'ballots[0].unit', message: 'unknown unit "z"' },
    });
  });

  it('decides a small building', () => {
    const outcome = tallyBallots({
      matter: 'rebuild',
      units: [
        unit('a', 300, 'p1'),
        unit('b', 100, 'p2'),
        unit('c', 100, 'p3'),
        unit('d', 100, 'p4'),
      ],
      ballots: [
        { unit: 'a', choice: 'yes' },
        { unit: 'b', choice: 'yes' },
        { unit: 'c', choice: 'yes' },
      ],
    });
    expect(outcome).toEqual({
      ok: true,
      result: {
        matter: 'rebuild',
        rule: 'three-quarters',
        owners: { total: 4, voted: 3, yes: 3 },
        area: { total: 600, voted: 500, yes: 500 },
        turnout: { met: true, ownersShort: 0, areaShort: 0 },
        approval: { met: true, ownersShort: 0, areaShort: 0 },
        passed: true,
      },
    });
  });
});
