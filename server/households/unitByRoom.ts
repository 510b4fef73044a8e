import type { Unit } from '../../core/registry/model';
import { layoutOfUnits, readRoomNumber, roomReadings } from '../../core/registry/roomNumber';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { find } from '../repository/docs';

/**
 * The unit a person typed, however they wrote it (12-3, 1203, 12楼3室, １２０３): one query for
 * every reading of the text, and the building's units decide. A number that fits two units is
 * put back to the person, never guessed.
 */
export async function unitByRoom(db: Db, buildingId: string, text: string): Promise<Unit> {
  const readings = roomReadings(text);
  if (!readings.length) {
    const read = readRoomNumber(text);
    throw new AppError('INVALID_INPUT', read.ok ? '请填写房号' : read.message);
  }
  const units = await find<Unit>(
    db,
    'units',
    { buildingId, unitNo: db.command.in(readings.map((r) => r.unitNo)) },
    { limit: readings.length },
  );
  const read = readRoomNumber(text, layoutOfUnits(units));
  if (read.ok) {
    const unit = units.find((u) => u.unitNo === read.reading.unitNo);
    if (unit) return unit;
  }
  if (!read.ok && read.reason === 'ambiguous') throw new AppError('INVALID_INPUT', read.message);
  throw new AppError('NOT_FOUND', `没有找到房屋 ${readings[0]?.unitNo ?? text.trim()}`);
}
