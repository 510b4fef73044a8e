import { layoutOfUnits, readRoomNumber } from './roomNumber';

export type RoomLookup<T> =
  | { ok: true; unitNo: string; value: T }
  | { ok: false; reason: 'empty' | 'unreadable' | 'absent' | 'ambiguous'; message: string };

/**
 * A flat typed however people write it (12-3, 1203, 12楼3室, １２０３) among the building's flats
 * the page already has, keyed by the registry's unit number.
 */
export function unitIn<T>(text: string, byUnitNo: ReadonlyMap<string, T>): RoomLookup<T> {
  const read = readRoomNumber(
    text,
    layoutOfUnits([...byUnitNo.keys()].map((unitNo) => ({ unitNo }))),
  );
  if (!read.ok) return { ok: false, reason: read.reason, message: read.message };
  const value = byUnitNo.get(read.reading.unitNo);
  if (value === undefined) {
    return { ok: false, reason: 'absent', message: `没有找到房号 ${read.reading.unitNo}` };
  }
  return { ok: true, unitNo: read.reading.unitNo, value };
}
