/**
 * The building map: the registry's floors × rooms, and each unit's status in the layer the
 * organizer chose (how it voted, whether it paid, whether it was reached, whether it read a
 * notice). Pure: the server loads the documents of a floor range and asks these functions.
 */

export type MapLayer = 'vote' | 'pay' | 'contact' | 'read';

/** Labels of the channels staff enter besides paper; unknown ones show under their own name. */
const CHANNEL_LABELS: Record<string, string> = {
  online: '在线投票',
  paper: '纸质票',
  proxy: '代理人投票',
  meeting: '现场投票',
  video: '视频投票',
  visit: '上门投票',
};

const FIXED_LABELS: Record<MapLayer, Array<[string, string]>> = {
  vote: [
    ['online', CHANNEL_LABELS.online ?? ''],
    ['paper', CHANNEL_LABELS.paper ?? ''],
    ['proxy', CHANNEL_LABELS.proxy ?? ''],
    ['notYet', '未投票'],
    ['unreachable', '联系不上'],
    ['off', '不在名册'],
  ],
  pay: [
    ['paid', '已缴清'],
    ['partly', '部分缴纳'],
    ['cashPending', '现金待入账'],
    ['unpaid', '未缴'],
    ['none', '无应缴'],
  ],
  contact: [
    ['reached', '已联系上'],
    ['abroad', '外地/海外'],
    ['visit', '需上门'],
    ['unreached', '未联系上'],
    ['never', '尚未联系'],
    ['none', '未售'],
  ],
  read: [
    ['read', '已读'],
    ['unread', '未读'],
  ],
};

/** The status's words for a layer; a staff channel the map does not know shows its own name. */
export function statusLabel(layer: MapLayer, status: string): string {
  const fixed = FIXED_LABELS[layer].find(([key]) => key === status);
  if (fixed) return fixed[1];
  if (layer === 'vote') return CHANNEL_LABELS[status] ?? status;
  return status;
}

export function channelLabel(channel: string, voice: 'owner' | 'proxy'): string {
  if (voice === 'proxy') return CHANNEL_LABELS.proxy ?? channel;
  return CHANNEL_LABELS[channel] ?? channel;
}

// ---- statuses ---------------------------------------------------------------------------------

export interface BallotFacts {
  channel: string;
  voice: 'owner' | 'proxy';
}

export interface ContactFacts {
  reached: boolean;
  attempts: number;
}

/**
 * A unit in a decision: how its ballot came in (a proxy's ballot shows as the proxy's whatever
 * its channel), or, when none did, whether staff tried and could not reach the owner.
 */
export function voteStatus(input: {
  onRoll: boolean;
  ballot: BallotFacts | null;
  contact: ContactFacts | null;
}): string {
  if (!input.onRoll) return 'off';
  const { ballot, contact } = input;
  if (ballot) return ballot.voice === 'proxy' ? 'proxy' : ballot.channel;
  if (contact && !contact.reached && contact.attempts > 0) return 'unreachable';
  return 'notYet';
}

export interface BalanceFacts {
  /** What the unit still owes before pending cash (≤ 0 when paid up). */
  postedFen: number;
  /** Negative while cash the unit paid at the door awaits the treasurer. */
  pendingFen: number;
  chargedFen: number;
}

/**
 * A unit's money: cash handed to staff shows as pending until the treasurer posts it, so nobody
 * knocks on the door of a flat that has paid.
 */
export function payStatus(balance: BalanceFacts | null): string {
  if (!balance || balance.chargedFen <= 0) return 'none';
  if (balance.postedFen <= 0) return 'paid';
  if (balance.pendingFen < 0) return 'cashPending';
  return balance.postedFen < balance.chargedFen ? 'partly' : 'unpaid';
}

export interface ContactRowFacts {
  /** No current owner (an unsold flat): nobody to contact. */
  unsold: boolean;
  reached: boolean;
  attempts: number;
  overseas: boolean;
  needsHomeVisit: boolean;
}

/** A unit on the last-mile tracker: what staff should do first decides the colour. */
export function contactStatus(row: ContactRowFacts): string {
  if (row.unsold) return 'none';
  if (row.needsHomeVisit) return 'visit';
  if (!row.reached && row.attempts > 0) return 'unreached';
  if (row.overseas) return 'abroad';
  if (row.reached) return 'reached';
  return 'never';
}

