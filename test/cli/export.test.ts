import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../server/collections';
import { towerSeed } from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { type CliRun, runTongti, withoutSdkEnv } from '../helpers/tongtiCli';
import { recordsOf, sheetOf, workbookFrom } from '../helpers/workbooks';
import { stored } from '../cloud/functionClient';

/**
 * `tongti export` as the real command against a real local cloud: the workbook it writes is read
 * back with exceljs; a bad decision id, a decision not yet open and a FILE that cannot be written
 * exit 2 and write nothing.
 */
jest.setTimeout(60_000);

describe('tongti export', () => {
  let t: TestCloud;
  let dir: string;
  let port: string;

  beforeAll(async () => {
    const tower = towerSeed(24);
    const seed: Record<string, object[]> = Object.fromEntries(COLLECTIONS.map((c) => [c.name, []]));
    Object.assign(seed, tower.collections);
    t = await startTestCloud({ seed });
    port = new URL(t.cloud.adminUrl).port;
    dir = mkdtempSync(join(tmpdir(), 'tongti-export-'));
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function tongtiExport(args: string[], withPort = true): Promise<CliRun> {
    return runTongti(['export', ...args, ...(withPort ? ['--port', port] : [])], withoutSdkEnv());
  }

  it("writes a decision's roll with names in full, and records who took it", async () => {
    const out = join(dir, 'decision.xlsx');
    const run = await tongtiExport(['decision', 'd-ended', '--out', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      out,
      rows: 24,
      sheets: ['表决名册', '计票汇总'],
    });
    const rows = recordsOf(sheetOf(await workbookFrom(readFileSync(out)), '表决名册'));
    expect(rows.size).toBe(24);
    expect(rows.get('2-01')).toMatchObject({ 业主: '业主1', 表决意见: '同意', 方式: '线上' });
    const audit = stored<{ action: string; who: string; target: string }>(t, 'audit');
    expect(audit.at(-1)).toMatchObject({ action: 'exports.decision', target: 'decision:d-ended' });
    expect(audit.at(-1)?.who).toMatch(/^cli:/);
  });

  it('writes the money and the contact list', async () => {
    const money = join(dir, 'money.xlsx');
    expect((await tongtiExport(['ledger', '--out', money])).code).toBe(0);
    const book = await workbookFrom(readFileSync(money));
    expect(book.worksheets.map((w) => w.name)).toEqual(['各户缴款', '缴款记录', '账本']);
    expect(recordsOf(sheetOf(book, '各户缴款')).get('2-01')).toMatchObject({ 状态: '无应缴' });
    const contacts = join(dir, 'contacts.xlsx');
    expect((await tongtiExport(['contacts', '--out', contacts])).code).toBe(0);
    const list = recordsOf(sheetOf(await workbookFrom(readFileSync(contacts)), '联系名单'));
    expect(list.get('2-01')).toMatchObject({ 业主: '业主1', 已联系上: '否' });
  });

  it('refuses a decision that does not exist or has not opened, writing nothing', async () => {
    const out = join(dir, 'none.xlsx');
    const missing = await tongtiExport(['decision', 'd-nope', '--out', out]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('没有找到这个表决议题 (d-nope)');
    const notOpen = await tongtiExport(['decision', 'd-ready', '--out', out]);
    expect(notOpen.code).toBe(2);
    expect(notOpen.stderr).toContain('尚未开始表决');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a FILE it cannot write before reading anything, and keeps an existing one', async () => {
    const nowhere = await tongtiExport(['ledger', '--out', join(dir, 'no-such-folder', 'x.xlsx')]);
    expect(nowhere).toMatchObject({ code: 2, stdout: '' });
    expect(nowhere.stderr).toContain('does not exist');
    const folder = await tongtiExport(['ledger', '--out', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a folder');
    const kept = join(dir, 'kept.xlsx');
    writeFileSync(kept, 'before');
    expect((await tongtiExport(['decision', 'd-nope', '--out', kept])).code).toBe(2);
    expect(readFileSync(kept, 'utf8')).toBe('before');
  });

  it('says what is wrong with the arguments', async () => {
    expect(await tongtiExport(['ledger'])).toMatchObject({ code: 2 });
    expect((await tongtiExport(['ledger'])).stderr).toContain('missing --out FILE');
    expect((await tongtiExport(['decision', '--out', join(dir, 'a.xlsx')])).stderr).toContain(
      'needs the decision ID',
    );
    expect((await tongtiExport(['votes', '--out', join(dir, 'a.xlsx')])).code).toBe(2);
    const noEnv = await tongtiExport(['ledger', '--out', join(dir, 'a.xlsx')], false);
    expect(noEnv.code).toBe(1);
    expect(noEnv.stderr).toContain('no environment');
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
  });
});
