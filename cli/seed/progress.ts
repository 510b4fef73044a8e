import {
  timeline,
  type HelpKind,
  type HelpRequest,
  type Milestone,
  type Outage,
  type ProgressUpdate,
  type Stage,
  type TimeSlot,
} from '../../core/progress';
import type { Member, Person, Unit } from '../../core/registry/model';
import { addDays, shanghaiIso } from '../../core/registry/time';
import { DEFAULT_ENV_ID } from '../../localcloud/sdkEnv';
import { buildFileId } from '../../localcloud/storage/fileIds';
import { meetingPhoto, reportPhoto, shaftPhoto, towerPhoto } from './photos';

/**
 * The works of the demo building, dated relative to `now` like its decisions: the inspection is
 * done (report, site photos, the owners' meeting), the plan vote is under way, the later stages
 * carry planned dates; each elevator's stop days are published ahead (1号梯 first, then 2号梯),
 * with help asked by elderly owners high up (two through staff, having no smartphone) and some
 * neighbours signed up. Photos are small PNGs drawn in code and put in storage with the seed.
 */
export interface DemoProgress {
  collections: {
    milestones: Milestone[];
    progressUpdates: ProgressUpdate[];
    outages: Outage[];
    helpRequests: HelpRequest[];
    /** The registry's people with two owners registered as of limited mobility. */
    people: Person[];
  };
  /** cloudPath → bytes, for the local cloud's storage. */
  files: Record<string, Buffer>;
}

/** Owners who walk with difficulty (one on a high floor), for the outage help lists. */
const LIMITED_MOBILITY_FLATS = ['16-04', '23-05'];

