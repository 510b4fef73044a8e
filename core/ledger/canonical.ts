import type { LedgerEntry, Payer } from './transfers';
import { sha256Hex } from './sha256';

/**
 * The canonical form of an entry: every field that matters, in a fixed order, as JSON of one
 * array (so key order in the stored document, or fields a database adds, never change a hash).
 * Absent optional fields are written as null, refs sorted by key.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type HashedFields = Omit<LedgerEntry, 'hash'>;

function canonicalPayer(payer: Payer | null): Array<string | null> | null {
  if (!payer) return null;
  return [payer.name, payer.openid ?? null, payer.personId ?? null];
}

export function canonicalForm(entry: HashedFields): string {
  const refs = Object.keys(entry.refs)
    .sort()
    .map((key) => [key, entry.refs[key] ?? '']);
  return JSON.stringify([
    'tongti-ledger-v1',
    entry.seq,
    entry.id,
    entry.kind,
    entry.from,
    entry.to,
    entry.amountFen,
    entry.pending,
    entry.postPendingId,
    entry.voidPendingId,
    entry.unitId,
    entry.channel,
    canonicalPayer(entry.payer),
    entry.memo,
    refs,
    entry.at,
    entry.prevHash,
  ]);
}

export function entryHash(entry: HashedFields): string {
  return sha256Hex(canonicalForm(entry));
}

/** The entry with its hash. */
export function sealed(entry: HashedFields): LedgerEntry {
  return { ...entry, hash: entryHash(entry) };
}
