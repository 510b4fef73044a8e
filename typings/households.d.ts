/**
 * households: the building, its units, owners, members, roles and proxies.
 *
 * Dates: instants are ISO strings with the +08:00 offset; days are YYYY-MM-DD (Shanghai).
 * Areas are integer hundredths of m². Names of other residents arrive masked (孙**); phone
 * numbers reach admins only.
 */

/** A notice (公告) as residents read it. Dates are ISO strings with the +08:00 offset. */
export interface NoticeView {
  id: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  publishedAt: string;
}

/** One card on the home page: an area of the product with its headline figure. */
export interface AreaCard {
  area: 'decisions' | 'money' | 'progress' | 'households';
  title: string;
  headline: string;
  detail: string;
  /** The tab or page the card opens. */
  path: string;
}

/** Who to call when something goes wrong (the residents' committee): "有问题请打电话给居委会 …". */
export interface HelpLineView {
  label: string;
  phone: string;
}

export interface BuildingSummary {
  buildingId: string;
  name: string;
  address: string;
  builtYear: number;
  floors: number;
  elevators: number;
  unitCount: number;
  /** Owners counted as the law counts them (multi-unit owners once, unsold units together once). */
  ownerCount: number;
  /** Total registered exclusive area, in hundredths of a square metre. */
  totalAreaHundredths: number;
  latestNotice: NoticeView | null;
  /** The help line the mini program shows with every error; null when none is configured. */
  helpLine: HelpLineView | null;
  areas: AreaCard[];
}

export type UnitStatusName = 'owned' | 'unsold' | 'rented' | 'empty';
export type RoleName =
  'owner' | 'resident' | 'proxy' | 'staff' | 'treasurer' | 'organizer' | 'admin';
/** Roles an admin assigns; owner, resident and proxy follow from bindings and proxies. */
export type AssignedRoleName = 'staff' | 'treasurer' | 'organizer' | 'admin';
export type LinkKindName = 'owner' | 'resident';
export type BindingStatusName = 'pending' | 'approved' | 'rejected' | 'ended';
export type ContactChannelName = 'phone' | 'visit' | 'wechat';
export type LastMileFilterName = 'all' | 'unreached' | 'overseas' | 'elderly' | 'needsHomeVisit';

// ---- My household -------------------------------------------------------------------------

export interface CoOwnerView {
  personId: string;
  name: string;
  isVoter: boolean;
  isMe: boolean;
}

export interface MyUnitView {
  unitId: string;
  unitNo: string;
  floor: number;
  areaHundredths: number;
  status: UnitStatusName;
  as: LinkKindName;
  /** The caller casts this unit's vote. */
  isVoter: boolean;
  /** Owners on today's date, the voter first (names in full: they share the unit). */
  coOwners: CoOwnerView[];
  /** A recorded sale: the caller's ownership ends at the start of this day. */
  ownershipEndsOn: string | null;
  /** The caller was an owner but the unit changed hands; they keep read access to history only. */
  rightsEnded: boolean;
}

export interface ProxyScopeView {
  vote: boolean;
  pay: boolean;
  /** One decision, or null for all decisions while the authorization lasts. */
  decisionId: string | null;
}

export type ProxyStateName = 'invited' | 'active' | 'expired' | 'revoked';

export interface ProxyView {
  id: string;
  unitIds: string[];
  unitNos: string[];
  /** Full to the owner and the proxy; masked in a preview of an invitation. */
  ownerName: string;
  proxyName: string;
  scope: ProxyScopeView;
  validUntil: string;
  state: ProxyStateName;
  source: 'wechat' | 'paper';
  createdAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  /** Paper authorizations: the photo of the signed form. */
  evidenceFileId: string | null;
}

export interface BindingView {
  id: string;
  unitId: string;
  unitNo: string;
  as: LinkKindName;
  /** The name the requester gave, or the registered owner's name. */
  name: string;
  method: 'code' | 'phone';
  status: BindingStatusName;
  requestedAt: string;
  decidedAt: string | null;
  reason: string | null;
}

