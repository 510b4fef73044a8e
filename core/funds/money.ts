/**
 * Money as residents read it. Amounts are integer fen everywhere; only this turns them into text,
 * with integer arithmetic so no float ever decides a fen.
 */

/** 1234567 → "¥12,345.67"; negative amounts keep their sign: "-¥0.50". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}
