/**
 * The building's registry as plain data: the shapes stored in the `buildings`, `units`, `people`,
 * `members`, `bindings`, `invites`, `proxies`, `contacts`, `contactLog`, `imports`, `audit` and
 * `articles` collections. Money is in integer fen and areas in integer hundredths of a square
 * metre everywhere. Instants are ISO text with the +08:00 offset; calendar days are YYYY-MM-DD in
 * Shanghai (see time.ts).
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
  /**
   * The residents' committee's (居委会) phone: the help line shown with every error and on 我的.
   * The one place it is configured; a building without one shows no help line.
   */
  helpPhone?: string;
}

/**
 * A recorded sale or inheritance: from `effectiveDate` (a Shanghai day) the unit's owners are
 * `toOwnerIds`, and the previous owners' rights end. Until then `ownerIds` still holds.
 */
export interface OwnershipTransfer {
  toOwnerIds: string[];
  effectiveDate: string;
  recordedBy: string;
  recordedAt: string;
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
  /** A transfer recorded ahead of its date (see ownersOn in rights.ts); absent when none. */
  transfer?: OwnershipTransfer | null;
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
  /**
   * Walks with difficulty or uses a wheelchair (absent = no): with the elderly, may ask for help
   * while the elevator is out of service.
   */
  limitedMobility?: boolean;
  /** Where the person lives when not in the building (city or country). */
  livesIn: string | null;
}

export type Role = 'owner' | 'resident' | 'proxy' | 'staff' | 'treasurer' | 'organizer' | 'admin';

/** Roles an admin assigns; the others follow from bindings and proxies. */
export const ASSIGNED_ROLES = ['staff', 'treasurer', 'organizer', 'admin'] as const;
export type AssignedRole = (typeof ASSIGNED_ROLES)[number];

export type LinkKind = 'owner' | 'resident';

/** How a member is tied to a unit after an organizer approved their binding. */
export interface MemberLink {
  unitId: string;
  as: LinkKind;
}

export interface Member {
  /** The openid: one member document per WeChat user. */
  _id: string;
  /** WeChat openid of the member (from getWXContext, never from the client). */
  openid: string;
  personId: string;
  roles: Role[];
  /** Approved bindings: the units the member owns or lives in. */
  links: MemberLink[];
  /** Units the member is linked to (as owner, resident, or proxy for the owner), for listing. */
  unitIds: string[];
  /**
   * For a proxy: the owner they act for, kept for readers of the first seed. The `proxies`
   * collection is authoritative (scope, expiry, revocation).
   */
  actsForPersonId: string | null;
  label: string;
}

export type BindingStatus = 'pending' | 'approved' | 'rejected' | 'ended';

/**
 * A WeChat user's request to act for a unit, awaiting (or past) an organizer's decision. An owner
 * claim's `_id` is `own:<unitId>:<personId>` — one seat per owner — so two people racing for the
 * same owner meet on one document; a resident's is `res:<unitId>:<openid>`.
 */
export interface Binding {
  _id: string;
  buildingId: string;
  unitId: string;
  unitNo: string;
  openid: string;
  as: LinkKind;
  /** The owner being claimed; null for residents until approval creates their person. */
  personId: string | null;
  /** The name the requester gave (residents) or the registry's name (owners). */
  name: string;
  method: 'code' | 'phone';
  status: BindingStatus;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

/** A unit's invite code, stored only as its keyed hash (`_id`). */
export interface InviteCode {
  _id: string;
  buildingId: string;
  unitId: string;
  issuedAt: string;
  issuedBy: string;
}

export interface ProxyScope {
  vote: boolean;
  pay: boolean;
  /** One decision, or null for every decision while the authorization lasts. */
  decisionId: string | null;
}

/** Stored states; "expired" is computed from the dates (see proxyState). */
export type ProxyStatus = 'invited' | 'active' | 'revoked';

/** A written authorization for someone to vote and/or pay for an owner (DOMAIN.md, proxies). */
export interface ProxyGrant {
  _id: string;
  buildingId: string;
  unitIds: string[];
  ownerPersonId: string;
  /** Who recorded it: the owner's openid, or the organizer who registered a paper form. */
  grantedBy: string;
  source: 'wechat' | 'paper';
  proxyName: string;
  proxyOpenid: string | null;
  proxyPersonId: string | null;
  scope: ProxyScope;
  /** Last Shanghai day the authorization holds. */
  validUntil: string;
  status: ProxyStatus;
  /**
   * Hash of the one-time share token (null when there never was a link). Kept after use, so the
   * link is still recognised — and refused as used — rather than reported as unknown.
   */
  tokenHash: string | null;
  tokenExpiresAt: string | null;
  /** Photo or scan of the signed paper authorization (a cloud fileID). */
  evidenceFileId: string | null;
  createdAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

export const CONTACT_CHANNELS = ['phone', 'visit', 'wechat'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The last-mile tracker's state of one unit (`_id` = unit id). */
export interface ContactStatus {
  _id: string;
  buildingId: string;
  unitId: string;
  reached: boolean;
  lastChannel: ContactChannel | null;
  /** Owner abroad or in another city as staff learned it; null = as the registry says. */
  overseas: boolean | null;
  /** Staff's call; null = the default (elderly owners without a smartphone need a visit). */
  needsHomeVisit: boolean | null;
  note: string;
  attempts: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** One contact attempt; never edited. */
export interface ContactLogEntry {
  _id: string;
  buildingId: string;
  unitId: string;
  channel: ContactChannel;
  reached: boolean;
  note: string;
  byOpenid: string;
  byLabel: string;
  at: string;
}

export interface RosterError {
  /** Line of the file (CSV) or row number of the sheet (XLSX), as the spreadsheet shows it. */
  line: number;
  column: string | null;
  message: string;
  /** The worksheet the line is on (XLSX); absent for CSV. */
  sheet?: string;
}

/** One run of the roster import (CLI or an organizer's upload). */
export interface RosterImport {
  _id: string;
  buildingId: string;
  at: string;
  by: string;
  source: 'cli' | 'upload';
  fileName: string;
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  /** The first errors, for the organizer's status page. */
  errors: RosterError[];
}

/** Who did what to what, and when (every write by a member, in the write's transaction). */
export interface AuditEntry {
  _id?: string;
  who: string;
  roles: string[];
  action: string;
  target: string;
  at: string;
  requestId: string;
  detail: Record<string, unknown> | null;
}

/** Articles have their own model (core/articles/model.ts); re-exported for older readers. */
export type { Article } from '../articles/model';
