/**
 * The posting API (server/ledger/post.ts, balances.ts) against a real local cloud through the
 * real wx-server-sdk: idempotency, two-phase exactly once, balances = recount, a burst of
 * concurrent postings all landing once.
 */
import { cashAccount, unitAccount } from '../../core/ledger/accounts';
import { recount, totals } from '../../core/ledger/balances';
import { verifyLedger, type StoredBalance, type StoredDoc } from '../../core/ledger/chain';
import type { EntryDoc, TransferRequest } from '../../core/ledger/transfers';
import { balancesOf, unitEntries } from '../../server/ledger/balances';
import { postTransfers, postTransfersAlone } from '../../server/ledger/post';
import type { HeadDoc } from '../../server/ledger/store';
import { inTransaction, registryDb } from '../../server/repository/docs';
import { ensureCollections } from '../../server/repository/ensureCollections';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { pointSdkAt } from '../helpers/wxSdk';

const AT = '2026-12-01T10:00:00+08:00';

describe('ledger posting through the real SDK', () => {
  let t: TestCloud;

  beforeAll(async () => {
    t = await startTestCloud();
    pointSdkAt(t.cloud);
    await ensureCollections(registryDb());
  });
  afterAll(() => t.stop());

  const all = <T>(name: string): T[] => t.cloud.database.documents(name, 0, 1_000_000).docs as T[];
  const verdict = () =>
    verifyLedger(
      all<StoredDoc>('entries'),
      all<StoredBalance>('balances'),
      all<HeadDoc>('ledgerHead')[0] ?? null,
    );

  const charge = (unit: string, fen: number): TransferRequest => ({
    id: `charge:${unit}`,
    kind: 'charge',
    from: 'assessments',
    to: unitAccount(unit),
    amountFen: fen,
  });

  it('posts a charge and a payment once, and answers a repeat as duplicate', async () => {
    const first = await postTransfersAlone([charge('1-01', 100_00)], AT);
    expect(first).toEqual([{ id: 'charge:1-01', outcome: 'posted', seq: 1 }]);
    const pay: TransferRequest = {
      id: 'pay:tx-1',
      kind: 'payment',
      from: unitAccount('1-01'),
      to: 'collection',
      amountFen: 40_00,
      channel: 'pay-link',
      payer: { name: '钱大康', openid: 'o-friend' },
      refs: { transactionId: 'tx-1' },
    };
    expect(await postTransfersAlone([pay], AT)).toEqual([
      { id: 'pay:tx-1', outcome: 'posted', seq: 2 },
    ]);
    expect(await postTransfersAlone([pay, charge('1-01', 100_00)], AT)).toEqual([
      { id: 'pay:tx-1', outcome: 'duplicate', seq: 2 },
      { id: 'charge:1-01', outcome: 'duplicate', seq: 1 },
    ]);
    const balances = await balancesOf([
      unitAccount('1-01'),
      'collection',
      'assessments',
      'refunds',
    ]);
    expect(balances.get(unitAccount('1-01'))).toMatchObject({ postedFen: 60_00, pendingFen: 0 });
    expect(balances.get('collection')).toMatchObject({ postedFen: 40_00 });
    expect(balances.get('refunds')).toMatchObject({ postedFen: 0, pendingFen: 0 });
    const entries = await unitEntries('1-01');
    expect(entries.map((e) => e.id)).toEqual(['charge:1-01', 'pay:tx-1']);
    expect(entries[1]).toMatchObject({ unitId: '1-01', payer: { name: '钱大康' } });
    expect(verdict()).toMatchObject({ ok: true, count: 2 });
  });

  it('refuses a reused id with another amount, writing nothing', async () => {
    await expect(
      postTransfersAlone([{ ...charge('1-01', 100_00), amountFen: 1 }], AT),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(all('entries')).toHaveLength(2);
  });

  it('rolls back a whole batch when one request is invalid', async () => {
    await expect(
      postTransfersAlone([charge('1-02', 50_00), { ...charge('1-03', 0), id: 'charge:zero' }], AT),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(all('entries')).toHaveLength(2);
    expect((await balancesOf([unitAccount('1-02')])).get(unitAccount('1-02'))?.postedFen).toBe(0);
  });

  it('posts inside the caller’s transaction together with its own document', async () => {
    const db = registryDb();
    await inTransaction(db, async (tx) => {
      await postTransfers(tx, [charge('1-02', 50_00)], AT);
      await tx.set('audit', 'a-ledger-1', { at: AT, what: 'charged 1-02' });
    });
    expect(all<{ _id: string }>('audit').map((a) => a._id)).toContain('a-ledger-1');
    await expect(
      inTransaction(db, async (tx) => {
        await postTransfers(tx, [charge('1-03', 70_00)], AT);
        throw new Error('the caller fails after posting');
      }),
    ).rejects.toThrow('the caller fails');
    expect(all<EntryDoc>('entries').some((e) => e.id === 'charge:1-03')).toBe(false);
    expect(verdict()).toMatchObject({ ok: true, count: 3 });
  });

  it('settles a pending cash transfer exactly once: the unit shows it pending, then credited', async () => {
    const cash: TransferRequest = {
      id: 'cash:R-001',
      kind: 'cash',
      from: unitAccount('1-02'),
      to: cashAccount('p-staff'),
      amountFen: 20_00,
      pending: true,
      channel: 'cash',
    };
    await postTransfersAlone([cash], AT);
    const held = await balancesOf([unitAccount('1-02')]);
    expect(held.get(unitAccount('1-02'))).toMatchObject({ postedFen: 50_00, pendingFen: -20_00 });
    const post = { ...cash, id: 'cash:R-001:post', pending: false, postPendingId: 'cash:R-001' };
    const voidIt = { ...cash, id: 'cash:R-001:void', pending: false, voidPendingId: 'cash:R-001' };
    const both = await Promise.allSettled([
      postTransfersAlone([post], AT),
      postTransfersAlone([voidIt], AT),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const after = (await balancesOf([unitAccount('1-02')])).get(unitAccount('1-02'));
    expect(after?.pendingFen).toBe(0);
    expect([30_00, 50_00]).toContain(after?.postedFen);
    await expect(
      postTransfersAlone([{ ...post, id: 'cash:R-001:post2' }], AT),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(verdict()).toMatchObject({ ok: true });
  });

  it('lands 200 concurrent postings once each: 0 lost, 0 double, balances = recount, Σ = 0', async () => {
    const before = all('entries').length;
    const requests = Array.from({ length: 200 }, (_, i): TransferRequest => ({
      id: `storm:${i}`,
      kind: 'payment',
      from: unitAccount(`9-${String(i % 20).padStart(2, '0')}`),
      to: 'collection',
      amountFen: 100 + i,
    }));
    const results = await Promise.all(requests.map((r) => postTransfersAlone([r], AT)));
    expect(results.flat().filter((r) => r.outcome === 'posted')).toHaveLength(200);
    const entries = all<EntryDoc>('entries');
    expect(entries).toHaveLength(before + 200);
    expect(new Set(entries.map((e) => e.seq)).size).toBe(entries.length);
    expect(verdict()).toMatchObject({ ok: true, count: before + 200 });
    expect(totals(recount(entries).values())).toEqual({ postedFen: 0, pendingFen: 0 });
  }, 120_000);
});
