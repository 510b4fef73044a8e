import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { runImport, type ImportIo } from '../../cli/commands/import';
import type { Building, Person, RosterImport, Unit } from '../../core/registry/model';
import { sdkEnv } from '../../localcloud/sdkEnv';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { QUIRKS, quirkyXlsx, workbookOf } from '../helpers/officeRosters';
import { csvOf, SMALL_TOWER, xlsxOf, type Sheet } from '../helpers/rosterFiles';
import { REPO_ROOT } from '../helpers/tongtiCli';

/**
 * `tongti import units FILE` against a fresh local cloud, through wx-server-sdk pointed by the
 * variables `tongti env` prints: bad rows by line, dry run, apply with a progress bar, re-import
 * without duplicates, XLSX and GBK files, and the real command line.
 */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  progress: string;
}

let t: TestCloud;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  t = await startTestCloud({});
  dir = mkdtempSync(join(tmpdir(), 'tongti-import-'));
  env = sdkEnv({ adminUrl: t.cloud.adminUrl, envId: t.cloud.envId });
  // wx-server-sdk reads where to talk to from the process environment.
  Object.assign(process.env, env);
});
afterAll(async () => {
  await t.stop();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(argv: string[], withEnv = true): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let progress = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => void (progress += chunk.toString('utf8')));
  const io: ImportIo = {
    readFile: (path) => readFileSync(path),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    progressStream: stream,
    env: withEnv ? { ...env, USER: 'tester' } : {},
    now: () => new Date(),
  };
  const code = await runImport(argv, io);
  return { code, stdout, stderr, progress };
}

const docs = <T>(collection: string): T[] =>
  t.cloud.database.listCollections().includes(collection)
    ? (t.cloud.database.documents(collection, 0, 10_000).docs as T[])
    : [];

