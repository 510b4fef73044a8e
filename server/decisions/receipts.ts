import { createHash, randomBytes } from 'node:crypto';
import { receiptMaterial } from '../../core/decisions';

/**
 * A fresh secret salt for each cast and the receipt made from it: SHA-256 (hex) of the canonical
 * text core builds. The salt stays in the ballot and is never published.
 */
export function newReceipt(input: { decisionId: string; unitId: string; choice: string }): {
  salt: string;
  receipt: string;
} {
  const salt = randomBytes(16).toString('hex');
  const receipt = createHash('sha256')
    .update(receiptMaterial({ ...input, salt }), 'utf8')
    .digest('hex');
  return { salt, receipt };
}

/** Recomputes a stored ballot's receipt from its fields, for audits of the published list. */
export function receiptOf(input: {
  decisionId: string;
  unitId: string;
  choice: string;
  salt: string;
}): string {
  return createHash('sha256').update(receiptMaterial(input), 'utf8').digest('hex');
}