export function readStatus(read: boolean): string {
  return read ? 'read' : 'unread';
}

/** Statuses that are still work to do: the last mile lists these units. */
export const TO_DO: Record<'vote' | 'pay', readonly string[]> = {
  vote: ['notYet', 'unreachable'],
  pay: ['unpaid', 'partly'],
};

// ---- layout -----------------------------------------------------------------------------------

/**
 * The room's place on its floor, from the room number as residents write it: "12-03" → 3,
 * "1203" on floor 12 → 3, "B-2" → 2. Null when the number names no room position.
 */
export function roomOf(unitNo: string, floor: number): number | null {
  const dashed = /^\s*-?\d+\s*[-－]\s*0*(\d{1,4})\s*$/.exec(unitNo);
  if (dashed?.[1]) return Number(dashed[1]);
  const digits = /^\s*(\d+)\s*$/.exec(unitNo)?.[1];
  const prefix = String(floor);
  if (digits && digits.length > prefix.length && digits.startsWith(prefix)) {
    return Number(digits.slice(prefix.length));
  }
  const tail = /(\d{1,4})\D*$/.exec(unitNo)?.[1];
  return tail ? Number(tail) : null;
}

export interface MapUnit {
  unitId: string;
  unitNo: string;
  floor: number;
}

export type CellTuple = [string, string, number, string];

export interface FloorRow {
  floor: number;
  cells: CellTuple[];
}

/**
 * The floors of a range, top floor first, each floor's rooms in room order. A room whose number
 * names no position, or names one already taken, goes after the others, so every unit shows.
 */
export function floorRows(
  units: readonly MapUnit[],
  statusOf: (unitId: string) => string,
): FloorRow[] {
  const byFloor = new Map<number, MapUnit[]>();
  for (const u of units) byFloor.set(u.floor, [...(byFloor.get(u.floor) ?? []), u]);
  return [...byFloor.entries()]
    .sort(([a], [b]) => b - a)
    .map(([floor, list]) => {
      const placed = list
        .map((u) => ({ u, room: roomOf(u.unitNo, floor) }))
        .sort((a, b) => (a.room ?? 1e9) - (b.room ?? 1e9) || compareText(a.u.unitNo, b.u.unitNo));
      const taken = new Set<number>();
      let last = 0;
      const cells: CellTuple[] = placed.map(({ u, room }) => {
        const col = room !== null && room > 0 && !taken.has(room) ? room : last + 1;
        taken.add(col);
        last = Math.max(last, col);
        return [u.unitId, u.unitNo, col, statusOf(u.unitId)];
      });
      return { floor, cells };
    });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- legend -----------------------------------------------------------------------------------

export interface LegendEntry {
  status: string;
  label: string;
  count: number;
}

/**
 * The legend of a layer: every status of the layer in a fixed order (with 0 when none), then
 * the staff channels that turned up, so the colours never move when the counts change.
 */
const QUIET = ['off', 'none'];

export function legendOf(layer: MapLayer, counts: ReadonlyMap<string, number>): LegendEntry[] {
  const fixed = FIXED_LABELS[layer].map(([status]) => status);
  const extra = [...counts.keys()].filter((s) => !fixed.includes(s)).sort(compareText);
  return (
    [...fixed.slice(0, layer === 'vote' ? 3 : fixed.length), ...extra]
      .concat(layer === 'vote' ? fixed.slice(3) : [])
      // Units outside the question (off the roll, nothing charged, unsold) only when there are some.
      .filter((status) => !QUIET.includes(status) || (counts.get(status) ?? 0) > 0)
      .map((status) => ({
        status,
        label: statusLabel(layer, status),
        count: counts.get(status) ?? 0,
      }))
  );
}

// ---- the last mile's cursor -------------------------------------------------------------------

/** Where a walk through the building stopped: floor, then room number. */
export interface FloorCursor {
  floor: number;
  unitNo: string;
}

export function cursorText(c: FloorCursor): string {
  return `${c.floor}|${c.unitNo}`;
}

export function parseCursor(text: string | undefined): FloorCursor | null {
  if (!text) return null;
  const bar = text.indexOf('|');
  const floor = Number(text.slice(0, bar));
  if (bar < 1 || !Number.isInteger(floor)) return null;
  return { floor, unitNo: text.slice(bar + 1) };
}
