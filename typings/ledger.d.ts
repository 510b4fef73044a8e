/**
 * ledger: the public, hash-chained ledger of every money movement, cash custody (staff → bank →
 * treasurer), expenses paid to the contractor, and the maintenance-fund red line.
 *
 * Money is integer fen.
 */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LedgerApi {}
