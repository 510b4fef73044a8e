import { formatInputError, formatPath, readTallyInput, tallyDocument } from '../../core/tally';

function problem(raw: unknown): string {
  const read = tallyDocument(raw);
  if (read.ok) throw new Error('expected an input error');
  return formatInputError(read.error);
}

const doc = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  matter: 'rebuild',
  units: [
    { unit: '12-03', area: '89.12', owner: 'p17', unsold: false },
    { unit: '12-04', area: 75.5 },
    { unit: '1-01', area: '120', unsold: true },
  ],
  ballots: [{ unit: '12-03', choice: 'yes' }],
  ...over,
});

describe('readTallyInput', () => {
  it('reads areas as integer hundredths from text or numbers', () => {
    const read = readTallyInput(doc());
    expect(read).toEqual({
      ok: true,
      input: {
        matter: 'rebuild',
        units: [
          { unit: '12-03', area: 8912, owner: 'p17', unsold: false },
          { unit: '12-04', area: 7550 },
          { unit: '1-01', area: 12000, unsold: true },
        ],
        ballots: [{ unit: '12-03', choice: 'yes' }],
      },
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [], /^input: must be an object/],
    [
      'unknown matter',
      doc({ matter: 'elevators' }),
      /^matter: unknown matter "elevators"; expected one of rules, covenant/,
    ],
    ['missing matter', doc({ matter: undefined }), /^matter: missing matter/],
    ['units not an array', doc({ units: {} }), /^units: must be an array of units/],
    ['no units', doc({ units: [] }), /^units: must list at least one unit/],
    [
      'area of the wrong type',
      doc({ units: [{ unit: 'a', area: true }] }),
      /^units\[0\]\.area: must be a decimal string or a number$/,
    ],
    [
      'area with three decimals',
      doc({
        units: [
          { unit: 'a', area: 1 },
          { unit: 'b', area: '89.125' },
        ],
      }),
      /^units\[1\]\.area: must have at most two decimals/,
    ],
    [
      'unit id not a string',
      doc({ units: [{ unit: 7, area: 1 }] }),
      /^units\[0\]\.unit: must be a non-empty string$/,
    ],
    [
      'empty owner',
      doc({ units: [{ unit: 'a', area: 1, owner: '' }] }),
      /^units\[0\]\.owner: must be a non-empty string$/,
    ],
    [
      'unsold not a boolean',
      doc({ units: [{ unit: 'a', area: 1, unsold: 'no' }] }),
      /^units\[0\]\.unsold: must be true or false$/,
    ],
    ['ballots missing', doc({ ballots: undefined }), /^ballots: must be an array of ballots$/],
    [
      'unknown choice',
      doc({ ballots: [{ unit: '12-03', choice: 'maybe' }] }),
      /^ballots\[0\]\.choice: must be one of yes, no, abstain$/,
    ],
    ['several problems', doc({ matter: 1, ballots: 2 }), /^matter: .*\(and 1 more problem\)$/],
  ])('reports %s on one line naming the path', (_name, raw, pattern) => {
    const line = problem(raw);
    expect(line).toMatch(pattern);
    expect(line).not.toMatch(/\n/);
  });

  it('reports headcount problems after the shape is right', () => {
    expect(problem(doc({ ballots: [{ unit: 'nowhere', choice: 'no' }] }))).toBe(
      'ballots[0].unit: unknown unit "nowhere"',
    );
  });
});

describe('formatPath', () => {
  it('writes array indices in brackets and names the root', () => {
    expect(formatPath(['units', 3, 'area'])).toBe('units[3].area');
    expect(formatPath([])).toBe('input');
  });
});