export interface MeView {
  openid: string;
  name: string | null;
  label: string;
  roles: RoleName[];
  units: MyUnitView[];
  proxiesGiven: ProxyView[];
  proxiesHeld: ProxyView[];
  /** The caller's binding requests that are pending or were turned down. */
  bindings: BindingView[];
  /** The building's help line (the residents' committee), shown on 我的 and with every error. */
  helpLine: HelpLineView | null;
}

export interface BindingRequestResult {
  bindings: BindingView[];
  message: string;
}

export interface RequestBindingRequest {
  /** The unit's invite code from the lobby list, with or without the dash. */
  code: string;
  as: LinkKindName;
  /** Owners: the name as registered; residents: their own name. */
  name: string;
}

export interface RequestBindingByPhoneRequest {
  /** The code from `<button open-type="getPhoneNumber">`. */
  phoneCode: string;
}

export interface CoOwnersResult {
  unitId: string;
  coOwners: CoOwnerView[];
}

export interface TransferOwnershipRequest {
  unitId: string;
  newOwners: Array<{ name: string; phone?: string }>;
  /** The day the new owners' rights begin and the old owners' end. */
  effectiveDate: string;
}

export interface TransferOwnershipResult {
  unitId: string;
  unitNo: string;
  effectiveDate: string;
  /** True when the date has come: the registry already names the new owners. */
  applied: boolean;
  newOwnerIds: string[];
}

export interface InviteCodeRow {
  unitId: string;
  unitNo: string;
  floor: number;
  /** Shown once: only a hash is kept. Written ABCD-EFGH. */
  code: string;
}

export interface InviteCodeSheet {
  issuedAt: string;
  /** The page the mini program code opens. */
  page: string;
  /** The mini program code (wxacode.getUnlimited) for the lobby list, in cloud storage. */
  qrFileId: string | null;
  rows: InviteCodeRow[];
}

export interface InviteProxyRequest {
  unitIds: string[];
  proxyName: string;
  scope: ProxyScopeView;
  validUntil: string;
}

export interface ProxyInvitation {
  proxy: ProxyView;
  /** One-time token; only its hash is stored. */
  token: string;
  /** The page path to share (`onShareAppMessage`). */
  sharePath: string;
  tokenExpiresAt: string;
}

export interface ProxyPreview {
  proxy: ProxyView;
  canAccept: boolean;
  /** Why not, when `canAccept` is false. */
  reason: string | null;
}

export interface RegisterPaperProxyRequest {
  unitIds: string[];
  /** The owner who signed; defaults to the units' voter. */
  ownerPersonId?: string;
  proxyName: string;
  scope: ProxyScopeView;
  validUntil: string;
  /** Photo or scan of the signed authorization, uploaded to cloud storage. */
  evidenceFileId: string;
}

export interface DirectoryUnit {
  unitNo: string;
  floor: number;
  status: UnitStatusName;
  /** Masked: 孙**. */
  owners: string[];
}

export interface ContactDetails {
  unitId: string;
  unitNo: string;
  owners: Array<{ name: string; phone: string | null; livesIn: string | null }>;
}

export interface LastMileOwnerView {
  name: string;
  /** Admins only; null for everyone else. */
  phone: string | null;
  elderly: boolean;
  noSmartphone: boolean;
  overseas: boolean;
  livesIn: string | null;
}