export function demoProgress(input: {
  buildingId: string;
  units: readonly Unit[];
  people: readonly Person[];
  members: readonly Member[];
  organizerOpenid: string;
  now: number;
}): DemoProgress {
  const { buildingId, now } = input;
  const day = (offset: number): string => addDays(now, offset);
  const at = (offset: number, hour: number): string =>
    shanghaiIso(Date.parse(`${day(offset)}T${String(hour).padStart(2, '0')}:00:00+08:00`));
  const files: Record<string, Buffer> = {};
  const photo = (path: string, bytes: Buffer): string => {
    files[path] = bytes;
    return buildFileId(DEFAULT_ENV_ID, path);
  };
  const organizer = input.members.find((m) => m.openid === input.organizerOpenid);
  const engineer = input.members.find((m) => m.openid === 'demo-engineer');
  const label = (m: Member | undefined): string => m?.label ?? '换梯小组';

  const planned: Partial<Record<Stage, Partial<Milestone>>> = {
    inspection: {
      status: 'done',
      plannedStart: day(-110),
      plannedEnd: day(-85),
      actualStart: day(-108),
      actualEnd: day(-86),
    },
    planVote: {
      status: 'done',
      plannedStart: day(-63),
      plannedEnd: day(-25),
      actualStart: day(-63),
      actualEnd: day(-25),
    },
    costSplit: {
      status: 'done',
      plannedStart: day(-48),
      plannedEnd: day(-21),
      actualStart: day(-48),
      actualEnd: day(-21),
    },
    contract: {
      status: 'done',
      plannedStart: day(-20),
      plannedEnd: day(-10),
      actualStart: day(-20),
      actualEnd: day(-12),
    },
    outage: { plannedStart: day(18), plannedEnd: day(77) },
    installation: { plannedStart: day(20), plannedEnd: day(72) },
    acceptance: { plannedStart: day(73), plannedEnd: day(77) },
    inService: { plannedStart: day(78), plannedEnd: day(78) },
  };
  const updates: ProgressUpdate[] = [
    {
      _id: 'pu-demo-1',
      buildingId,
      stage: 'inspection',
      text: '第三方检测机构今天到楼里检测两部电梯，检测了曳引机、控制柜、导轨和轿厢。导轨等特种设备状况良好。',
      photos: [
        {
          fileId: photo('progress/demo/inspection-shaft.png', shaftPhoto()),
          caption: '井道和导轨',
        },
        {
          fileId: photo('progress/demo/inspection-tower.png', towerPhoto([150, 190, 230])),
          caption: '检测当天的大楼',
        },
      ],
      postedBy: 'demo-engineer',
      postedByLabel: label(engineer),
      postedAt: at(-104, 16),
    },
    {
      _id: 'pu-demo-2',
      buildingId,
      stage: 'inspection',
      text: '检测报告出来了：两部电梯无法修复，必须更换；导轨可以保留。报告全文已在公告里发布。',
      photos: [
        {
          fileId: photo('progress/demo/report-cover.png', reportPhoto()),
          caption: '检测报告结论页',
        },
      ],
      postedBy: input.organizerOpenid,
      postedByLabel: label(organizer),
      postedAt: at(-86, 10),
    },
    {
      _id: 'pu-demo-3',
      buildingId,
      stage: 'planVote',
      text: '业主说明会开过了，社区律师和电梯专家回答了大家的问题。方案表决已经开始，请在截止前投票，行动不便的业主可以约工作人员上门。',
      photos: [
        {
          fileId: photo('progress/demo/meeting-1.png', meetingPhoto()),
          caption: '周六的业主说明会',
        },
        {
          fileId: photo('progress/demo/meeting-tower.png', towerPhoto([240, 200, 150])),
          caption: '会后在楼下张贴方案',
        },
      ],
      postedBy: input.organizerOpenid,
      postedByLabel: label(organizer),
      postedAt: at(-47, 19),
    },
    {
      _id: 'pu-demo-4',
      buildingId,
      stage: 'planVote',
      text: '方案表决最终结果已公布：方案A（保留导轨，更换其余部件，¥980,000）以超过四分之三的票数通过，异议期内没有收到异议。换梯费用按专有面积分摊也同时通过。',
      photos: [
        {
          fileId: photo('progress/demo/result-notice.png', reportPhoto()),
          caption: '张贴在大堂的表决结果公告',
        },
      ],
      postedBy: input.organizerOpenid,
      postedByLabel: label(organizer),
      postedAt: at(-25, 18),
    },
    {
      _id: 'pu-demo-5',
      buildingId,
      stage: 'costSplit',
      text: '各户应缴分摊款已按面积出具，可在「筹款」里查看并用微信支付；在外地的业主可以把代付链接发给家人。不方便用手机的，工作人员每周二、六晚上在一楼大堂收现金并开收据。',
      photos: [
        {
          fileId: photo('progress/demo/cash-desk.png', towerPhoto([200, 220, 240])),
          caption: '大堂的现金收款台',
        },
      ],
      postedBy: input.organizerOpenid,
      postedByLabel: label(organizer),
      postedAt: at(-21, 11),
    },
    {
      _id: 'pu-demo-6',
      buildingId,
      stage: 'contract',
      text: '换梯合同今天签订，合同定金已从项目账户支付，付款记录和发票照片在公开账本里可以查到。停梯施工计划在停梯安排表决通过后开始。',
      photos: [
        {
          fileId: photo('progress/demo/contract-signing.png', meetingPhoto()),
          caption: '签约现场',
        },
      ],
      postedBy: input.organizerOpenid,
      postedByLabel: label(organizer),
      postedAt: at(-12, 17),
    },
  ];
  const count = (stage: Stage): number => updates.filter((u) => u.stage === stage).length;
  const milestones = timeline([], buildingId).map((m) => ({
    ...m,
    ...planned[m.stage],
    updateCount: count(m.stage),
    updatedAt: at(-12, 17),
    updatedBy: input.organizerOpenid,
  }));

  const outages: Outage[] = [
    {
      _id: 'og-demo-1',
      buildingId,
      elevator: '1号梯（东）',
      from: day(18),
      to: day(47),
      note: '施工期间 2号梯照常运行，高峰时段请让老人和抱小孩的邻居先乘。',
      publishedAt: at(-2, 9),
      publishedBy: input.organizerOpenid,
    },
    {
      _id: 'og-demo-2',
      buildingId,
      elevator: '2号梯（西）',
      from: day(48),
      to: day(77),
      note: '1号梯换好并验收后再停 2号梯，两部电梯不会同时停用。',
      publishedAt: at(-2, 9),
      publishedBy: input.organizerOpenid,
    },
  ];

  const unitByNo = new Map(input.units.map((u) => [u.unitNo, u]));
  const memberOf = (no: string): Member | undefined =>
    input.members.find((m) => m.links.some((l) => l.unitId === unitByNo.get(no)?._id));
  const volunteerOf = (openid: string) => {
    const m = input.members.find((x) => x.openid === openid);
    return { openid, label: m?.label ?? openid, at: at(-1, 20) };
  };
  const ask = (
    no: string,
    kind: HelpKind,
    offset: number,
    slot: TimeSlot,
    note: string,
    by: string | null,
    volunteers: string[],
  ): HelpRequest => {
    const unit = unitByNo.get(no);
    if (!unit) throw new Error(`demo progress: no unit ${no}`);
    const outage = outages[0];
    if (!outage) throw new Error('demo progress: no outage');
    const date = day(offset);
    return {
      _id: `${outage._id}:${unit._id}:${date}:${slot}:${kind}`,
      buildingId,
      outageId: outage._id,
      unitId: unit._id,
      unitNo: no,
      floor: unit.floor,
      kind,
      date,
      slot,
      note,
      requestedBy: by ?? memberOf(no)?.openid ?? 'demo-staff1',
      requestedAt: at(-1, 10),
      status: 'open',
      volunteers: volunteers.map(volunteerOf),
    };
  };
  const helpRequests = [
    ask('19-03', 'groceries', 19, 'morning', '每周一、四买菜，米和油比较重', null, [
      'demo-owner-p001',
    ]),
    ask('19-03', 'groceries', 22, 'morning', '每周一、四买菜，米和油比较重', null, []),
    ask('24-01', 'escort', 20, 'afternoon', '下午去医院复诊，需要有人陪着下楼', null, [
      'demo-owner-p002',
      'demo-staff2',
    ]),
    ask(
      '20-02',
      'groceries',
      19,
      'afternoon',
      '老人没有智能手机，由社区代为登记',
      'demo-staff1',
      [],
    ),
    ask('22-04', 'escort', 21, 'morning', '每周三上午去社区医院配药', 'demo-staff1', [
      'demo-owner-p004',
    ]),
  ];

  const limited = new Set(
    LIMITED_MOBILITY_FLATS.map((no) => unitByNo.get(no)?.ownerIds[0]).filter(Boolean),
  );
  const people = input.people.map((p) =>
    limited.has(p._id) ? { ...p, limitedMobility: true } : p,
  );
  return {
    collections: { milestones, progressUpdates: updates, outages, helpRequests, people },
    files,
  };
}
