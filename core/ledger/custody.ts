/**
 * Cash custody rules: staff hold cash from the door to the bank; more than 3 days is too long;
 * a deposit covers receipts each once and its amount is their sum; the treasurer who settles is
 * not the person who recorded.
 */
export const MAX_HOLD_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between receiving the cash and `now`. */
export function heldDays(receivedAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(receivedAt)) / DAY_MS));
}

/** Held longer than 3 days (72 hours) without going to the bank. */
export function isOverdue(
  receivedAt: string,
  deposited: boolean,
  voided: boolean,
  now: Date,
): boolean {
  if (deposited || voided) return false;
  return now.getTime() - Date.parse(receivedAt) > MAX_HOLD_DAYS * DAY_MS;
}

export interface DepositLine {
  id: string;
  amountFen: number;
}

/** Why a deposit of `amountFen` covering `lines` cannot be recorded, or null. */
export function depositProblem(
  amountFen: number,
  requested: readonly string[],
  lines: readonly DepositLine[],
): string | null {
  if (requested.length === 0) return '存款须至少包含一张收据';
  if (new Set(requested).size !== requested.length) return '同一张收据不能在存款单中出现两次';
  const sum = lines.reduce((s, l) => s + l.amountFen, 0);
  if (sum !== amountFen) return `存款金额 ${amountFen} 分与所含收据合计 ${sum} 分不符`;
  return null;
}

export interface Actor {
  openid: string;
  personId: string | null;
}

/** The same person, by WeChat account or by registry person. */
export function samePerson(a: Actor, b: Actor): boolean {
  return a.openid === b.openid || (a.personId !== null && a.personId === b.personId);
}