describe('tongti import units', () => {
  it('reports every bad row with its line and column, and writes nothing', async () => {
    const bad: Sheet = [
      ['房号', '面积', '业主', '电话'],
      ['2-01', '138.52', '孙建国', '13900000001'],
      ['二楼一号', '90', '王伟', ''],
      ['2-03', '-5', '李敏', '12345'],
      ['2-01', '60', '赵静', ''],
    ];
    const path = file('bad.csv', csvOf(bad));
    const r = await run(['units', path]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith(path))).toEqual([
      `${path}:3: 房号: 房号“二楼一号”无法识别，请写成“楼层-室号”，例如 12-03、1203 或 12楼3室`,
      `${path}:4: 面积: 面积“-5”不对：应为平方米数，最多两位小数，例如 89.12`,
      `${path}:4: 电话: 电话“12345”无法识别`,
      `${path}:5: 房号: 房号 2-01 与第 2 行重复`,
    ]);
    expect(r.stderr).toContain('nothing imported');
    expect(docs('units')).toEqual([]);
  });

  it('needs an environment to write to', async () => {
    const r = await run(['units', file('tower.csv', csvOf(SMALL_TOWER))], false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tongti env');
  });

  it('previews a dry run, writing nothing', async () => {
    const path = file('tower.csv', csvOf(SMALL_TOWER));
    const r = await run(['units', path, '--dry-run', '--building-name', '测试公寓']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would create building building (测试公寓)');
    expect(r.stdout).toContain(
      `${path}: 6 rows — units: 6 new, 0 updated, 0 unchanged; people: 5 new, 0 updated`,
    );
    expect(r.stdout).toContain('ignored columns: 备注');
    expect(r.stdout).toContain('dry run: nothing written');
    expect(docs('units')).toEqual([]);
    expect(docs('buildings')).toEqual([]);
  });

  it('applies with a progress bar on stderr; a multi-unit owner is one person', async () => {
    const r = await run([
      'units',
      file('tower.csv', csvOf(SMALL_TOWER)),
      '--building-name',
      '测试公寓',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('applied');
    expect(r.progress).toContain('写入');
    expect(r.progress).toContain('11/11');
    const units = docs<Unit>('units');
    expect(units.map((u) => u.unitNo).sort()).toEqual([
      '2-01',
      '2-02',
      '2-03',
      '2-04',
      '3-01',
      '3-02',
    ]);
    const byNo = new Map(units.map((u) => [u.unitNo, u]));
    expect(byNo.get('2-01')?.ownerIds).toEqual(byNo.get('2-02')?.ownerIds);
    expect(byNo.get('2-03')?.ownerIds).toHaveLength(2);
    expect(byNo.get('3-01')).toMatchObject({ status: 'unsold', ownerIds: [] });
    expect(byNo.get('3-02')?.areaHundredths).toBe(8910);
    const people = docs<Person>('people');
    expect(people).toHaveLength(5);
    expect(people.find((p) => p.name === '赵静')).toMatchObject({
      overseas: true,
      livesIn: '加拿大 温哥华',
    });
    expect(people.find((p) => p.name === '孙建国')).toMatchObject({
      elderly: true,
      phone: '13900000001',
    });
    expect(docs<Building>('buildings')).toEqual([
      expect.objectContaining({ _id: 'building', name: '测试公寓', floors: 3 }),
    ]);
    expect(docs<RosterImport>('imports')).toEqual([
      expect.objectContaining({ source: 'cli', by: 'cli:tester', applied: true, created: 6 }),
    ]);
  });

  it('the same roster as an office keeps it — every quirk at once — changes nothing', async () => {
    const path = file('名册.xlsx', await quirkyXlsx(SMALL_TOWER, QUIRKS));
    const r = await run(['units', path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('units: 0 new, 0 updated, 6 unchanged; people: 0 new, 0 updated');
    expect(r.stdout).toMatch(/skipped .*名册\.xlsx:\d+: 合计（不是房屋）/);
    expect(r.stdout).toMatch(/skipped .*名册\.xlsx:\d+: 总计（不是房屋）/);
    expect(r.stdout).toContain('nothing to change');
  });

  it('asks which sheet when two look like a roster, and reads the one named', async () => {
    const roster = (area: number) => ({
      rows: [
        ['房号', '面积', '业主'],
        ['2-01', area, '孙建国'],
      ],
      merges: [],
    });
    const path = file(
      'two.xlsx',
      await workbookOf([
        { name: '2025名册', ...roster(138.5) },
        { name: '2026名册', ...roster(138.52) },
      ]),
    );
    const r = await run(['units', path, '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path}:1: 有 2 个工作表都像名册：“2025名册”、“2026名册”。请指定导入哪一个（运行时加 --sheet 工作表名）`,
    );
    expect(r.stderr).toContain('没有导入任何内容');
    const chosen = await run(['units', path, '--dry-run', '--sheet', '2026名册']);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('units: 0 new, 0 updated, 1 unchanged');
  });

  it('a re-import updates instead of duplicating', async () => {
    const same = await run(['units', file('tower.csv', csvOf(SMALL_TOWER))]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('units: 0 new, 0 updated, 6 unchanged; people: 0 new, 0 updated');
    expect(same.stdout).toContain('nothing to change');
    expect(same.progress).toBe('');

    const resurveyed = SMALL_TOWER.map((row) =>
      row[0] === '3-02' ? ['3-02', '3', '89.15', '自住', '陈磊', '13900000009', '否', '', ''] : row,
    );
    const xlsx = await run(['units', file('tower.xlsx', await xlsxOf(resurveyed))]);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout).toContain('units: 0 new, 1 updated, 5 unchanged; people: 0 new, 1 updated');
    expect(xlsx.stdout).toContain('update 3-02: area');
    expect(docs<Unit>('units')).toHaveLength(6);
    expect(docs<Unit>('units').find((u) => u.unitNo === '3-02')?.areaHundredths).toBe(8915);
    expect(docs<Person>('people').find((p) => p.name === '陈磊')?.phone).toBe('13900000009');
  });

  it('prints the namesakes it kept apart for lack of a phone, and counts them as two', async () => {
    const namesakes: Sheet = [
      ['房号', '楼层', '面积', '业主', '电话'],
      ['4-01', '4', '70.00', '刘洋', ''],
      ['4-02', '4', '71.00', '刘洋', ''],
    ];
    const path = file('namesakes.csv', csvOf(namesakes));
    const r = await run(['units', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`check ${path}:3: 4-02 的业主“刘洋”与 4-01 的业主同名`);
    const units = docs<Unit>('units').filter((u) => u.unitNo.startsWith('4-'));
    expect(new Set(units.map((u) => u.ownerIds[0])).size).toBe(2);
  });

  it('reads a GBK CSV as Excel in China saves it', async () => {
    const text = csvOf(SMALL_TOWER);
    const bytes = Buffer.from(encodeGbk(text));
    const r = await run(['units', file('tower-gbk.csv', bytes), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('units: 0 new, 1 updated, 5 unchanged');
  });

  it('runs as the real command, with the variables tongti env prints', async () => {
    const path = file('tower2.csv', csvOf(SMALL_TOWER));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'tongti.js'), 'import', 'units', path, '--dry-run'],
      { cwd: REPO_ROOT, env: { ...process.env, ...env } },
    );
    expect(stdout).toContain('dry run: nothing written');
    const usage = await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'tongti.js'), 'import', 'units', '--help'],
      { cwd: REPO_ROOT },
    );
    expect(usage.stdout).toContain('Usage: tongti import units FILE');
  }, 30_000);
});

/** GBK bytes for the characters the roster uses, from Node's own decoder run backwards. */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi += 1) {
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
