/**
 * The exports through the real function and the real SDK: each workbook is read back from
 * storage with exceljs, the way the committee's Excel reads it — rows, values, formats, and names
 * masked or in full by the caller's role.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Ballot } from '../../core/decisions';
import { cashAccount, unitAccount } from '../../core/ledger/accounts';
import type { TransferRequest } from '../../core/ledger/transfers';
import type { ContactStatus, Person } from '../../core/registry/model';
import { postTransfersAlone } from '../../server/ledger/post';
import { COLLECTIONS } from '../../server/collections';
import {
  ADMIN,
  ORGANIZER,
  RESIDENT,
  STAFF,
  STRANGER,
  TREASURER,
  towerSeed,
} from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { pointSdkAt } from '../helpers/wxSdk';
import { layoutOf, recordsOf, rowsOf, sheetOf, storedWorkbook } from '../helpers/workbooks';
import { decisions } from './decisionsApi';
import { exportsFn } from './exportsApi';
import { lastRequestsOf, stored } from './functionClient';
import { policyMismatches } from './policyMatrix';
import type { Principal } from '../../server/auth/policy';

const SHARE = 1000_00;
const FILE_TIME = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/;

function exportsSeed(): { seed: Record<string, object[]>; owner: string; proxy: string } {
  const tower = towerSeed(24);
  const people = tower.collections.people.map((p): Person =>
    p._id === 'p1' ? { ...p, phone: '13900000001', elderly: true } : p,
  );
  // A ballot taken by video, a channel this export must already name (vote channels grow).
  const ballots = tower.collections.ballots.map((b): Ballot =>
    b.decisionId === 'd-ended' && b.unitId === 'u2-05'
      ? { ...b, channel: 'video' as unknown as Ballot['channel'] }
      : b,
  );
  const contact: ContactStatus = {
    _id: 'u2-01',
    buildingId: 'tower',
    unitId: 'u2-01',
    reached: true,
    lastChannel: 'visit',
    overseas: null,
    needsHomeVisit: true,
    note: '老人在家，需上门',
    attempts: 2,
    updatedBy: '社区工作者',
    updatedAt: '2026-12-01T10:05:00+08:00',
  };
  const seed: Record<string, object[]> = Object.fromEntries(COLLECTIONS.map((c) => [c.name, []]));
  Object.assign(seed, tower.collections, { people, ballots, contacts: [contact] });
  return {
    seed,
    owner: tower.ownerOpenid.get('u2-01') ?? '',
    proxy: [...tower.proxyOf.values()][0] ?? '',
  };
}

describe('exports: spreadsheets for the committee and the office', () => {
  let t: TestCloud;
  const { seed, owner, proxy } = exportsSeed();
  const api = () => exportsFn(t);

  beforeAll(async () => {
    t = await startTestCloud({ seed });
    pointSdkAt(t.cloud);
    const units = (seed.units as Array<{ _id: string }>).map((u) => u._id);
    const charges = units.map((u): TransferRequest => ({
      id: `charge:${u}`,
      kind: 'charge',
      from: 'assessments',
      to: unitAccount(u),
      amountFen: SHARE,
      unitId: u,
    }));
    const at = '2026-12-01T09:00:00+08:00';
    await postTransfersAlone(charges, at);
    await postTransfersAlone(
      [
        {
          id: 'wx:4200000001',
          kind: 'payment',
          from: unitAccount('u2-01'),
          to: 'collection',
          amountFen: SHARE,
          unitId: 'u2-01',
          channel: 'wechat',
          payer: { name: '钱大康' },
        },
        {
          id: 'cash:M-1',
          kind: 'cash',
          from: unitAccount('u2-02'),
          to: cashAccount(STAFF),
          amountFen: SHARE,
          unitId: 'u2-02',
          channel: 'cash',
          pending: true,
          payer: { name: '业主2' },
        },
        {
          id: 'cash:M-2',
          kind: 'cash',
          from: unitAccount('u2-04'),
          to: cashAccount(STAFF),
          amountFen: SHARE,
          unitId: 'u2-04',
          channel: 'cash',
          pending: true,
        },
      ],
      '2026-12-02T10:30:00+08:00',
    );
    await postTransfersAlone(
      [
        {
          id: 'cash:M-2:void',
          kind: 'cash',
          from: unitAccount('u2-04'),
          to: cashAccount(STAFF),
          amountFen: SHARE,
          unitId: 'u2-04',
          channel: 'cash',
          voidPendingId: 'cash:M-2',
        },
      ],
      '2026-12-02T11:00:00+08:00',
    );
  });
  afterAll(() => t.stop());

  describe('a decision: the roll, the ballots and the tally', () => {
    it('lists every unit of the roll with its ballot, owners masked for organizers', async () => {
      const file = await api().ok('decision', { decisionId: 'd-ended' }, ORGANIZER);
      expect(file).toMatchObject({ rows: 24, names: 'masked' });
      expect(file.fileName).toMatch(/^表决名册-电梯更换与自筹资金-\d{8}-\d{4}\.xlsx$/);
      expect(file.tempUrl).toContain('/storage/');
      const book = await storedWorkbook(t, file.fileId);
      expect(book.worksheets.map((w) => w.name)).toEqual(['表决名册', '计票汇总']);
      const roll = sheetOf(book, '表决名册');
      expect(rowsOf(roll)[0]).toEqual([
        '房号',
        '面积（m²）',
        '业主',
        '表决意见',
        '方式',
        '投票人',
        '投票时间',
        '回执',
        '说明',
      ]);
      const rows = recordsOf(roll);
      expect(rows.size).toBe(24);
      expect([...rows.keys()].slice(0, 7)).toEqual([
        '2-01',
        '2-02',
        '2-03',
        '2-04',
        '2-05',
        '2-06',
        '3-01',
      ]);
      expect(rows.get('2-01')).toMatchObject({
        '面积（m²）': 138.52,
        业主: '业**',
        表决意见: '同意',
        方式: '线上',
        投票人: '本人',
      });
      expect(String(rows.get('2-01')?.['投票时间'])).toMatch(FILE_TIME);
      expect(rows.get('2-04')).toMatchObject({ 表决意见: '反对' });
      expect(rows.get('2-05')).toMatchObject({ 方式: '视频' });
      // One owner, two flats, one ballot: both rows carry it and say so.
      expect(rows.get('2-03')).toMatchObject({ 表决意见: '同意', 业主: '业**' });
      expect(String(rows.get('2-03')?.['说明'])).toContain('2-02、2-03');
      expect(rows.get('4-01')).toMatchObject({ 表决意见: '未投票', 方式: null, 投票时间: null });
      expect(rows.get('5-06')).toMatchObject({ 业主: '未售（开发商）' });
      expect(layoutOf(roll)).toMatchObject({
        frozenRows: 1,
        headerBold: true,
        formats: { '面积（m²）': '#,##0.00' },
      });
    });

    it('names owners in full for the committee admin', async () => {
      const file = await api().ok('decision', { decisionId: 'd-ended' }, ADMIN);
      expect(file.names).toBe('full');
      const rows = recordsOf(sheetOf(await storedWorkbook(t, file.fileId), '表决名册'));
      expect(rows.get('2-01')).toMatchObject({ 业主: '业主1' });
      expect(rows.get('2-03')).toMatchObject({ 业主: '业主2' });
    });

    it('sums up the tally and both thresholds as the results show them', async () => {
      const file = await api().ok('decision', { decisionId: 'd-ended' }, ORGANIZER);
      const results = await decisions(t).ok('results', { decisionId: 'd-ended' }, ORGANIZER);
      const summary = recordsOf(sheetOf(await storedWorkbook(t, file.fileId), '计票汇总'));
      expect(summary.get('全体业主')).toMatchObject({
        业主人数: results.electorate.owners,
        '面积（m²）': results.electorate.areaHundredths / 100,
      });
      expect(summary.get('已参与表决')).toMatchObject({
        业主人数: results.voted.owners,
        '面积（m²）': results.voted.areaHundredths / 100,
      });
      expect(summary.get('门槛一：参与表决')).toMatchObject({
        是否达到: results.turnout.met ? '已达到' : '未达到',
        还差人数: results.turnout.ownersShort,
        '还差面积（m²）': results.turnout.areaShortHundredths / 100,
      });
      const yes = results.options[0];
      expect(summary.get('门槛二：同意“同意”')).toMatchObject({
        业主人数: yes?.owners,
        是否达到: yes?.approval.met ? '已达到' : '未达到',
        还差人数: yes?.approval.ownersShort,
      });
      expect(summary.get('选择：反对')).toMatchObject({
        业主人数: results.choices.find((c) => c.key === 'no')?.owners,
      });
      expect(summary.get('通过标准')?.['说明']).toContain('四分之三');
      expect(summary.get('结果')?.['说明']).toBe(results.headline);
    });

    it('refuses an unknown decision and one not yet open, writing nothing', async () => {
      const before = stored(t, 'audit').length;
      expect(await api().err('decision', { decisionId: 'd-nope' }, ORGANIZER)).toMatchObject({
        code: 'NOT_FOUND',
        message: '没有找到这个表决议题',
      });
      const notOpen = await api().err('decision', { decisionId: 'd-ready' }, ORGANIZER);
      expect(notOpen).toMatchObject({ code: 'CONFLICT' });
      expect(notOpen.message).toContain('尚未开始表决');
      expect(await api().err('decision', { decisionId: '' }, ORGANIZER)).toMatchObject({
        code: 'INVALID_INPUT',
      });
      expect(stored(t, 'audit')).toHaveLength(before);
    });
  });

  describe('the money: each unit, every payment, the ledger', () => {
    it("gives each unit's charge, payments and what is left, money as ¥ from fen", async () => {
      const file = await api().ok('ledger', {}, TREASURER);
      expect(file).toMatchObject({ rows: 24, names: 'masked' });
      const book = await storedWorkbook(t, file.fileId);
      expect(book.worksheets.map((w) => w.name)).toEqual(['各户缴款', '缴款记录', '账本']);
      const units = sheetOf(book, '各户缴款');
      const rows = recordsOf(units);
      expect(rows.size).toBe(24);
      expect(rows.get('2-01')).toMatchObject({
        业主: '业**',
        '应缴（元）': 1000,
        '已缴（元）': 1000,
        '尚欠（元）': 0,
        状态: '已缴清',
        缴款笔数: 1,
        最近缴款: '2026年12月2日 10:30',
      });
      expect(rows.get('2-02')).toMatchObject({
        '现金待入账（元）': 1000,
        '尚欠（元）': 1000,
        状态: '现金已收，待入账',
        缴款笔数: 1,
      });
      // A voided cash receipt is no payment.
      expect(rows.get('2-04')).toMatchObject({ 状态: '未缴', 缴款笔数: 0, 最近缴款: null });
      expect(layoutOf(units)).toMatchObject({
        frozenRows: 1,
        headerBold: true,
        formats: {
          '面积（m²）': '#,##0.00',
          '应缴（元）': '"¥"#,##0.00',
          '尚欠（元）': '"¥"#,##0.00',
        },
      });
      const payments = rowsOf(sheetOf(book, '缴款记录'));
      expect(payments).toHaveLength(1 + 4);
      expect(payments[1]).toEqual([
        '2026年12月2日 10:30',
        '2-01',
        '缴款',
        '已入账',
        '微信支付',
        '钱*康',
        1000,
        null,
        'wx:4200000001',
      ]);
      const ledger = rowsOf(sheetOf(book, '账本'));
      expect(ledger).toHaveLength(1 + stored(t, 'entries').length);
      expect(ledger[0]).toContain('本条哈希');
      expect(ledger[1]?.[0]).toBe(1);
      expect(ledger[1]?.[4]).toBe(1000);
    });

    it('names payers and owners in full for the admin', async () => {
      const file = await api().ok('ledger', {}, ADMIN);
      const book = await storedWorkbook(t, file.fileId);
      expect(recordsOf(sheetOf(book, '各户缴款')).get('2-01')).toMatchObject({ 业主: '业主1' });
      expect(rowsOf(sheetOf(book, '缴款记录'))[1]?.[5]).toBe('钱大康');
    });
  });

  describe('the contact list', () => {
    it('gives the admin every unit with phone numbers, and records who took it', async () => {
      const file = await api().ok('contacts', {}, ADMIN);
      expect(file).toMatchObject({ rows: 24, names: 'full' });
      expect(file.fileName).toMatch(/^业主联系名单-\d{8}-\d{4}\.xlsx$/);
      const rows = recordsOf(sheetOf(await storedWorkbook(t, file.fileId), '联系名单'));
      expect(rows.size).toBe(24);
      expect(rows.get('2-01')).toMatchObject({
        业主: '业主1',
        电话: '13900000001',
        高龄: '是',
        需上门: '是',
        已联系上: '是',
        最近联络方式: '上门',
        联络次数: 2,
        最近联络: '2026年12月1日 10:05',
        备注: '老人在家，需上门',
      });
      expect(rows.get('2-02')).toMatchObject({ 已联系上: '否', 电话: null });
      expect(rows.get('5-06')).toMatchObject({ 状态: '未售', 业主: '开发商' });
      const audit = stored<{ action: string; who: string; detail: { fileId: string } }>(
        t,
        'audit',
      ).filter((a) => a.action === 'exports.contacts');
      expect(audit.at(-1)).toMatchObject({ who: ADMIN, detail: { fileId: file.fileId } });
    });

    it('keeps the files where nobody can guess them', async () => {
      const a = await api().ok('contacts', {}, ADMIN);
      const b = await api().ok('contacts', {}, ADMIN);
      expect(a.fileId).not.toBe(b.fileId);
      expect(a.fileId).toMatch(/\/exports\/contacts\/\d{8}-\d{4}-[0-9a-f]{16}\.xlsx$/);
    });
  });

  it('pages through the building in a few requests', () => {
    // At 24 units each export is one page of everything; the bench measures 10,000.
    expect(lastRequestsOf(t, 'exports', 'decision')).toBeLessThanOrEqual(8);
    expect(lastRequestsOf(t, 'exports', 'ledger')).toBeLessThanOrEqual(8);
    expect(lastRequestsOf(t, 'exports', 'contacts')).toBeLessThanOrEqual(8);
  });

  it('allows and refuses every export exactly as the policy table says', async () => {
    const persona: Record<Principal, string> = {
      guest: STRANGER,
      owner,
      resident: RESIDENT,
      proxy,
      staff: STAFF,
      treasurer: TREASURER,
      organizer: ORGANIZER,
      admin: ADMIN,
    };
    const mismatches = await policyMismatches(
      'exports',
      api(),
      { decision: { decisionId: 'd-nope' }, ledger: {}, contacts: {} },
      persona,
    );
    expect(mismatches).toEqual([]);
    expect(await api().err('ledger', {}, '')).toMatchObject({ code: 'UNAUTHENTICATED' });
  }, 120_000);

  it('leaves no file behind for a refused export', async () => {
    const dir = join(t.dataDir, 'storage', t.cloud.envId, 'exports', 'decision');
    const files = (): number => (existsSync(dir) ? readdirSync(dir).length : 0);
    const before = files();
    await api().err('decision', { decisionId: 'd-ended' }, STAFF);
    await api().err('decision', { decisionId: 'd-ready' }, ORGANIZER);
    expect(files()).toBe(before);
    await api().ok('decision', { decisionId: 'd-ended' }, ORGANIZER);
    expect(files()).toBe(before + 1);
  });
});
