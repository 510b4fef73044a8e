import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { cashAccount, unitAccount, type AccountId } from '../../core/ledger/accounts';
import { deltasOf, recount, totals, unitPayStatus } from '../../core/ledger/balances';
import { canonicalForm, GENESIS_HASH, sealed } from '../../core/ledger/canonical';
import {
  verifyChain,
  verifyLedger,
  type StoredBalance,
  type StoredDoc,
} from '../../core/ledger/chain';
import { sha256Hex } from '../../core/ledger/sha256';
import {
  entryOf,
  requestProblem,
  type LedgerEntry,
  type TransferRequest,
} from '../../core/ledger/transfers';

/**
 * The ledger's rules as pure functions: SHA-256 as node:crypto computes it, the canonical form,
 * balances that always sum to zero and equal a recount, and a verifier that names exactly the
 * first bad entry after any single tampering.
 */
const AT = '2026-12-01T10:00:00+08:00';

function chainOf(requests: readonly TransferRequest[]): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  let prev = GENESIS_HASH;
  for (const req of requests) {
    const entry = sealed(entryOf(req, out.length + 1, AT, prev));
    out.push(entry);
    prev = entry.hash;
  }
  return out;
}

const asDocs = (entries: readonly LedgerEntry[]): StoredDoc[] =>
  entries.map((e) => ({ ...e, _id: e.id }));
const balancesOf = (entries: readonly LedgerEntry[]): StoredBalance[] =>
  [...recount(entries)].map(([account, b]) => ({ _id: account, ...b }));
const headOf = (entries: readonly LedgerEntry[]) => {
  const last = entries[entries.length - 1];
  return { _id: 'head', seq: entries.length, hash: last ? last.hash : GENESIS_HASH };
};

const ACCOUNTS: AccountId[] = [
  'assessments',
  'collection',
  'transit',
  'expenses',
  'refunds',
  unitAccount('2-01'),
  unitAccount('2-02'),
  unitAccount('3-01'),
  cashAccount('p-staff'),
];

/** Random valid transfers, some pending and later posted or voided (each at most once). */
const transfers = fc
  .array(
    fc.record({
      from: fc.constantFrom(...ACCOUNTS),
      to: fc.constantFrom(...ACCOUNTS),
      amountFen: fc.integer({ min: 1, max: 10_000_000 }),
      phase: fc.constantFrom('posted', 'pending', 'settle'),
      post: fc.boolean(),
      name: fc.constantFrom('钱大康', '王伟', 'Ann Lee', '欧阳娜娜'),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) => {
    const requests: TransferRequest[] = [];
    const open: TransferRequest[] = [];
    rows.forEach((row, i) => {
      if (row.phase === 'settle' && open.length) {
        const p = open.shift() as TransferRequest;
        requests.push({
          ...p,
          id: `t${i}`,
          pending: false,
          ...(row.post ? { postPendingId: p.id } : { voidPendingId: p.id }),
        });
        return;
      }
      if (row.from === row.to) return;
      const req: TransferRequest = {
        id: `t${i}`,
        kind: row.from === 'assessments' ? 'charge' : 'payment',
        from: row.from,
        to: row.to,
        amountFen: row.amountFen,
        ...(row.phase === 'pending' ? { pending: true } : {}),
        payer: { name: row.name },
        refs: { n: String(i) },
      };
      requests.push(req);
      if (req.pending) open.push(req);
    });
    return requests;
  })
  .filter((r) => r.length > 0);

describe('sha256', () => {
  it('agrees with node:crypto on any text, Chinese and emoji included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('x'.repeat(1000))).toBe(
      createHash('sha256').update('x'.repeat(1000)).digest('hex'),
    );
  });
});

