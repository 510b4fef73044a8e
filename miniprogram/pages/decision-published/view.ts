import type { PublishedLineView } from '../../../typings/api';
import { roomReadings } from '../../utils/roomNumber';

/** Lines whose receipt starts with what was typed (dashes and case ignored), or whose room matches. */
export function filterLines(
  lines: readonly PublishedLineView[],
  query: string,
): PublishedLineView[] {
  const q = query.replace(/[-\s]/g, '').toLowerCase();
  if (!q) return [...lines];
  // A room however it is written: 5-4, 504, 5楼4室.
  const rooms = new Set(roomReadings(query).map((r) => r.unitNo));
  return lines.filter((l) => l.receipt.startsWith(q) || rooms.has(l.unitNo));
}
