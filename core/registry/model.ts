/**
 * The building's registry as plain data: the shapes stored in the `buildings`, `units`, `people`,
 * `members` and `articles` collections. Money is in integer fen and areas in integer hundredths of
 * a square metre everywhere.
 */

export type UnitStatus = 'owned' | 'unsold' | 'rented' | 'empty';

export interface Building {
  _id: string;
  name: string;
  address: string;
  community: string;
  builtYear: number;
  floors: number;
  elevators: number;
  /** Residents living in the building, as the residents' committee counts them. */
  residents: number;
}

export interface Unit {
  _id: string;
  buildingId: string;
  /** Room number as residents write it: floor-position, e.g. "12-03". */
  unitNo: string;
  floor: number;
  /** Registered exclusive-part area in hundredths of m². */
  areaHundredths: number;
  status: UnitStatus;
  /** People who own the unit; the first is the unit's voter. Empty for unsold developer units. */
  ownerIds: string[];
}

export interface Person {
  _id: string;
  name: string;
  phone: string | null;
  /** Aged 70 or more: staff visit rather than phone first. */
  elderly: boolean;
  /** Has no smartphone: pays in cash through staff, votes on paper. */
  noSmartphone: boolean;
  /** Lives abroad or in another city; acts through a proxy. */
  overseas: boolean;
  /** Where the person lives when not in the building (city or country). */
  livesIn: string | null;
}

export type Role = 'owner' | 'resident' | 'proxy' | 'staff' | 'treasurer' | 'organizer' | 'admin';

export interface Member {
  _id: string;
  /** WeChat openid of the member (from getWXContext, never from the client). */
  openid: string;
  personId: string;
  roles: Role[];
  /** Units the member is linked to (as owner, resident, or proxy for the owner). */
  unitIds: string[];
  /** For a proxy: the owner they act for. */
  actsForPersonId: string | null;
  label: string;
}

export interface Article {
  _id: string;
  buildingId: string;
  kind: 'notice';
  title: string;
  summary: string;
  body: string;
  author: string;
  /** ISO time with offset, e.g. 2026-11-20T09:00:00+08:00. */
  publishedAt: string;
  status: 'draft' | 'published';
}
