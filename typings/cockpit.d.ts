/**
 * The organizer's cockpit: the building map (a floor × room grid coloured by a layer), its legend,
 * one unit's history, and the last mile of the work at hand. Payloads are compact: a 10,000-unit
 * building is read a floor range at a time.
 */
import type { ContactChannelName, LastMileRowView } from './households';
import type { LedgerEntryView, UnitStandingView } from './ledger';

/** What the map is coloured by. */
export type MapLayerName = 'vote' | 'pay' | 'contact' | 'read';

export type MapLayerRequest =
  | { layer: 'vote'; decisionId: string }
  | { layer: 'pay' }
  | { layer: 'contact' }
  | { layer: 'read'; articleId: string };

/**
 * A cell's status. Vote: `online`, `paper`, `proxy`, any other channel staff entered (by its
 * name, e.g. `meeting`), `notYet`, `unreachable`, `off` (not on the roll). Pay: `paid`, `partly`,
 * `cashPending`, `unpaid`, `none`. Contact: `visit`, `unreached`, `abroad`, `reached`, `never`,
 * `none` (unsold). Read: `read`, `unread`.
 */
export type MapStatusName = string;

export interface MapLayoutView {
  /** Highest and lowest floor with a unit; 0 when the registry is empty. */
  topFloor: number;
  bottomFloor: number;
  /** Floors that hold at least one unit. */
  floorCount: number;
  units: number;
  /** The widest floor's room count: how many columns the grid needs at least. */
  columns: number;
}

export interface MapChoiceView {
  id: string;
  title: string;
  /** 投票中 / 已截止 / … for decisions; the publication day for articles. */
  note: string;
}

export interface MapOverviewView {
  layout: MapLayoutView;
  /** Decisions with a roll (voting opened), newest first. */
  decisions: MapChoiceView[];
  /** Published articles, newest first (the latest few). */
  articles: MapChoiceView[];
  /** The work at hand: an open decision's votes, else the money. */
  work: LastMileWork;
}

/** One cell: `[unitId, unitNo, column (1-based), status]`, compact for large ranges. */
export type MapCellTuple = [string, string, number, MapStatusName];

export interface MapFloorView {
  floor: number;
  cells: MapCellTuple[];
}

export interface MapFloorsRequest {
  layer: MapLayerRequest;
  /** The range, top down: `fromFloor` ≥ `toFloor`, at most 20 floors. */
  fromFloor: number;
  toFloor: number;
}

export interface MapFloorsView {
  floors: MapFloorView[];
  /**
   * The floor to ask for next: `toFloor` − 1, or higher when the range held more units than one
   * answer carries (then fewer floors came back). The page stops at the layout's bottom floor.
   */
  nextFloor: number;
}

export interface MapLegendEntryView {
  status: MapStatusName;
  label: string;
  count: number;
}

export interface MapLegendView {
  layer: MapLayerName;
  units: number;
  entries: MapLegendEntryView[];
}

export interface UnitHistoryBallotView {
  decisionId: string;
  decisionTitle: string;
  /** 在线投票 / 纸质票 / 代理人投票 / 现场 / … */
  channelLabel: string;
  channel: string;
  voice: 'owner' | 'proxy';
  castAt: string;
  /** Other units the same person's ballot covers. */
  coveredUnitNos: string[];
}

export interface UnitHistoryContactView {
  channel: ContactChannelName;
  reached: boolean;
  note: string;
  byLabel: string;
  at: string;
}

export interface UnitHistoryProxyView {
  proxyName: string;
  /** 投票 / 缴款 / 投票和缴款 */
  scopeLabel: string;
  /** 有效 / 已撤销 / 已过期 / 待接受 */
  stateLabel: string;
  validUntil: string;
}

export interface UnitHistoryView {
  unitId: string;
  unitNo: string;
  floor: number;
  /** The unit's contact row (owners, phones for admins, reached, last channel). */
  contact: LastMileRowView;
  /** Decisions with a roll, newest first: the ballot, or null when the unit has not voted. */
  votes: Array<{
    decisionId: string;
    decisionTitle: string;
    open: boolean;
    ballot: UnitHistoryBallotView | null;
  }>;
  money: { standing: UnitStandingView; entries: LedgerEntryView[] };
  contacts: UnitHistoryContactView[];
  proxies: UnitHistoryProxyView[];
}

export type LastMileWork = { kind: 'vote'; decisionId: string; title: string } | { kind: 'money' };

export interface CockpitLastMileRequest {
  /** Absent: the work at hand (an open decision's votes, else the money). */
  work?: { kind: 'vote'; decisionId: string } | { kind: 'money' };
  /** The cursor of the previous page. */
  after?: string;
  /** 1–50, default 20. */
  limit?: number;
}

export interface CockpitLastMileRowView {
  /** The unit's contact row (owners, phones for admins only, last contact). */
  contact: LastMileRowView;
  /** The unit's status in the work: `notYet`, `unreachable` (votes), `unpaid`, `partly` (money). */
  status: MapStatusName;
  statusLabel: string;
}

export interface CockpitLastMileView {
  work: LastMileWork;
  rows: CockpitLastMileRowView[];
  /** Pass as `after` for the next page; null when the building has been walked to the end. */
  nextAfter: string | null;
  /** Units still to reach for this work, over the whole building. */
  remaining: number;
}

export interface CockpitApi {
  overview: { request: Record<string, never>; response: MapOverviewView };
  mapFloors: { request: MapFloorsRequest; response: MapFloorsView };
  mapLegend: { request: { layer: MapLayerRequest }; response: MapLegendView };
  unitHistory: { request: { unitId: string }; response: UnitHistoryView };
  lastMile: { request: CockpitLastMileRequest; response: CockpitLastMileView };
}
