import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Charge, PayOrder } from '../../core/funds/model';
import type { EntryDoc } from '../../core/ledger/transfers';
import type { Member, Unit } from '../../core/registry/model';
import { demoBuilding } from '../../cli/seed';
import { sdkEnv } from '../../localcloud/sdkEnv';
import type { CashReceiptDoc, ExpenseDoc } from '../../server/ledger/documents';
import type { HeadDoc } from '../../server/ledger/store';
import { funds } from '../cloud/fundsApi';
import { ledger, stored } from '../cloud/ledgerApi';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { REPO_ROOT } from '../helpers/tongtiCli';

/**
 * The demo building's money, loaded as `tongti serve --seed demo` loads it, must be what the
 * real use cases would have written: the real `tongti ledger verify` finds the chain and the
 * balances sound, the public overview and an owner's account tell the story (two thirds
 * collected through every channel), and the real treasurer and WeChat Pay steps carry on from
 * the seeded chain without a seam.
 */
jest.setTimeout(120_000);

const TARGET = 98_000_000;

describe('the demo building: money in motion', () => {
  const seed = demoBuilding(Date.now());
  const c = seed.collections as unknown as {
    members: Member[];
    units: Unit[];
    charges: Charge[];
    payOrders: PayOrder[];
    cashReceipts: CashReceiptDoc[];
    expenses: ExpenseDoc[];
  };
  let t: TestCloud;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections, seedFiles: seed.files });
    env = sdkEnv({ adminUrl: t.cloud.adminUrl, envId: t.cloud.envId });
  });
  afterAll(() => t.stop());

  const verify = async (): Promise<{ ok: boolean; count: number; headHash: string }> => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'tongti.js'), 'ledger', 'verify'],
      { cwd: REPO_ROOT, env: { ...process.env, ...env } },
    );
    return JSON.parse(stdout) as { ok: boolean; count: number; headHash: string };
  };
  const head = (): HeadDoc => stored<HeadDoc>(t, 'ledgerHead')[0] as HeadDoc;

  it('has every channel in the story, each with its evidence in storage', () => {
    const channels = new Set(c.payOrders.map((o) => o.channel));
    expect(channels).toEqual(new Set(['wechat', 'pay-link']));
    expect(c.payOrders.every((o) => o.status === 'paid')).toBe(true);
    const settlements = c.cashReceipts.map((r) => r.settlement);
    expect(settlements).toEqual(expect.arrayContaining(['posted', 'pending', 'voided']));
    expect(c.cashReceipts.filter((r) => r.settlement === 'voided')).toEqual([
      expect.objectContaining({ voidReason: expect.stringMatching(/作废/) }),
    ]);
    const paths = Object.keys(seed.files);
    for (const r of c.cashReceipts) {
      expect(r.photoFileId).toContain('/ledger/cash/');
      expect(paths.some((p) => r.photoFileId.endsWith(p))).toBe(true);
    }
    expect(c.expenses).toEqual([expect.objectContaining({ milestone: 'deposit', status: 'paid' })]);
    expect(c.expenses[0]?.invoiceFileId).toContain('/ledger/invoices/');
    expect(c.charges.reduce((s, ch) => s + ch.fen, 0)).toBe(TARGET);
  });

  it('passes the real `tongti ledger verify` with at least 40 entries', async () => {
    const run = await verify();
    expect(run.ok).toBe(true);
    expect(run.count).toBeGreaterThanOrEqual(40);
    expect(run.headHash).toBe(head().hash);
  });

  it('shows about two thirds collected on the public ledger, and an owner their own account', async () => {
    const api = ledger(t);
    const overview = await api.ok('overview', {}, 'demo-staff1');
    expect(overview.targetFen).toBe(TARGET);
    const share = (overview.collectedFen + overview.pendingCashFen) / TARGET;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.75);
    expect(overview.pendingCashFen).toBeGreaterThan(0);
    expect(overview.expensesFen).toBe(c.expenses[0]?.amountFen);
    expect(overview.units.charged).toBe(c.charges.length);
    expect(overview.units.paid + overview.units.partly + overview.units.unpaid).toBe(
      c.charges.length,
    );
    expect(overview.entryCount).toBe(head().seq);

    const paidOnline = c.payOrders.find((o) => o.channel === 'wechat' && o.payer.openid);
    const payerOpenid = paidOnline?.payer.openid ?? '';
    const account = await funds(t).ok('myAccount', {}, payerOpenid);
    const unit = account.units.find((u) => u.unitId === paidOnline?.unitId);
    const charge = c.charges.find((ch) => ch.unitId === paidOnline?.unitId);
    expect(unit).toMatchObject({
      chargedFen: charge?.fen,
      paidFen: c.payOrders
        .filter((o) => o.unitId === paidOnline?.unitId)
        .reduce((s, o) => s + o.amountFen, 0),
    });
    expect(unit?.movements.map((m) => m.kind)).toEqual(expect.arrayContaining(['charge']));
  });

  it('shows the maintenance fund at its red line: most flats below 30 %', async () => {
    const red = await ledger(t).ok('redLine', {}, 'demo-staff1');
    expect(red.units).toBe(c.units.length);
    expect(red.belowRedLine * 2).toBeGreaterThan(red.units);
    expect(red.belowRedLine).toBeLessThan(red.units);
    expect(red.selfRaisedTargetFen).toBe(TARGET);
    expect(red.consequences.length).toBeGreaterThan(0);
  });

  it('lets the treasurer post the pending cash through the real function, and verify still passes', async () => {
    const api = ledger(t);
    const pending = c.cashReceipts.filter((r) => r.settlement === 'pending');
    const before = head();
    for (const r of pending) {
      const view = await api.ok(
        'settleCash',
        { receiptId: r._id, decision: 'post' },
        'demo-treasurer',
      );
      expect(view.settlement).toBe('posted');
    }
    const after = head();
    expect(after.seq).toBe(before.seq + pending.length);
    expect(after.pendingPaidFen).toBe(0);
    expect(after.collectedFen).toBe(
      (before.collectedFen ?? 0) + pending.reduce((s, r) => s + r.amountFen, 0),
    );
    const run = await verify();
    expect(run).toMatchObject({ ok: true, count: after.seq, headHash: after.hash });
  });

  it('appends a new WeChat payment through the real function and pay simulator to the seeded chain', async () => {
    const paid = new Set(c.payOrders.map((o) => o.unitId));
    const cashUnits = new Set(c.cashReceipts.map((r) => r.unitId));
    const owner = c.members.find(
      (m) =>
        m.roles.includes('owner') &&
        m.unitIds.length === 1 &&
        !paid.has(m.unitIds[0] ?? '') &&
        !cashUnits.has(m.unitIds[0] ?? ''),
    );
    if (!owner) throw new Error('no unpaid owner in the demo');
    const unitId = owner.unitIds[0] ?? '';
    const before = head();
    const order = await funds(t).ok('createOrder', { unitId, amountFen: 500_00 }, owner.openid);
    const sim = await t.cloud.pay.simulate(order.outTradeNo, 'success');
    expect(sim.notify.acknowledged).toBe(true);
    const after = head();
    expect(after.seq).toBe(before.seq + 1);
    const last = stored<EntryDoc>(t, 'entries').find((e) => e.seq === after.seq);
    expect(last).toMatchObject({ prevHash: before.hash, unitId, amountFen: 500_00 });
    expect(after.collectedFen).toBe((before.collectedFen ?? 0) + 500_00);
    const run = await verify();
    expect(run).toMatchObject({ ok: true, count: after.seq, headHash: after.hash });
  });
});