describe('canonical form', () => {
  it('does not depend on key order and changes with every field that matters', () => {
    const [entry] = chainOf([
      {
        id: 'a',
        kind: 'payment',
        from: unitAccount('2-01'),
        to: 'collection',
        amountFen: 5,
        refs: { b: '2', a: '1' },
      },
    ]);
    if (!entry) throw new Error('no entry');
    const { hash: _h, ...fields } = entry;
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as typeof fields;
    expect(canonicalForm(reordered)).toBe(canonicalForm(fields));
    expect(canonicalForm({ ...fields, refs: { a: '1', b: '2' } })).toBe(canonicalForm(fields));
    for (const change of [
      { amountFen: 6 },
      { unitId: '2-02' },
      { at: AT.replace('10', '11') },
      { channel: 'cash' as const },
    ]) {
      expect(canonicalForm({ ...fields, ...change })).not.toBe(canonicalForm(fields));
    }
  });
});

describe('transfer requests', () => {
  it('refuses what can never be posted', () => {
    const ok: TransferRequest = {
      id: 'x',
      kind: 'payment',
      from: unitAccount('1'),
      to: 'collection',
      amountFen: 1,
    };
    expect(requestProblem(ok)).toBeNull();
    expect(requestProblem({ ...ok, amountFen: 0 })).toContain('金额');
    expect(requestProblem({ ...ok, amountFen: 1.5 })).toContain('金额');
    expect(requestProblem({ ...ok, to: ok.from })).toContain('相同');
    expect(requestProblem({ ...ok, id: 'has space' })).toContain('编号');
    expect(requestProblem({ ...ok, to: 'bank' as AccountId })).toContain('账户');
    expect(requestProblem({ ...ok, pending: true, postPendingId: 'y' })).not.toBeNull();
  });

  it('belongs to the unit it moves money of, unless told otherwise', () => {
    const e = entryOf(
      { id: 'x', kind: 'payment', from: unitAccount('2-01'), to: 'collection', amountFen: 1 },
      1,
      AT,
      GENESIS_HASH,
    );
    expect(e.unitId).toBe('2-01');
  });
});

describe('balances', () => {
  it('sum to zero and equal the running balances, for any transfers', () => {
    fc.assert(
      fc.property(transfers, (requests) => {
        const entries = chainOf(requests);
        const counted = recount(entries);
        expect(totals(counted.values())).toEqual({ postedFen: 0, pendingFen: 0 });
        let posted = 0;
        for (const e of entries)
          for (const d of deltasOf(e)) if (d.account === 'collection') posted += d.postedFen;
        expect(counted.get('collection')?.postedFen ?? 0).toBe(posted);
      }),
    );
  });

  it('reserve while pending, then move once posted, or release when voided', () => {
    const unit = unitAccount('2-01');
    const cash = cashAccount('p-staff');
    const pending: TransferRequest = {
      id: 'c',
      kind: 'cash',
      from: unit,
      to: cash,
      amountFen: 300,
      pending: true,
    };
    const base: TransferRequest = {
      id: 'ch',
      kind: 'charge',
      from: 'assessments',
      to: unit,
      amountFen: 1000,
    };
    const held = recount(chainOf([base, pending])).get(unit);
    expect(held).toEqual({ postedFen: 1000, pendingFen: -300, chargedFen: 1000 });
    const posted = recount(
      chainOf([base, pending, { ...pending, id: 'p', pending: false, postPendingId: 'c' }]),
    ).get(unit);
    expect(posted).toEqual({ postedFen: 700, pendingFen: 0, chargedFen: 1000 });
    expect(unitPayStatus(posted ?? { postedFen: 0, pendingFen: 0, chargedFen: 0 })).toBe('partly');
    const voided = recount(
      chainOf([base, pending, { ...pending, id: 'v', pending: false, voidPendingId: 'c' }]),
    ).get(unit);
    expect(voided).toEqual({ postedFen: 1000, pendingFen: 0, chargedFen: 1000 });
  });
});

