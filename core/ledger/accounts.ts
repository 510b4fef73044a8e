/**
 * The ledger's accounts. A transfer moves `amountFen` FROM one account TO another:
 * balance(from) -= amount, balance(to) += amount, so the balances of all accounts sum to 0.
 *
 * - charge issued:          'assessments' → `unit:X`   (the unit owes more)
 * - online / proxy payment: `unit:X` → 'collection'
 * - cash at the door:       pending `unit:X` → `cash:S`, posted or voided by the treasurer
 * - bank deposit of cash:   pending `cash:S` → 'transit', confirmed: posted, then 'transit' → 'collection'
 * - expense to contractor:  'collection' → 'expenses'
 * - correction:             a new transfer in the opposite direction, referring to the one it corrects
 */
export type AccountId =
  | `unit:${string}` // what a unit still owes: charges raise it, payments lower it (< 0 = overpaid)
  | `cash:${string}` // cash held by one staff member (personId or openid of the recorder)
  | 'assessments' // counterpart of charges (Σ charges, negative)
  | 'collection' // the project's collection account (bank + WeChat merchant)
  | 'transit' // cash deposited at the bank but not yet confirmed by the treasurer
  | 'expenses' // paid to the contractor
  | 'refunds'; // paid back to owners

export type AccountKind =
  'unit' | 'cash' | 'assessments' | 'collection' | 'transit' | 'expenses' | 'refunds';

const FIXED: ReadonlySet<string> = new Set([
  'assessments',
  'collection',
  'transit',
  'expenses',
  'refunds',
]);

/** Ids inside account names and transfer ids: no spaces, no characters a document id refuses. */
const NAME = /^[A-Za-z0-9_\-.:@]{1,96}$/;

export function unitAccount(unitId: string): AccountId {
  return `unit:${unitId}`;
}

export function cashAccount(holder: string): AccountId {
  return `cash:${holder}`;
}

export function isAccountId(text: string): text is AccountId {
  if (FIXED.has(text)) return true;
  const m = /^(unit|cash):(.+)$/.exec(text);
  return m !== null && NAME.test(m[2] ?? '');
}

export function accountKind(account: AccountId): AccountKind {
  if (account.startsWith('unit:')) return 'unit';
  if (account.startsWith('cash:')) return 'cash';
  return account as AccountKind;
}

/** The unit of a `unit:X` account, or null for any other account. */
export function unitIdOfAccount(account: AccountId): string | null {
  return account.startsWith('unit:') ? account.slice('unit:'.length) : null;
}

export function isValidName(text: string): boolean {
  return NAME.test(text);
}
