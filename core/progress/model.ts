/**
 * The works as plain data: the replacement's milestones in their fixed order, the updates posted
 * under them, each elevator's outage schedule, and the help elderly and disabled residents ask
 * for while it stands. Calendar days are YYYY-MM-DD in Shanghai; instants are ISO text with the
 * +08:00 offset (see core/registry/time.ts).
 */

/** The stages of an elevator replacement, in the order they happen. */
export const STAGES = [
  'inspection',
  'planVote',
  'costSplit',
  'contract',
  'outage',
  'installation',
  'acceptance',
  'inService',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  inspection: '检测',
  planVote: '方案表决',
  costSplit: '费用分摊',
  contract: '签约',
  outage: '停梯施工',
  installation: '安装',
  acceptance: '验收',
  inService: '投入使用',
};

export const MILESTONE_STATUSES = ['pending', 'active', 'done'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  pending: '未开始',
  active: '进行中',
  done: '已完成',
};

/** One stage of the works (`_id` = the stage). */
export interface Milestone {
  _id: Stage;
  buildingId: string;
  stage: Stage;
  status: MilestoneStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Updates posted under the stage, counted in each post's transaction. */
  updateCount: number;
}

export const MAX_PHOTOS = 9;

export interface UpdatePhoto {
  fileId: string;
  caption: string;
}

/** Text and photos an organizer posts under a stage; never edited. */
export interface ProgressUpdate {
  _id: string;
  buildingId: string;
  stage: Stage;
  text: string;
  photos: UpdatePhoto[];
  postedBy: string;
  postedByLabel: string;
  postedAt: string;
}

/** One elevator's stop days, published as its own notice. */
export interface Outage {
  _id: string;
  buildingId: string;
  /** How residents name it: "1号梯（东）". */
  elevator: string;
  /** First and last day (inclusive) the elevator stands still. */
  from: string;
  to: string;
  note: string;
  publishedAt: string;
  publishedBy: string;
}

export const HELP_KINDS = ['groceries', 'escort', 'other'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const HELP_KIND_LABELS: Record<HelpKind, string> = {
  groceries: '代买搬运',
  escort: '上下楼陪护',
  other: '其他帮助',
};

export const TIME_SLOTS = ['morning', 'afternoon', 'evening'] as const;
export type TimeSlot = (typeof TIME_SLOTS)[number];
export const TIME_SLOT_LABELS: Record<TimeSlot, string> = {
  morning: '上午 8–12 点',
  afternoon: '下午 12–18 点',
  evening: '晚上 18–21 点',
};

export interface Volunteer {
  openid: string;
  label: string;
  at: string;
}

/** A household's ask for help on one day and slot of an outage; volunteers sign up for it. */
export interface HelpRequest {
  _id: string;
  buildingId: string;
  outageId: string;
  unitId: string;
  unitNo: string;
  floor: number;
  kind: HelpKind;
  date: string;
  slot: TimeSlot;
  note: string;
  requestedBy: string;
  requestedAt: string;
  status: 'open' | 'cancelled';
  volunteers: Volunteer[];
}

/** Enough hands for groceries or an escort down 24 floors; more would only crowd the stairs. */
export const MAX_VOLUNTEERS = 3;