describe('verifyLedger', () => {
  it('accepts any chain built by the rules, with its count and head hash', () => {
    fc.assert(
      fc.property(transfers, (requests) => {
        const entries = chainOf(requests);
        const verdict = verifyLedger(asDocs(entries), balancesOf(entries), headOf(entries));
        expect(verdict).toEqual({
          ok: true,
          count: entries.length,
          headHash: headOf(entries).hash,
        });
      }),
    );
  });

  it('names the entry whose amount was edited', () => {
    fc.assert(
      fc.property(transfers, fc.nat(), fc.integer({ min: 1, max: 1000 }), (requests, at, plus) => {
        const entries = chainOf(requests);
        const i = at % entries.length;
        const docs = asDocs(entries);
        const target = docs[i] as StoredDoc;
        docs[i] = { ...target, amountFen: (target.amountFen as number) + plus };
        const verdict = verifyLedger(docs, balancesOf(entries), headOf(entries));
        expect(verdict).toMatchObject({ ok: false, badId: target._id });
      }),
    );
  });

  it('names the entry after a removed one, or the last when the newest was removed', () => {
    fc.assert(
      fc.property(transfers, fc.nat(), (requests, at) => {
        const entries = chainOf(requests);
        const i = at % entries.length;
        const docs = asDocs(entries).filter((_, k) => k !== i);
        const verdict = verifyLedger(docs, balancesOf(entries), headOf(entries));
        const expected =
          i < entries.length - 1 ? entries[i + 1]?.id : (entries[i - 1]?.id ?? 'head');
        expect(verdict).toMatchObject({ ok: false, badId: expected });
      }),
    );
  });

  it('names a forged entry, whether appended with a valid hash or claiming a taken seq', () => {
    fc.assert(
      fc.property(transfers, fc.nat(), (requests, at) => {
        const entries = chainOf(requests);
        const last = entries[entries.length - 1] as LedgerEntry;
        const appended = sealed({
          ...entryOf(
            {
              id: 'forged',
              kind: 'payment',
              from: unitAccount('2-01'),
              to: 'collection',
              amountFen: 9,
            },
            last.seq + 1,
            AT,
            last.hash,
          ),
        });
        const all = [...entries, appended];
        expect(verifyLedger(asDocs(all), balancesOf(all), headOf(entries))).toMatchObject({
          ok: false,
          badId: 'forged',
        });
        const copy = entries[at % entries.length] as LedgerEntry;
        const twin = { ...copy, id: 'twin', _id: 'twin' };
        expect(
          verifyLedger([...asDocs(entries), twin], balancesOf(entries), headOf(entries)),
        ).toMatchObject({
          ok: false,
          badId: 'twin',
        });
      }),
    );
  });

  it('names an entry whose seq was edited', () => {
    const entries = chainOf([
      { id: 'a', kind: 'charge', from: 'assessments', to: unitAccount('1'), amountFen: 5 },
      { id: 'b', kind: 'payment', from: unitAccount('1'), to: 'collection', amountFen: 2 },
      { id: 'c', kind: 'payment', from: unitAccount('1'), to: 'collection', amountFen: 3 },
    ]);
    const docs = asDocs(entries).map((d) => (d._id === 'b' ? { ...d, seq: 40 } : d));
    expect(verifyChain(docs, headOf(entries))).toMatchObject({ ok: false, badId: 'b' });
  });

  it('refuses a pending transfer settled twice, and balances that disagree with a recount', () => {
    const unit = unitAccount('2-01');
    const pending: TransferRequest = {
      id: 'c',
      kind: 'cash',
      from: unit,
      to: 'collection',
      amountFen: 3,
      pending: true,
    };
    const twice = chainOf([
      pending,
      { ...pending, id: 'p', pending: false, postPendingId: 'c' },
      { ...pending, id: 'v', pending: false, voidPendingId: 'c' },
    ]);
    expect(verifyChain(asDocs(twice), headOf(twice))).toMatchObject({ ok: false, badId: 'v' });
    const entries = chainOf([
      pending,
      { id: 'x', kind: 'payment', from: unit, to: 'collection', amountFen: 7 },
    ]);
    const balances = balancesOf(entries).map((b) =>
      b._id === 'collection' ? { ...b, postedFen: 8 } : b,
    );
    expect(verifyLedger(asDocs(entries), balances, headOf(entries))).toMatchObject({
      ok: false,
      badId: 'x',
    });
    const forgedAccount = [
      ...balancesOf(entries),
      { _id: 'refunds', postedFen: 1, pendingFen: 0, chargedFen: 0 },
    ];
    expect(verifyLedger(asDocs(entries), forgedAccount, headOf(entries))).toMatchObject({
      ok: false,
      badId: 'refunds',
    });
  });
});
