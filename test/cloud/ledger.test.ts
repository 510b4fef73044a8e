/**
 * The ledger through the real function and the real SDK: cash from the door to the bank to the
 * treasurer, expenses, the public ledger read a page at a time, export and the red line — and the
 * chain verifies after all of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFileId } from '../../localcloud/storage/fileIds';
import { unitAccount } from '../../core/ledger/accounts';
import { verifyLedger, type StoredBalance, type StoredDoc } from '../../core/ledger/chain';
import type { TransferRequest } from '../../core/ledger/transfers';
import { shanghaiIso } from '../../core/registry/time';
import { postTransfersAlone } from '../../server/ledger/post';
import type { HeadDoc } from '../../server/ledger/store';
import {
  ledgerSeed,
  ORGANIZER,
  STAFF,
  STAFF_2,
  STAFF_TREASURER,
  TREASURER,
  TREASURER_2,
} from '../helpers/ledgerTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { putFile } from '../helpers/rosterFiles';
import { pointSdkAt } from '../helpers/wxSdk';
import { ledger, stored, type LedgerClient } from './ledgerApi';

const SHARE = 1000_00;

describe('ledger: cash custody, expenses and the public ledger', () => {
  let t: TestCloud;
  let api: LedgerClient;
  const { seed, unitIds, ownerOpenid } = ledgerSeed(24);
  const unit = (i: number): string => unitIds[i] ?? '';
  const ago = (hours: number): string => shanghaiIso(Date.now() - hours * 3600_000);
  const photo = (path: string): string => putFile(t, path, `photo of ${path}`);

  beforeAll(async () => {
    t = await startTestCloud({ seed });
    api = ledger(t);
    pointSdkAt(t.cloud);
    const charges = unitIds.map((u): TransferRequest => ({
      id: `charge:${u}`,
      kind: 'charge',
      from: 'assessments',
      to: unitAccount(u),
      amountFen: SHARE,
    }));
    await postTransfersAlone(charges, ago(200));
  });
  afterAll(() => t.stop());

  const verdict = () =>
    verifyLedger(
      stored<StoredDoc>(t, 'entries'),
      stored<StoredBalance>(t, 'balances'),
      stored<HeadDoc>(t, 'ledgerHead')[0] ?? null,
    );
  const cash = (i: number, no: string, amountFen = SHARE, hoursAgo = 1) => ({
    unitId: unit(i),
    amountFen,
    receivedAt: ago(hoursAgo),
    receiptNo: no,
    photoFileId: photo(`ledger/cash/${no}.jpg`),
    payerName: '钱大康',
  });

  it('shows the target from the charges and nothing collected yet', async () => {
    const view = await api.ok('overview', {}, STAFF);
    expect(view).toMatchObject({ targetFen: SHARE * unitIds.length, collectedFen: 0, percent: 0 });
    expect(view.units).toEqual({
      paid: 0,
      partly: 0,
      unpaid: unitIds.length,
      charged: unitIds.length,
    });
    expect(view.entryCount).toBe(unitIds.length);
  });

  it('records cash at the door as pending: the owner sees 现金已收，待入账', async () => {
    const receipt = await api.ok('recordCash', cash(0, 'R-001'), STAFF);
    expect(receipt).toMatchObject({
      settlement: 'pending',
      settlementLabel: '待出纳确认',
      overdue: false,
    });
    const mine = await api.ok('unitLedger', { unitId: unit(0) }, ownerOpenid.get(unit(0)) ?? STAFF);
    expect(mine.unit).toMatchObject({
      statusLabel: '现金已收，待入账',
      pendingCashFen: SHARE,
      leftFen: SHARE,
    });
    expect(mine.entries.map((e) => e.kind)).toEqual(['charge', 'cash']);
    expect(mine.entries[1]).toMatchObject({
      phase: 'pending',
      phaseLabel: '待确认',
      payerMasked: '钱*康',
    });
    expect((await api.ok('overview', {}, STAFF)).pendingCashFen).toBe(SHARE);
    // A retry of the same record is the same receipt, not a second one.
    await api.ok('recordCash', { ...cash(0, 'R-001'), receivedAt: receipt.receivedAt }, STAFF);
    expect(stored(t, 'cashReceipts')).toHaveLength(1);
  });

  it('refuses a receipt without its photo in storage, a reused receipt number, and nothing changes', async () => {
    const entries = stored(t, 'entries').length;
    const missing = await api.err(
      'recordCash',
      {
        ...cash(1, 'R-002'),
        photoFileId: `cloud://${t.cloud.envId}.local/ledger/cash/nothing.jpg`,
      },
      STAFF,
    );
    expect(missing).toMatchObject({ code: 'INVALID_INPUT' });
    expect(missing.message).toContain('没有找到');
    expect(
      await api.err(
        'recordCash',
        { ...cash(1, 'R-002'), photoFileId: photo('ballots/x.jpg') },
        STAFF,
      ),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await api.err('recordCash', cash(1, 'R-001', 5_00), STAFF)).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await api.err('recordCash', { ...cash(1, 'R-003'), receivedAt: ago(-2) }, STAFF),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await api.err('recordCash', cash(1, 'R 4'), STAFF)).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(stored(t, 'entries')).toHaveLength(entries);
  });

  it('lets only another person settle: the recorder cannot, even as treasurer; a void needs a reason', async () => {
    await api.ok('recordCash', cash(2, 'R-010', 300_00), STAFF_TREASURER);
    const own = await api.err(
      'settleCash',
      { receiptId: 'receipt:R-010', decision: 'post' },
      STAFF_TREASURER,
    );
    expect(own).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await api.err('settleCash', { receiptId: 'receipt:R-010', decision: 'post' }, STAFF),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await api.err('settleCash', { receiptId: 'receipt:R-010', decision: 'void' }, TREASURER),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    const posted = await api.ok(
      'settleCash',
      { receiptId: 'receipt:R-010', decision: 'post' },
      TREASURER,
    );
    expect(posted).toMatchObject({ settlement: 'posted', settlementLabel: '已入账' });
    const standing = await api.ok('unitLedger', { unitId: unit(2) }, STAFF);
    expect(standing.unit).toMatchObject({
      status: 'partly',
      statusLabel: '部分缴纳',
      paidFen: 300_00,
      leftFen: 700_00,
    });
    expect(
      await api.err(
        'settleCash',
        { receiptId: 'receipt:R-010', decision: 'void', reason: '录错' },
        TREASURER_2,
      ),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('voids cash with a reason: the unit is released and owes its whole share again', async () => {
    await api.ok('recordCash', cash(3, 'R-020', 200_00), STAFF_2);
    const voided = await api.ok(
      'settleCash',
      { receiptId: 'receipt:R-020', decision: 'void', reason: '业主已改为微信支付' },
      TREASURER,
    );
    expect(voided).toMatchObject({ settlement: 'voided', voidReason: '业主已改为微信支付' });
    const standing = await api.ok('unitLedger', { unitId: unit(3) }, STAFF);
    expect(standing.unit).toMatchObject({
      status: 'unpaid',
      pendingCashFen: 0,
      leftFen: SHARE,
      statusLabel: '未缴',
    });
    expect(standing.entries.map((e) => e.phase)).toEqual(['posted', 'pending', 'void']);
  });

  it('flags cash held more than 3 days in the treasurer’s queue', async () => {
    await api.ok('recordCash', cash(4, 'R-030', 100_00, 4 * 24 + 1), STAFF_2);
    const queue = await api.ok('treasurerQueue', {}, TREASURER);
    const old = queue.pendingCash.find((c) => c.receiptNo === 'R-030');
    expect(old).toMatchObject({ overdue: true, heldDays: 4 });
    expect(queue.pendingCash.find((c) => c.receiptNo === 'R-001')).toMatchObject({
      overdue: false,
    });
    expect(queue.overdueCount).toBe(1);
    expect(queue.anomalies).toEqual([]);
  });

  it('deposits receipts at the bank only when the sums match, each receipt once; the treasurer confirms', async () => {
    const slip = photo('ledger/deposits/S-1.jpg');
    await api.ok('recordCash', cash(5, 'R-040', 400_00), STAFF);
    const base = { slipNo: 'S-1', depositedAt: ago(0.5), slipFileId: slip };
    expect(
      await api.err(
        'recordDeposit',
        { ...base, amountFen: SHARE, receiptIds: ['receipt:R-001', 'receipt:R-040'] },
        STAFF,
      ),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      await api.err(
        'recordDeposit',
        { ...base, amountFen: 2 * SHARE, receiptIds: ['receipt:R-001', 'receipt:R-001'] },
        STAFF,
      ),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      await api.err(
        'recordDeposit',
        { ...base, amountFen: 100_00, receiptIds: ['receipt:R-030'] },
        STAFF,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const deposit = await api.ok(
      'recordDeposit',
      { ...base, amountFen: SHARE + 400_00, receiptIds: ['receipt:R-001', 'receipt:R-040'] },
      STAFF,
    );
    expect(deposit).toMatchObject({ status: 'pending', receiptNos: ['R-001', 'R-040'] });
    expect(
      await api.err(
        'recordDeposit',
        { ...base, slipNo: 'S-2', amountFen: SHARE, receiptIds: ['receipt:R-001'] },
        STAFF,
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await api.err(
        'settleCash',
        { receiptId: 'receipt:R-040', decision: 'void', reason: 'x' },
        TREASURER,
      ),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    const queue = await api.ok('treasurerQueue', {}, TREASURER);
    expect(queue.depositsAwaiting.map((d) => d.id)).toEqual(['deposit:S-1']);
    const before = await api.ok('overview', {}, STAFF);
    const confirmed = await api.ok(
      'confirmDeposit',
      { depositId: 'deposit:S-1', decision: 'confirm' },
      TREASURER,
    );
    expect(confirmed).toMatchObject({ status: 'confirmed', statusLabel: '已确认' });
    const after = await api.ok('overview', {}, STAFF);
    expect(after.collectedFen - before.collectedFen).toBe(SHARE + 400_00);
    expect(after.availableFen - before.availableFen).toBe(SHARE + 400_00);
    expect(after.units.paid).toBe(before.units.paid + 1);
    const owner = await api.ok('unitLedger', { unitId: unit(0) }, STAFF);
    expect(owner.unit).toMatchObject({ status: 'paid', statusLabel: '已缴清', leftFen: 0 });
    expect(
      await api.err(
        'confirmDeposit',
        { depositId: 'deposit:S-1', decision: 'reject', reason: 'x' },
        TREASURER_2,
      ),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('pays the contractor by milestone from the collection account, never more than it holds', async () => {
    const invoice = photo('ledger/invoices/INV-1.jpg');
    const big = await api.ok(
      'proposeExpense',
      { milestone: 'deposit', payee: '某电梯公司', amountFen: 100_000_00, invoiceFileId: invoice },
      ORGANIZER,
    );
    expect(big).toMatchObject({ status: 'proposed', milestoneLabel: '合同定金' });
    expect(
      await api.err('payExpense', { expenseId: big.id, decision: 'pay' }, TREASURER),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      await api.err(
        'proposeExpense',
        {
          milestone: 'deposit',
          payee: '某电梯公司',
          amountFen: 1,
          invoiceFileId: `cloud://${t.cloud.envId}.local/ledger/invoices/none.jpg`,
        },
        ORGANIZER,
      ),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    await api.ok(
      'payExpense',
      { expenseId: big.id, decision: 'reject', reason: '金额超过账户余额，改分期' },
      TREASURER,
    );
    const small = await api.ok(
      'proposeExpense',
      {
        milestone: 'deposit',
        payee: '某电梯公司',
        amountFen: 500_00,
        invoiceFileId: invoice,
        memo: '合同第3条',
      },
      ORGANIZER,
    );
    const paid = await api.ok('payExpense', { expenseId: small.id, decision: 'pay' }, TREASURER);
    expect(paid).toMatchObject({ status: 'paid', statusLabel: '已付款' });
    const view = await api.ok('overview', {}, STAFF);
    expect(view.expensesFen).toBe(500_00);
    expect((await api.ok('expenses', {}, STAFF)).expenses.map((e) => e.status).sort()).toEqual([
      'paid',
      'rejected',
    ]);
  });

  it('pages the entries newest first by seq and the units by standing', async () => {
    const total = stored(t, 'entries').length;
    const seen: number[] = [];
    let beforeSeq: number | undefined;
    for (;;) {
      const page = await api.ok(
        'entries',
        beforeSeq === undefined ? { limit: 7 } : { beforeSeq, limit: 7 },
        STAFF,
      );
      seen.push(...page.entries.map((e) => e.seq));
      if (page.nextBeforeSeq === null) break;
      beforeSeq = page.nextBeforeSeq;
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
    const unpaid = await api.ok('units', { status: 'unpaid', limit: 100 }, STAFF);
    const paid = await api.ok('units', { status: 'paid' }, STAFF);
    const partly = await api.ok('units', { status: 'partly' }, STAFF);
    const view = await api.ok('overview', {}, STAFF);
    expect([paid.units.length, partly.units.length, unpaid.units.length]).toEqual([
      view.units.paid,
      view.units.partly,
      view.units.unpaid,
    ]);
    expect(paid.units[0]?.ownerMasked).toMatch(/\*/);
  });

  it('exports every entry as CSV (and XLSX) to storage', async () => {
    const csv = await api.ok('export', { format: 'csv' }, TREASURER);
    expect(csv.rows).toBe(stored(t, 'entries').length);
    const parsed = parseFileId(csv.fileId);
    if (!parsed) throw new Error(`not a fileID: ${csv.fileId}`);
    const content = readFileSync(
      join(t.dataDir, 'storage', parsed.env, ...parsed.cloudPath.split('/')),
    );
    const lines = content.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(csv.rows + 1);
    expect(lines[0]).toContain('本条哈希');
    const xlsx = await api.ok('export', { format: 'xlsx' }, ORGANIZER);
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
  });

  it('imports the maintenance fund and shows the red line', async () => {
    const units = (seed.units as Array<{ _id: string; unitNo: string }>).slice(0, 10);
    const rows = units.map((u, i) => ({
      unitNo: u.unitNo,
      firstDepositFen: 10_000_00,
      balanceFen: i < 4 ? 2_000_00 : 8_000_00,
    }));
    expect(
      await api.err(
        'importFund',
        { rows: [...rows, { unitNo: '99-99', firstDepositFen: 1, balanceFen: 0 }] },
        ORGANIZER,
      ),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    await api.ok('importFund', { rows }, ORGANIZER);
    const view = await api.ok('redLine', {}, STAFF);
    expect(view).toMatchObject({
      units: 10,
      belowRedLine: 4,
      topUpFen: 4 * 3_000_00,
      selfRaisedTargetFen: SHARE * unitIds.length,
    });
    expect(view.consequences.join('')).toContain('90');
  });

  it('verifies: chain, head and balances agree with a recount', () => {
    expect(verdict()).toMatchObject({ ok: true, count: stored(t, 'entries').length });
  });
});
