/** Test data builders for the progress pages: the demo's story, overridable field by field. */
import type {
  HelpRequestView,
  MilestoneView,
  OutageDetailView,
  OutageView,
  ProgressOverview,
  ProgressUpdateView,
  StageName,
} from '../../../typings/api';

const LABELS: Array<[StageName, string]> = [
  ['inspection', '检测'],
  ['planVote', '方案表决'],
  ['costSplit', '费用分摊'],
  ['contract', '签约'],
  ['outage', '停梯施工'],
  ['installation', '安装'],
  ['acceptance', '验收'],
  ['inService', '投入使用'],
];

export function aMilestone(overrides: Partial<MilestoneView> = {}): MilestoneView {
  return {
    stage: 'costSplit',
    label: '费用分摊',
    status: 'pending',
    statusLabel: '未开始',
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    late: false,
    updates: 0,
    ...overrides,
  };
}

export function milestones(): MilestoneView[] {
  return LABELS.map(([stage, label], i) => {
    if (i === 0) {
      return aMilestone({
        stage,
        label,
        status: 'done',
        statusLabel: '已完成',
        actualStart: '2026-09-24',
        actualEnd: '2026-10-22',
        updates: 2,
      });
    }
    if (i === 1) {
      return aMilestone({
        stage,
        label,
        status: 'active',
        statusLabel: '进行中',
        actualStart: '2026-12-03',
        plannedEnd: '2026-12-18',
        updates: 1,
      });
    }
    return aMilestone({ stage, label, plannedStart: i === 2 ? '2026-12-20' : null });
  });
}

export function anUpdate(overrides: Partial<ProgressUpdateView> = {}): ProgressUpdateView {
  return {
    id: 'pu-1',
    stage: 'planVote',
    stageLabel: '方案表决',
    text: '业主说明会开过了，方案表决已经开始。',
    photos: [
      { fileId: 'cloud://env/progress/a.png', caption: '说明会', url: 'https://tmp.test/a.png' },
      { fileId: 'cloud://env/progress/b.png', caption: '张贴方案', url: 'https://tmp.test/b.png' },
    ],
    postedByLabel: '郑德明（换梯小组牵头人）',
    postedAt: '2026-12-03T19:00:00+08:00',
    ...overrides,
  };
}

export function anOutage(overrides: Partial<OutageView> = {}): OutageView {
  return {
    id: 'og-1',
    elevator: '1号梯（东）',
    from: '2027-01-26',
    to: '2027-02-24',
    days: 30,
    note: '2号梯照常运行',
    publishedAt: '2026-12-05T09:00:00+08:00',
    underway: false,
    ...overrides,
  };
}

export function anOverview(overrides: Partial<ProgressOverview> = {}): ProgressOverview {
  return {
    buildingName: '慈爱鑫和公寓',
    today: '2026-12-07',
    milestones: milestones(),
    current: 'planVote',
    currentLabel: '方案表决',
    percent: 18,
    nextKeyDate: { date: '2026-12-18', what: '方案表决计划完成' },
    outages: [anOutage()],
    latest: [anUpdate()],
    canPost: false,
    ...overrides,
  };
}

export function aHelp(overrides: Partial<HelpRequestView> = {}): HelpRequestView {
  return {
    id: 'h1',
    unitNo: '20-02',
    floor: 20,
    kind: 'groceries',
    kindLabel: '代买搬运',
    date: '2027-01-27',
    slot: 'afternoon',
    slotLabel: '下午 12–18 点',
    note: '老人没有智能手机',
    status: 'open',
    volunteerCount: 0,
    covered: false,
    mine: false,
    iVolunteered: false,
    volunteers: [],
    open: true,
    canCancel: false,
    ...overrides,
  };
}

export function anOutageDetail(overrides: Partial<OutageDetailView> = {}): OutageDetailView {
  return {
    outage: anOutage(),
    today: '2026-12-07',
    requests: [aHelp()],
    myUnits: [],
    canRequestForOthers: false,
    coverage: null,
    ...overrides,
  };
}