export interface LastMileRowView {
  unitId: string;
  unitNo: string;
  floor: number;
  status: UnitStatusName;
  owners: LastMileOwnerView[];
  reached: boolean;
  overseas: boolean;
  elderly: boolean;
  noSmartphone: boolean;
  needsHomeVisit: boolean;
  lastChannel: ContactChannelName | null;
  note: string;
  attempts: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface LastMileCountsView {
  units: number;
  reached: number;
  unreached: number;
  overseas: number;
  elderly: number;
  needsHomeVisit: number;
}

export interface LastMileView {
  filter: LastMileFilterName;
  /** Counts over the whole building, whatever the filter. */
  counts: LastMileCountsView;
  /** The rows of this page (all of them when the request set no limit). */
  rows: LastMileRowView[];
  /** Rows the filter matches in the whole building. */
  total: number;
  /** Where the next page starts, or null after the last. */
  nextOffset: number | null;
}

export interface LogContactRequest {
  unitId: string;
  channel: ContactChannelName;
  reached: boolean;
  note?: string;
  overseas?: boolean;
  needsHomeVisit?: boolean;
}

export interface RosterErrorView {
  line: number;
  column: string | null;
  message: string;
  /** The worksheet the line is on (XLSX). */
  sheet?: string;
}

export interface RosterImportResult {
  fileName: string;
  dryRun: boolean;
  /** False when the file had errors (nothing is written then) or for a dry run. */
  applied: boolean;
  rows: number;
  errors: RosterErrorView[];
  ignoredColumns: string[];
  created: string[];
  updated: Array<{ unitNo: string; changes: string[] }>;
  unchanged: number;
  peopleCreated: number;
  peopleUpdated: number;
  /** Units in the registry the file does not list (left as they are). */
  missing: string[];
  /** Guesses the import would not make (namesakes without a phone): a person should confirm. */
  questions: RosterErrorView[];
}

export interface RosterImportView {
  id: string;
  at: string;
  source: 'cli' | 'upload';
  fileName: string;
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: RosterErrorView[];
}

export interface AuditView {
  who: string;
  roles: string[];
  action: string;
  target: string;
  at: string;
  requestId: string;
}

type Empty = Record<string, never>;

export interface HouseholdsApi {
  summary: { request: Empty; response: BuildingSummary };
  me: { request: Empty; response: MeView };
  requestBinding: { request: RequestBindingRequest; response: BindingRequestResult };
  requestBindingByPhone: { request: RequestBindingByPhoneRequest; response: BindingRequestResult };
  previewProxyInvite: { request: { token: string }; response: ProxyPreview };
  acceptProxy: { request: { token: string; name?: string }; response: { proxy: ProxyView } };
  directory: { request: Empty; response: { units: DirectoryUnit[] } };
  unbind: {
    request: { unitId: string; openid?: string };
    response: { unitId: string; openid: string; roles: RoleName[] };
  };
  inviteProxy: { request: InviteProxyRequest; response: ProxyInvitation };
  revokeProxy: { request: { proxyId: string }; response: { proxy: ProxyView } };
  addCoOwner: {
    request: { unitId: string; name: string; phone?: string };
    response: CoOwnersResult;
  };
  setVoter: { request: { unitId: string; personId: string }; response: CoOwnersResult };
  listBindingRequests: { request: Empty; response: { requests: BindingView[] } };
  decideBinding: {
    request: { bindingId: string; approve: boolean; reason?: string };
    response: { binding: BindingView };
  };
  issueInviteCodes: { request: { unitIds?: string[] }; response: InviteCodeSheet };
  transferOwnership: { request: TransferOwnershipRequest; response: TransferOwnershipResult };
  registerPaperProxy: { request: RegisterPaperProxyRequest; response: ProxyInvitation };
  importRoster: {
    request: { fileId: string; fileName?: string; dryRun: boolean };
    response: RosterImportResult;
  };
  importHistory: { request: Empty; response: { imports: RosterImportView[] } };
  lastMile: {
    request: { filter: LastMileFilterName; offset?: number; limit?: number };
    response: LastMileView;
  };
  logContact: { request: LogContactRequest; response: { row: LastMileRowView } };
  contactDetails: { request: { unitId: string }; response: ContactDetails };
  setRoles: {
    request: { openid: string; roles: AssignedRoleName[]; name?: string };
    response: { openid: string; roles: RoleName[]; label: string };
  };
  auditLog: { request: { limit?: number }; response: { entries: AuditView[] } };
  init: { request: Empty; response: { created: string[]; existing: string[] } };
}
