import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { nodeTallyIo, runTally } from '../../cli/commands/tally';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command against an in-memory file system. */
function run(argv: string[], files: Record<string, string> = {}): Run {
  let stdout = '';
  let stderr = '';
  const code = runTally(argv, {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

const runDoc = (doc: unknown): Run =>
  run(['--input', 'vote.json'], { 'vote.json': JSON.stringify(doc) });

const building = {
  matter: 'rebuild',
  units: [
    { unit: '12-03', area: '89.12', owner: 'p17', unsold: false },
    { unit: '12-04', area: 60.5, owner: 'p17', unsold: false },
    { unit: '13-01', area: '100.00', owner: 'p20', unsold: false },
    { unit: '13-02', area: 100, unsold: false },
    { unit: '24-01', area: '120.3', owner: 'dev', unsold: true },
    { unit: '24-02', area: 120.3, unsold: true },
  ],
  ballots: [
    { unit: '12-03', choice: 'yes' },
    { unit: '13-01', choice: 'yes' },
    { unit: '13-02', choice: 'abstain' },
  ],
};

function expectOneErrorLine(result: Run, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^tongti tally: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

describe('tongti tally', () => {
  it('prints the tally of a valid file as one exact JSON line and exits 0', () => {
    const result = runDoc(building);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '{"matter":"rebuild","rule":"three-quarters",' +
        '"owners":{"total":4,"voted":3,"yes":2},' +
        '"area":{"total":"590.22","voted":"349.62","yes":"249.62"},' +
        '"turnout":{"met":false,"ownersShort":0,"areaShort":"43.86"},' +
        '"approval":{"met":false,"ownersShort":1,"areaShort":"50.38"},' +
        '"passed":false}\n',
    });
  });

  it('exits 0 for a vote that passes too', () => {
    const ballots = [...building.ballots.slice(0, 2), { unit: '24-02', choice: 'yes' }];
    const result = runDoc({ ...building, matter: 'use-fund', ballots });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      rule: 'more-than-half',
      owners: { total: 4, voted: 3, yes: 3 },
      area: { total: '590.22', voted: '490.22', yes: '490.22' },
      passed: true,
    });
  });

  it('accepts --input=FILE and a UTF-8 byte order mark', () => {
    const result = run(['--input=v.json'], { 'v.json': `\uFEFF${JSON.stringify(building)}` });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\{"matter":"rebuild"[^\n]*\}\n$/);
  });

  it('reads a real file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongti-tally-'));
    try {
      const file = join(dir, 'vote.json');
      writeFileSync(file, JSON.stringify(building));
      expect(JSON.parse(nodeTallyIo.readFile(file))).toEqual(building);
      expect(() => nodeTallyIo.readFile(join(dir, 'missing.json'))).toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints usage for --help and exits 0', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: tongti tally --input FILE/);
  });

  const unit = (over: Record<string, unknown>) => ({ unit: 'x', area: '1.00', ...over });
  const withUnits = (...extra: unknown[]) => ({
    ...building,
    units: [...building.units, ...extra],
  });

  it.each<[string, unknown, RegExp]>([
    ['unknown matter', { ...building, matter: 'lifts' }, /matter: unknown matter "lifts"/],
    [
      'a ballot for an unknown unit',
      { ...building, ballots: [{ unit: '99-99', choice: 'yes' }] },
      /ballots\[0\]\.unit: unknown unit "99-99"/,
    ],
    [
      'two ballots for one unit',
      { ...building, ballots: [...building.ballots, { unit: '13-01', choice: 'yes' }] },
      /ballots\[3\]\.unit: second ballot for unit "13-01"/,
    ],
    [
      "one owner's units with different choices",
      { ...building, ballots: [...building.ballots, { unit: '12-04', choice: 'no' }] },
      /ballots\[3\]\.choice: owner "p17" chose "yes"/,
    ],
    [
      'a zero area',
      withUnits(unit({ area: '0.00' })),
      /units\[6\]\.area: must be greater than zero/,
    ],
    ['a negative area', withUnits(unit({ area: -3 })), /units\[6\]\.area: must be positive/],
    [
      'an area with three decimals',
      withUnits(unit({ area: 1.005 })),
      /units\[6\]\.area: .*two decimals/,
    ],
    [
      'an area that is not a number',
      withUnits(unit({ area: 'NaN' })),
      /units\[6\]\.area: must be a decimal/,
    ],
    [
      'a duplicated unit',
      withUnits(unit({ unit: '13-02' })),
      /units\[6\]\.unit: duplicated unit "13-02"/,
    ],
    [
      'an area of the wrong type',
      withUnits(unit({ area: null })),
      /units\[6\]\.area: must be a decimal string or a number/,
    ],
    [
      'an owner of the wrong type',
      withUnits(unit({ owner: 17 })),
      /units\[6\]\.owner: must be a non-empty string/,
    ],
    [
      'an unknown choice',
      { ...building, ballots: [{ unit: '12-03', choice: 'Y' }] },
      /ballots\[0\]\.choice: must be one of yes, no, abstain/,
    ],
    ['a document that is not an object', 'units', /input: must be an object/],
  ])('rejects %s with exit 2 and one stderr line', (_name, doc, pattern) => {
    expectOneErrorLine(runDoc(doc), pattern);
  });

  it('rejects malformed JSON', () => {
    expectOneErrorLine(
      run(['--input', 'bad.json'], { 'bad.json': '{"matter": "rebuild",\n' }),
      /bad\.json: malformed JSON: /,
    );
  });

  it('rejects a missing --input', () => {
    expectOneErrorLine(run([]), /missing --input FILE/);
  });

  it('rejects --input without a file', () => {
    expectOneErrorLine(run(['--input']), /--input needs a FILE/);
  });

  it('rejects an unknown argument', () => {
    expectOneErrorLine(
      run(['--input', 'v.json', '--fast'], { 'v.json': '{}' }),
      /unknown argument "--fast"/,
    );
  });

  it('rejects an unreadable file', () => {
    expectOneErrorLine(run(['--input', 'gone.json']), /cannot read gone\.json: ENOENT/);
  });

  it('keeps a multi-line failure on one line', () => {
    const result = runTally(['--input', 'f'], {
      readFile: () => {
        throw new Error('first line\nsecond line');
      },
      stdout: () => undefined,
      stderr: (text) => expect(text).toBe('tongti tally: cannot read f: first line second line\n'),
    });
    expect(result).toBe(2);
  });
});
