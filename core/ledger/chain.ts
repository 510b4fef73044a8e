import { isAccountId, type AccountId } from './accounts';
import { recount, sameBalance, type BalanceState } from './balances';
import { entryHash, GENESIS_HASH } from './canonical';
import { PAY_CHANNELS, TRANSFER_KINDS, type LedgerEntry } from './transfers';

/**
 * Checks a ledger as stored: the hash chain (seq 1..N without gaps, each prevHash the previous
 * entry's hash, each hash the SHA-256 of its canonical form, `_id` = transfer id), the two-phase
 * rules (a post or void names an earlier pending transfer with the same accounts and amount, at
 * most once), the chain head, and the balances against a recount. The answer names the FIRST
 * bad entry in chain order, so the person reading it knows where to look.
 */
export interface StoredDoc {
  _id: string;
  [field: string]: unknown;
}

export interface StoredBalance {
  _id: string;
  postedFen?: unknown;
  pendingFen?: unknown;
  chargedFen?: unknown;
}

export interface ChainHead {
  _id: string;
  seq: number;
  hash: string;
}

export type Verdict =
  | { ok: true; count: number; headHash: string }
  | { ok: false; badId: string; seq: number | null; reason: string; count: number };

function str(value: unknown): value is string {
  return typeof value === 'string';
}

