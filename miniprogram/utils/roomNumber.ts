// Generated from core/registry/roomNumber.ts by scripts/sharedCopies.ts: edit that file, then run
// `npx tsx scripts/sharedCopies.ts`.
/**
 * Room numbers as people write them — 803, 8-03, 8楼03室, 5-4, 504, 5楼4室, 5F04, ８０３ — read
 * into the registry's unit number: floor, a hyphen, the room with at least two digits ("8-03",
 * "12-03", "1-203"). A written form that fits several units of the building (1203 where floor 12
 * room 3 and floor 1 room 203 both exist) is reported as ambiguous with its readings, never
 * guessed.
 *
 * Self-contained on purpose (no imports): the mini program carries a generated copy
 * (miniprogram/utils/roomNumber.ts, written by scripts/sharedCopies.ts).
 */

export interface RoomReading {
  /** The registry's form: "8-03". */
  unitNo: string;
  floor: number;
  room: number;
}

/**
 * What the building has, as far as it is known. Without a list of units, floors and rooms are
 * bounded by the largest ones; rooms default to at most 99, the registry's two-digit rooms.
 */
export interface RoomLayout {
  maxFloor?: number;
  maxRoom?: number;
  /** Whether the building has this unit number; when given, only such readings count. */
  has?: (unitNo: string) => boolean;
}

export type RoomRead =
  | { ok: true; reading: RoomReading }
  | {
      ok: false;
      reason: 'empty' | 'unreadable' | 'absent' | 'ambiguous';
      /** What the text could mean: every reading when ambiguous, the likeliest when absent. */
      readings: RoomReading[];
      /** For the person who typed it, in Chinese. */
      message: string;
    };

export const DEFAULT_MAX_ROOM = 99;
const MAX_FLOOR = 199;
const MAX_ROOM = 999;

/** Full-width digits, letters and spaces as ASCII; every dash as "-". */
export function halfWidth(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‐‑‒–—―−﹣－]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function unitNoOf(floor: number, room: number): string {
  return `${floor}-${String(room).padStart(2, '0')}`;
}

function reading(floor: number, room: number): RoomReading | null {
  if (floor < 1 || floor > MAX_FLOOR || room < 1 || room > MAX_ROOM) return null;
  return { unitNo: unitNoOf(floor, room), floor, room };
}

// Floor and room written apart: 8-03, 8-3, 8楼03室, 8层3号, 8F03, 8F-03, 8#03, "8 03".
const SEPARATED =
  /^(?:第)?(\d{1,3})\s*(?:-|楼|层|F|#|\s)\s*-?\s*(?:第)?(\d{1,3})\s*(?:室|号|号房|房)?$/i;
// Written together: 803, 1203, 803室, 803号.
const COMPACT = /^(\d{3,6})\s*(?:室|号|号房|房)?$/;

/**
 * Every way the text can be read, likeliest first (two-digit rooms before three-digit ones);
 * empty when it is no room number at all.
 */
export function roomReadings(text: string): RoomReading[] {
  const compact = halfWidth(text);
  const apart = SEPARATED.exec(compact);
  if (apart) {
    const one = reading(Number(apart[1]), Number(apart[2]));
    return one ? [one] : [];
  }
  const together = COMPACT.exec(compact);
  if (!together) return [];
  const digits = together[1] ?? '';
  const readings: RoomReading[] = [];
  // The room is the last two digits, or the last three when they do not start with 0; the floor
  // never starts with 0.
  for (const roomDigits of [2, 3]) {
    const floorText = digits.slice(0, digits.length - roomDigits);
    const roomText = digits.slice(digits.length - roomDigits);
    if (floorText === '' || floorText.startsWith('0')) continue;
    if (roomDigits === 3 && roomText.startsWith('0')) continue;
    const one = reading(Number(floorText), Number(roomText));
    if (one) readings.push(one);
  }
  return readings;
}

function fits(r: RoomReading, layout: RoomLayout): boolean {
  if (r.room > (layout.maxRoom ?? DEFAULT_MAX_ROOM)) return false;
  if (layout.maxFloor !== undefined && r.floor > layout.maxFloor) return false;
  return layout.has ? layout.has(r.unitNo) : true;
}

/** Reads what a person typed into one unit number of the building, or says why it cannot. */
export function readRoomNumber(text: string, layout: RoomLayout = {}): RoomRead {
  const shown = halfWidth(text);
  if (shown === '') return { ok: false, reason: 'empty', readings: [], message: '请填写房号' };
  const all = roomReadings(shown);
  if (!all.length) {
    return {
      ok: false,
      reason: 'unreadable',
      readings: [],
      message: `房号“${shown}”无法识别，请写成“楼层-室号”，例如 8-03、803 或 8楼3室`,
    };
  }
  const matching = all.filter((r) => fits(r, layout));
  const [only] = matching;
  if (matching.length === 1 && only) return { ok: true, reading: only };
  if (matching.length > 1) {
    const names = matching.map((r) => r.unitNo);
    return {
      ok: false,
      reason: 'ambiguous',
      readings: matching,
      message: `房号“${shown}”可以读作 ${names.join(' 或 ')}，请写成带“-”的形式，例如 ${names[0] ?? ''}`,
    };
  }
  const likeliest = all[0] as RoomReading;
  return {
    ok: false,
    reason: 'absent',
    readings: [likeliest],
    message: `本楼没有房号 ${likeliest.unitNo}`,
  };
}

/** The layout of a building from its units: only these unit numbers, bounded by them. */
export function layoutOfUnits(units: Iterable<{ unitNo: string }>): RoomLayout {
  const unitNos = new Set<string>();
  for (const u of units) unitNos.add(u.unitNo);
  return { maxRoom: MAX_ROOM, has: (unitNo) => unitNos.has(unitNo) };
}
