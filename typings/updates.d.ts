/**
 * updates: the progress of the works — the eight milestones with planned and actual dates, the
 * updates (text and photos) posted under them, each elevator's outage schedule, and the help
 * elderly and disabled residents ask for while their elevator stands still.
 *
 * Calendar days are YYYY-MM-DD (Shanghai); instants are ISO strings with the +08:00 offset.
 */

export type StageName =
  | 'inspection'
  | 'planVote'
  | 'costSplit'
  | 'contract'
  | 'outage'
  | 'installation'
  | 'acceptance'
  | 'inService';
export type MilestoneStatusName = 'pending' | 'active' | 'done';
export type HelpKindName = 'groceries' | 'escort' | 'other';
export type TimeSlotName = 'morning' | 'afternoon' | 'evening';

export interface MilestoneView {
  stage: StageName;
  /** 检测, 方案表决, … */
  label: string;
  status: MilestoneStatusName;
  statusLabel: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  /** Under way past its planned end. */
  late: boolean;
  /** Updates posted under this stage. */
  updates: number;
}

export interface PhotoView {
  fileId: string;
  caption: string;
  /** A temporary https address for `<image>` and wx.previewImage; '' if the file is gone. */
  url: string;
}

export interface ProgressUpdateView {
  id: string;
  stage: StageName;
  stageLabel: string;
  text: string;
  photos: PhotoView[];
  /** Who posted it, as the building knows them ("换梯小组 郑德明"). */
  postedByLabel: string;
  postedAt: string;
}

export interface OutageView {
  id: string;
  elevator: string;
  from: string;
  to: string;
  /** Days the elevator stands still, both ends included. */
  days: number;
  note: string;
  publishedAt: string;
  /** Today is one of its days. */
  underway: boolean;
}

export interface KeyDateView {
  date: string;
  what: string;
}

export interface ProgressOverview {
  buildingName: string;
  /** The server's day, so pages count days the same way everyone does. */
  today: string;
  milestones: MilestoneView[];
  current: StageName | null;
  currentLabel: string;
  percent: number;
  nextKeyDate: KeyDateView | null;
  /** Outages not over yet, soonest first. */
  outages: OutageView[];
  /** The newest updates (at most three). */
  latest: ProgressUpdateView[];
  /** The caller may post updates, set milestones and publish outages. */
  canPost: boolean;
}

export interface HelpRequestView {
  id: string;
  unitNo: string;
  floor: number;
  kind: HelpKindName;
  kindLabel: string;
  date: string;
  slot: TimeSlotName;
  slotLabel: string;
  note: string;
  status: 'open' | 'cancelled';
  volunteerCount: number;
  covered: boolean;
  /** Asked by the caller (or for the caller's flat). */
  mine: boolean;
  iVolunteered: boolean;
  /**
   * Who signed up, for the household that asked and for organizers (to call them); empty for
   * everyone else.
   */
  volunteers: string[];
  /** Another volunteer may still sign up. */
  open: boolean;
  /** The caller may cancel it: the household that asked, whoever asked for them, or organizers. */
  canCancel: boolean;
}

/** A flat the caller is bound to, and whether someone there may ask for help. */
export interface HelpUnitView {
  unitNo: string;
  floor: number;
  eligible: boolean;
}

/** A flagged household that has not asked for anything yet (organizers call them). */
export interface UnaskedHouseholdView {
  unitNo: string;
  floor: number;
  /** 高龄 / 行动不便 / 高龄、无智能手机 … */
  why: string;
}

export interface CoverageView {
  requests: number;
  covered: number;
  uncovered: number;
  unasked: UnaskedHouseholdView[];
}

export interface OutageDetailView {
  outage: OutageView;
  today: string;
  /** Open requests by day, slot and floor from the top. */
  requests: HelpRequestView[];
  myUnits: HelpUnitView[];
  /** Staff and organizers ask on behalf of any flagged household (those without a phone). */
  canRequestForOthers: boolean;
  /** For staff and organizers; null for everyone else. */
  coverage: CoverageView | null;
}

export interface MilestoneRequest {
  stage: StageName;
  status: MilestoneStatusName;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

export interface UpdatesApi {
  overview: { request: Record<string, never>; response: ProgressOverview };
  updates: {
    request: { stage?: StageName; offset?: number };
    response: { updates: ProgressUpdateView[]; more: boolean; today: string };
  };
  update: { request: { updateId: string }; response: ProgressUpdateView };
  /** Photos must already be in storage under `progress/`. */
  post: {
    request: { stage: StageName; text: string; photos: Array<{ fileId: string; caption: string }> };
    response: ProgressUpdateView;
  };
  setMilestone: { request: MilestoneRequest; response: MilestoneView };
  publishOutage: {
    request: { elevator: string; from: string; to: string; note: string };
    response: OutageView;
  };
  outage: { request: { outageId: string }; response: OutageDetailView };
  requestHelp: {
    request: {
      outageId: string;
      unitNo: string;
      kind: HelpKindName;
      date: string;
      slot: TimeSlotName;
      note: string;
    };
    response: HelpRequestView;
  };
  cancelHelp: { request: { requestId: string }; response: HelpRequestView };
  volunteer: { request: { requestId: string }; response: HelpRequestView };
  unvolunteer: { request: { requestId: string }; response: HelpRequestView };
}