function nullableStr(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

/** The entry's fields if the document has the shape of an entry, else what is wrong. */
export function parseEntry(doc: StoredDoc): LedgerEntry | string {
  const d = doc;
  if (typeof d.seq !== 'number' || !Number.isSafeInteger(d.seq) || d.seq < 1) return 'no valid seq';
  if (!str(d.id) || d.id !== doc._id) return '_id differs from the transfer id';
  if (!str(d.kind) || !(TRANSFER_KINDS as readonly string[]).includes(d.kind))
    return 'unknown kind';
  if (!str(d.from) || !str(d.to) || !isAccountId(d.from) || !isAccountId(d.to) || d.from === d.to) {
    return 'invalid accounts';
  }
  if (typeof d.amountFen !== 'number' || !Number.isSafeInteger(d.amountFen) || d.amountFen <= 0) {
    return 'amount is not a positive integer of fen';
  }
  if (typeof d.pending !== 'boolean') return 'no pending flag';
  if (!nullableStr(d.postPendingId) || !nullableStr(d.voidPendingId))
    return 'invalid two-phase reference';
  if (!nullableStr(d.unitId) || !nullableStr(d.memo)) return 'invalid unit or memo';
  if (d.channel !== null && !(PAY_CHANNELS as readonly unknown[]).includes(d.channel))
    return 'unknown channel';
  const payer = d.payer;
  if (payer !== null) {
    if (!payer || typeof payer !== 'object') return 'invalid payer';
    const p = payer as Record<string, unknown>;
    if (
      !str(p.name) ||
      (p.openid !== undefined && !str(p.openid)) ||
      (p.personId !== undefined && !str(p.personId))
    ) {
      return 'invalid payer';
    }
  }
  const refs = d.refs;
  if (!refs || typeof refs !== 'object' || Array.isArray(refs)) return 'invalid refs';
  if (!Object.values(refs as Record<string, unknown>).every(str)) return 'invalid refs';
  if (!str(d.at) || !str(d.prevHash) || !str(d.hash)) return 'missing time or hashes';
  const p = payer as { name: string; openid?: string; personId?: string } | null;
  return {
    seq: d.seq,
    id: d.id,
    kind: d.kind as LedgerEntry['kind'],
    from: d.from,
    to: d.to,
    amountFen: d.amountFen,
    pending: d.pending,
    postPendingId: d.postPendingId,
    voidPendingId: d.voidPendingId,
    unitId: d.unitId,
    channel: d.channel as LedgerEntry['channel'],
    payer: p
      ? {
          name: p.name,
          ...(p.openid !== undefined ? { openid: p.openid } : {}),
          ...(p.personId !== undefined ? { personId: p.personId } : {}),
        }
      : null,
    memo: d.memo,
    refs: { ...(refs as Record<string, string>) },
    at: d.at,
    prevHash: d.prevHash,
    hash: d.hash,
  };
}

function seqOf(doc: StoredDoc): number {
  return typeof doc.seq === 'number' && Number.isFinite(doc.seq)
    ? doc.seq
    : Number.POSITIVE_INFINITY;
}

/** Checks the chain alone (and the head when given). */
export function verifyChain(
  docs: readonly StoredDoc[],
  head?: ChainHead | null,
): Verdict & { entries?: LedgerEntry[] } {
  const sorted = [...docs].sort(
    (a, b) => seqOf(a) - seqOf(b) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
  );
  const good: LedgerEntry[] = [];
  const pendings = new Map<string, { entry: LedgerEntry; settledBy: string | null }>();
  let prevHash = GENESIS_HASH;
  let bad: { doc: StoredDoc; reason: string } | null = null;

  // Walk by seq. Several documents claiming one seq: the one that links is the entry, the others
  // are forged (reported in seq order, after any break that comes before them).
  let i = 0;
  while (i < sorted.length && !bad) {
    const seq = seqOf(sorted[i] as StoredDoc);
    const group: StoredDoc[] = [];
    while (i < sorted.length && seqOf(sorted[i] as StoredDoc) === seq)
      group.push(sorted[i++] as StoredDoc);
    const expected = good.length + 1;
    const problems = group.map((doc) => ({
      doc,
      problem: entryProblem(doc, expected, prevHash, pendings),
    }));
    const linked = problems.find((p) => typeof p.problem !== 'string');
    const broken = problems.find((p) => typeof p.problem === 'string');
    if (broken) {
      // A gap may be an entry whose seq was edited: the document that links here is the bad one.
      const moved = seq > expected ? displaced(docs, expected, prevHash) : null;
      bad = moved ?? { doc: broken.doc, reason: broken.problem as string };
      break;
    }
    if (!linked || group.length > 1) {
      bad = {
        doc: group[1] ?? (group[0] as StoredDoc),
        reason: `a second entry claims seq ${seq}`,
      };
      break;
    }
    const entry = linked.problem as LedgerEntry;
    if (head && entry.seq > head.seq) {
      bad = {
        doc: linked.doc,
        reason: `seq ${entry.seq} is beyond the chain head (seq ${head.seq}): added after the fact`,
      };
      break;
    }
    good.push(entry);
    prevHash = entry.hash;
    if (entry.pending) pendings.set(entry.id, { entry, settledBy: null });
    const settles = entry.postPendingId ?? entry.voidPendingId;
    if (settles) {
      const p = pendings.get(settles);
      if (p) p.settledBy = entry.id;
    }
  }
  if (bad) {
    return {
      ok: false,
      badId: bad.doc._id,
      seq: seqOf(bad.doc) === Number.POSITIVE_INFINITY ? null : seqOf(bad.doc),
      reason: bad.reason,
      count: good.length,
    };
  }
  if (head && (head.seq !== good.length || head.hash !== prevHash)) {
    const last = good[good.length - 1];
    const reason =
      head.seq > good.length
        ? `the chain head records ${head.seq} entries but only ${good.length} are linked: entry seq ${good.length + 1} was removed`
        : `the chain head hash ${head.hash} differs from the last entry's hash ${prevHash}`;
    return {
      ok: false,
      badId: last ? last.id : head._id,
      seq: last ? last.seq : null,
      reason,
      count: good.length,
    };
  }
  return { ok: true, count: good.length, headHash: prevHash, entries: good };
}

/** The document that would be entry `expected` (it links to `prevHash`) but carries another seq. */
function displaced(
  docs: readonly StoredDoc[],
  expected: number,
  prevHash: string,
): { doc: StoredDoc; reason: string } | null {
  for (const doc of docs) {
    if (doc.prevHash !== prevHash || doc.seq === expected) continue;
    const parsed = parseEntry({ ...doc, seq: expected });
    if (typeof parsed === 'string') continue;
    const { hash, ...fields } = parsed;
    if (entryHash(fields) === hash) {
      return { doc, reason: `its seq was changed from ${expected} to ${String(doc.seq)}: edited` };
    }
  }
  return null;
}

function entryProblem(
  doc: StoredDoc,
  expected: number,
  prevHash: string,
  pendings: ReadonlyMap<string, { entry: LedgerEntry; settledBy: string | null }>,
): LedgerEntry | string {
  const parsed = parseEntry(doc);
  if (typeof parsed === 'string') return `not a valid entry (${parsed}): forged or edited`;
  if (parsed.seq > expected) return `entry seq ${expected} is missing before it: removed`;
  if (parsed.seq < expected) return `a second entry claims seq ${parsed.seq}: forged`;
  const { hash: stored, ...fields } = parsed;
  if (entryHash(fields) !== stored) return 'its hash does not match its fields: edited';
  if (parsed.prevHash !== prevHash)
    return "its prevHash is not the previous entry's hash: chain broken";
  const settles = parsed.postPendingId ?? parsed.voidPendingId;
  if (settles) {
    const p = pendings.get(settles);
    if (!p) return `it settles ${settles}, which is not an earlier pending transfer`;
    if (p.settledBy) return `it settles ${settles}, already settled by ${p.settledBy}`;
    if (
      p.entry.from !== parsed.from ||
      p.entry.to !== parsed.to ||
      p.entry.amountFen !== parsed.amountFen
    ) {
      return `it settles ${settles} with other accounts or amount`;
    }
  }
  return parsed;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/**
 * The whole check: chain, head, then every stored balance against the recount (a disagreeing
 * balance is reported with the last entry that touched its account).
 */
export function verifyLedger(
  docs: readonly StoredDoc[],
  balances: readonly StoredBalance[],
  head: ChainHead | null,
): Verdict {
  const chain = verifyChain(docs, head);
  if (!chain.ok) return chain;
  const entries = chain.entries ?? [];
  const counted = recount(entries);
  const stored = new Map<string, StoredBalance>(balances.map((b) => [b._id, b]));
  const accounts = [...new Set<string>([...counted.keys(), ...stored.keys()])].sort();
  for (const account of accounts) {
    const want: BalanceState = counted.get(account as AccountId) ?? {
      postedFen: 0,
      pendingFen: 0,
      chargedFen: 0,
    };
    const doc = stored.get(account);
    const have: BalanceState | null = doc
      ? {
          postedFen: num(doc.postedFen) ?? NaN,
          pendingFen: num(doc.pendingFen) ?? NaN,
          chargedFen: num(doc.chargedFen ?? 0) ?? NaN,
        }
      : null;
    if (have && sameBalance(have, want)) continue;
    if (!have && want.postedFen === 0 && want.pendingFen === 0 && want.chargedFen === 0) continue;
    const last = [...entries].reverse().find((e) => e.from === account || e.to === account);
    const shown = have
      ? `posted ${have.postedFen}, pending ${have.pendingFen}, charged ${have.chargedFen}`
      : 'missing';
    return {
      ok: false,
      badId: last ? last.id : account,
      seq: last ? last.seq : null,
      reason: `balance of ${account} is ${shown} but the entries recount posted ${want.postedFen}, pending ${want.pendingFen}, charged ${want.chargedFen}`,
      count: entries.length,
    };
  }
  return { ok: true, count: chain.count, headHash: chain.headHash };
}
