import type { PublishedLineView } from '../../../typings/api';

/** Lines whose receipt starts with what was typed (dashes and case ignored), or whose room matches. */
export function filterLines(
  lines: readonly PublishedLineView[],
  query: string,
): PublishedLineView[] {
  const q = query.replace(/[-\s]/g, '').toLowerCase();
  if (!q) return [...lines];
  return lines.filter((l) => l.receipt.startsWith(q) || l.unitNo.replace('-', '') === q);
}
