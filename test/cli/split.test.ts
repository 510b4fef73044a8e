import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSplit } from '../../cli/commands/split';
import { REPO_ROOT } from '../helpers/tongtiCli';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(argv: string[], files: Record<string, string> = {}): Run {
  let stdout = '';
  let stderr = '';
  const code = runSplit(argv, {
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

const runDoc = (doc: unknown): Run => run(['--input', 's.json'], { 's.json': JSON.stringify(doc) });

const example = {
  totalFen: 168000000,
  method: 'floor-coefficient',
  coefficients: { '2': '0.7', '3': '0.8' },
  exempt: ['2-01'],
  units: [
    { unit: '2-01', floor: 2, area: '85.91' },
    { unit: '2-02', floor: 2, area: '85.91' },
    { unit: '3-01', floor: 3, area: '85.91' },
    { unit: '3-02', floor: 3, area: 60.5 },
  ],
};

function expectInvalid(result: Run, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^tongti split: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

describe('tongti split', () => {
  it('prints the shares as one JSON line in input order and exits 0', () => {
    const result = runDoc(example);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // weights 0, 700·8591, 800·8591, 800·6050 over 17,726,500; remainders settle the last fen.
    expect(result.stdout).toBe(
      '{"totalFen":168000000,"method":"floor-coefficient","shares":[{"unit":"2-01","fen":0},' +
        '{"unit":"2-02","fen":56993857},{"unit":"3-01","fen":65135836},{"unit":"3-02","fen":45870307}]}\n',
    );
  });

  it('splits by area and equally; equal needs no area and ties go to the unit listed first', () => {
    expect(
      JSON.parse(runDoc({ ...example, method: 'area', coefficients: undefined }).stdout),
    ).toEqual({
      totalFen: 168000000,
      method: 'area',
      // Without 2-01 the weights 8591 + 8591 + 6050 = 23232 divide 168,000,000 exactly.
      shares: [
        { unit: '2-01', fen: 0 },
        { unit: '2-02', fen: 62125000 },
        { unit: '3-01', fen: 62125000 },
        { unit: '3-02', fen: 43750000 },
      ],
    });
    expect(
      JSON.parse(
        runDoc({
          totalFen: 10,
          method: 'equal',
          units: [{ unit: 'a' }, { unit: 'b' }, { unit: 'c' }],
        }).stdout,
      ),
    ).toEqual({
      totalFen: 10,
      method: 'equal',
      shares: [
        { unit: 'a', fen: 4 },
        { unit: 'b', fen: 3 },
        { unit: 'c', fen: 3 },
      ],
    });
  });

  it.each([
    [
      'totalFen as text',
      { ...example, totalFen: '168000000' },
      /totalFen must be a non-negative integer/,
    ],
    ['negative totalFen', { ...example, totalFen: -1 }, /totalFen must be a non-negative integer/],
    [
      'fractional totalFen',
      { ...example, totalFen: 1.5 },
      /totalFen must be a non-negative integer/,
    ],
    ['unknown method', { ...example, method: 'floor' }, /method must be one of/],
    [
      'a floor without a coefficient',
      { ...example, coefficients: { '2': '0.7' } },
      /floor 3 .*has no coefficient/,
    ],
    [
      'a coefficient with four decimals',
      { ...example, coefficients: { '2': '0.7', '3': '0.8125' } },
      /more than 3 decimals/,
    ],
    [
      'a negative coefficient',
      { ...example, coefficients: { '2': '-0.7', '3': '0.8' } },
      /must not be negative/,
    ],
    [
      'an area with three decimals',
      { ...example, units: [{ unit: 'x', floor: 2, area: '85.915' }] },
      /area has more than 2 decimals/,
    ],
    [
      'a negative area',
      { ...example, units: [{ unit: 'x', floor: 2, area: '-85.91' }] },
      /area must not be negative/,
    ],
    [
      'a duplicated unit',
      { ...example, units: [...example.units, { unit: '3-02', floor: 3, area: '1' }] },
      /"3-02" is listed twice/,
    ],
    [
      'an exempt unit not listed',
      { ...example, exempt: ['9-09'] },
      /exempt: unit "9-09" is not in units/,
    ],
    ['no units', { ...example, units: [] }, /no units/],
    [
      'nobody left to pay',
      { ...example, exempt: example.units.map((x) => x.unit) },
      /nobody left to pay/,
    ],
    ['units not an array', { ...example, units: {} }, /units must be an array/],
  ])('refuses %s with one line on stderr and exit 2', (_name, doc, pattern) => {
    expectInvalid(runDoc(doc), pattern);
  });

  it('refuses malformed JSON, a missing file and bad arguments', () => {
    expectInvalid(run(['--input', 's.json'], { 's.json': '{"totalFen": 1,' }), /malformed JSON/);
    expectInvalid(run(['--input', 'missing.json']), /cannot read missing.json/);
    expectInvalid(run([]), /missing --input FILE/);
    expectInvalid(run(['--input']), /--input needs a FILE/);
    expectInvalid(run(['--bogus']), /unknown argument "--bogus"/);
  });

  it('runs as the real command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'split-'));
    try {
      const file = join(dir, 'scheme.json');
      writeFileSync(file, JSON.stringify(example));
      const bin = join(REPO_ROOT, 'bin', 'tongti.js');
      const out = execFileSync(process.execPath, [bin, 'split', '--input', file], {
        encoding: 'utf8',
      });
      expect(JSON.parse(out).shares).toHaveLength(4);
      writeFileSync(file, '[');
      const bad = spawnSync(process.execPath, [bin, 'split', '--input', file], {
        encoding: 'utf8',
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^tongti split: .*malformed JSON[^\n]*\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
