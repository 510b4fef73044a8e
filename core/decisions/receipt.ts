/**
 * A voter's receipt: a hash of (decision, unit, choice, secret salt). The published list shows it
 * next to the unit and its choice, so a voter finds their own line without any name being shown;
 * the salt (random per cast, never published) keeps anyone from recomputing receipts by trying the
 * three choices of a unit. The hashing itself happens on the server (node:crypto, SHA-256 hex).
 */

export const RECEIPT_VERSION = 'tongti-receipt-v1';

/** The exact text that is hashed; one field a line so no field can run into the next. */
export function receiptMaterial(input: {
  decisionId: string;
  unitId: string;
  choice: string;
  salt: string;
}): string {
  for (const [name, value] of Object.entries(input)) {
    if (value.includes('\n')) throw new RangeError(`${name} must not contain a line break`);
  }
  return [RECEIPT_VERSION, input.decisionId, input.unitId, input.choice, input.salt].join('\n');
}

/** How a receipt is shown: its first 16 hex digits in groups of four, `3f2a-9c01-…`. */
export function shortReceipt(receipt: string): string {
  return (receipt.slice(0, 16).match(/.{1,4}/g) ?? []).join('-');
}
