import type { UnitBallotStatusView } from '../../../typings/api';
import { readRoomNumber, roomReadings } from '../../utils/roomNumber';

export type UnitLookup = { ok: true; unit: UnitBallotStatusView } | { ok: false; message: string };

/**
 * The flat staff typed, however they wrote it (5-4, 504, 5-04, 5楼4室, ５０４): every reading of
 * the text is asked for and the registry answers which exist. Two that exist (1203 where both
 * 12-03 and 1-203 do) are put back to the person, never guessed. `fetch` gives null for a flat
 * the building does not have.
 */
export async function findUnit(
  text: string,
  fetch: (unitNo: string) => Promise<UnitBallotStatusView | null>,
): Promise<UnitLookup> {
  const readings = roomReadings(text);
  if (!readings.length) {
    const read = readRoomNumber(text);
    return { ok: false, message: read.ok ? '' : read.message };
  }
  const found = (await Promise.all(readings.map((r) => fetch(r.unitNo)))).filter(
    (u): u is UnitBallotStatusView => u !== null,
  );
  const [only] = found;
  if (found.length === 1 && only) return { ok: true, unit: only };
  if (found.length > 1) {
    const names = found.map((u) => u.unitNo);
    return {
      ok: false,
      message: `“${text.trim()}”可以是 ${names.join(' 或 ')}，请写成带“-”的房号，例如 ${names[0] ?? ''}`,
    };
  }
  return { ok: false, message: `没有找到房屋 ${readings[0]?.unitNo ?? text.trim()}` };
}
