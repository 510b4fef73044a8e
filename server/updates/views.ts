import type {
  HelpRequestView,
  MilestoneView,
  OutageView,
  ProgressUpdateView,
} from '../../typings/api';
import {
  HELP_KIND_LABELS,
  MAX_VOLUNTEERS,
  MILESTONE_STATUS_LABELS,
  STAGE_LABELS,
  TIME_SLOT_LABELS,
  daysBetween,
  isCovered,
  isLate,
  isUnderway,
  type HelpRequest,
  type Milestone,
  type Outage,
  type ProgressUpdate,
} from '../../core/progress';

/** Stored documents as the contract shows them. */

export function milestoneView(m: Milestone, today: string): MilestoneView {
  return {
    stage: m.stage,
    label: STAGE_LABELS[m.stage],
    status: m.status,
    statusLabel: MILESTONE_STATUS_LABELS[m.status],
    plannedStart: m.plannedStart,
    plannedEnd: m.plannedEnd,
    actualStart: m.actualStart,
    actualEnd: m.actualEnd,
    late: isLate(m, today),
    updates: m.updateCount,
  };
}

export function updateView(
  u: ProgressUpdate,
  urls: ReadonlyMap<string, string>,
): ProgressUpdateView {
  return {
    id: u._id,
    stage: u.stage,
    stageLabel: STAGE_LABELS[u.stage],
    text: u.text,
    photos: u.photos.map((p) => ({ ...p, url: urls.get(p.fileId) ?? '' })),
    postedByLabel: u.postedByLabel,
    postedAt: u.postedAt,
  };
}

export function outageView(o: Outage, today: string): OutageView {
  return {
    id: o._id,
    elevator: o.elevator,
    from: o.from,
    to: o.to,
    days: daysBetween(o.from, o.to) + 1,
    note: o.note,
    publishedAt: o.publishedAt,
    underway: isUnderway(o, today),
  };
}

export function helpView(
  r: HelpRequest,
  viewer: { openid: string; unitIds: readonly string[]; organizer: boolean; canCancelAny: boolean },
): HelpRequestView {
  const mine = r.requestedBy === viewer.openid || viewer.unitIds.includes(r.unitId);
  return {
    id: r._id,
    unitNo: r.unitNo,
    floor: r.floor,
    kind: r.kind,
    kindLabel: HELP_KIND_LABELS[r.kind],
    date: r.date,
    slot: r.slot,
    slotLabel: TIME_SLOT_LABELS[r.slot],
    note: r.note,
    status: r.status,
    volunteerCount: r.volunteers.length,
    covered: isCovered(r),
    mine,
    iVolunteered: r.volunteers.some((v) => v.openid === viewer.openid),
    volunteers: mine || viewer.organizer ? r.volunteers.map((v) => v.label) : [],
    open: r.status === 'open' && r.volunteers.length < MAX_VOLUNTEERS,
    canCancel: r.status === 'open' && (mine || viewer.canCancelAny),
  };
}
