import type { PublishedLineView, PublishedReceiptView } from '../../../typings/api';
import { roomReadings } from '../../utils/roomNumber';

function normalized(query: string): string {
  return query.replace(/[-\s]/g, '').toLowerCase();
}

/** Lines whose receipt starts with what was typed (dashes and case ignored), or whose room matches. */
export function filterLines(
  lines: readonly PublishedLineView[],
  query: string,
): PublishedLineView[] {
  const q = normalized(query);
  if (!q) return [...lines];
  // A room however it is written: 5-4, 504, 5楼4室.
  const rooms = new Set(roomReadings(query).map((r) => r.unitNo));
  return lines.filter(
    (l) => (l.receipt !== null && l.receipt.startsWith(q)) || rooms.has(l.unitNo),
  );
}

/** Receipts that start with what was typed. */
export function filterReceipts(
  receipts: readonly PublishedReceiptView[],
  query: string,
): PublishedReceiptView[] {
  const q = normalized(query);
  return q ? receipts.filter((r) => r.receipt.startsWith(q)) : [...receipts];
}

/**
 * Who took a ballot that did not come online, under its line (the channel is said beside it):
 * "社区工作者 王*红录入", "… 录入，… 见证" for a video, "… 和 … 签字" for a visit. Empty online.
 */
export function staffNote(
  line: Pick<PublishedLineView, 'channel' | 'enteredBy' | 'witnessedBy'>,
): string {
  if (line.channel === 'online') return '';
  const by = line.enteredBy ?? '工作人员';
  const second = line.witnessedBy ?? '另一位工作人员';
  switch (line.channel) {
    case 'video':
      return `${by}录入，${second}见证`;
    case 'visit':
      return `${by}和${second}签字`;
    default:
      return `${by}录入`;
  }
}

export interface PublishedRow extends PublishedLineView {
  note: string;
}

export function publishedRows(lines: readonly PublishedLineView[]): PublishedRow[] {
  return lines.map((l) => ({ ...l, note: staffNote(l) }));
}
