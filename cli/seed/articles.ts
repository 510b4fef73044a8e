import {
  type Article,
  type ArticleRead,
  type ArticleVersion,
  type Block,
  type Question,
  parseBody,
} from '../../core/articles';
import type { Member, Unit } from '../../core/registry/model';
import { maskName } from '../../core/registry/privacy';
import { shanghaiIso } from '../../core/registry/time';
import { buildFileId } from '../../localcloud/storage/fileIds';
import { DEFAULT_ENV_ID } from '../../localcloud/sdkEnv';
import { shaftPhoto } from './photos';

/**
 * The demo building's articles, one of every kind, as the story tells them:
 * - the inspection notice the story starts with (公告, pinned), with a photo of the shaft, read by
 *   97 of the 138 flats;
 * - the inspection report itself (检测报告) as a PDF really put into the local cloud's storage;
 * - the minutes of the third residents' meeting (会议纪要), edited once after publication so its
 *   first version stays readable;
 * - why the cost is split by area (说明), linked to the cost-split decision;
 * - the Q&A (答疑) with answered questions (two in the FAQ) and one still open;
 * - a withdrawn notice (wrong water-cut date) whose stub stays, a draft and a scheduled notice.
 */
export interface DemoArticles {
  articles: Article[];
  articleVersions: ArticleVersion[];
  articleReads: ArticleRead[];
  questions: Question[];
  /** Files to put into storage before anyone opens the demo. */
  files: Array<{ cloudPath: string; content: Buffer }>;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const REPORT_PATH = 'articles/inspection-report.pdf';
export const SHAFT_PHOTO_PATH = 'articles/shaft-inspection.png';

function blocksOf(body: string): Block[] {
  const parsed = parseBody(body);
  if (!parsed.ok) throw new Error(`demo article body: ${parsed.message}`);
  return parsed.blocks;
}

export function demoArticles(input: {
  buildingId: string;
  units: readonly Unit[];
  members: readonly Member[];
  organizerOpenid: string;
  costSplitDecisionId: string | null;
  now: number;
}): DemoArticles {
  const { buildingId, organizerOpenid, now } = input;
  const reportId = buildFileId(DEFAULT_ENV_ID, REPORT_PATH);
  const photoId = buildFileId(DEFAULT_ENV_ID, SHAFT_PHOTO_PATH);
  const at = (ms: number): string => shanghaiIso(ms);

  const article = (
    fields: Pick<Article, '_id' | 'kind' | 'title' | 'summary' | 'body' | 'publishedAt'> &
      Partial<Article>,
  ): Article => ({
    buildingId,
    blocks: blocksOf(fields.body),
    attachments: [],
    pinned: false,
    decisionId: null,
    status: 'published',
    publishAt: null,
    author: '换梯工作小组',
    createdBy: organizerOpenid,
    createdAt: fields.publishedAt || at(now - DAY),
    updatedAt: fields.publishedAt || at(now - DAY),
    version: 1,
    editedAt: null,
    withdrawal: null,
    ...fields,
  });

  const minutesV1 = [
    '# 会议概况',
    '时间：周六上午九点半，地点：居委会活动室，到会业主 46 位。',
    '# 议定事项',
    '1. 采用业主自筹资金方式更换两部电梯。',
    '2. 方案与分摊办法公示 15 天后表决。',
  ].join('\n');
  const minutesV2 = [
    '# 会议概况',
    '时间：周六上午九点半，地点：居委会活动室，到会业主 48 位（另有 6 位通过视频参加）。',
    '# 议定事项',
    '1. 采用业主自筹资金方式更换两部电梯。',
    '2. 方案与分摊办法公示 15 天后表决。',
    '3. 停梯期间为行动不便的住户安排志愿者帮忙。',
    '# 下一步',
    '- 工作小组向三家电梯公司询价',
    '- 社区律师审阅合同文本',
  ].join('\n');
  // The story's calendar (see cli/seed/decisions.ts): the inspection report about three months
  // ago, the owners' meeting before the plans were posted, the result and the charges weeks ago.
  const inspectionAt = at(now - 85 * DAY);
  const minutesEdited = at(now - 68 * DAY);

  const articles: Article[] = [
    article({
      _id: 'notice-inspection',
      kind: 'notice',
      pinned: true,
      title: '关于两部电梯第三方检测结果的公告',
      summary: '检测结论：两部电梯已无法通过维修恢复安全运行，需要整体更换。检测报告全文已公示。',
      body: [
        '各位业主、住户：',
        '本楼两部电梯已运行二十余年。去年2月、5月两次发生“滑梯”，居民多次提出更换电梯的诉求。',
        '在居民区党总支支持下，换梯工作小组委托具备资质的第三方检测机构对两部电梯进行了全面检测。',
        `![检测人员在井道内检查导轨和曳引钢丝绳](${photoId})`,
        '# 检测结论',
        '- 曳引机、控制系统、门系统等主要部件老化严重，已无法通过维修恢复安全运行，建议整体更换',
        '- 导轨等特种设备状况良好，可以保留',
        '为什么是更换而不是修理？检测报告第四部分逐项作了说明，报告全文见《两部电梯检测报告》（附 PDF）。',
        '由于大楼维修基金已接近红线，动用将触发大额续筹，工作小组建议由业主自筹资金更换。方案与费用分摊办法将另行公示不少于15天，再由业主表决。',
        '欢迎大家在本页提问，或到居委会咨询，社区律师和街道城运中心的专家会统一答复。',
      ].join('\n'),
      publishedAt: inspectionAt,
    }),
    article({
      _id: 'report-inspection',
      kind: 'report',
      title: '两部电梯检测报告（全文）',
      summary: '第三方检测机构出具的检测报告，共四部分；第四部分说明为什么更换而不是修理。',
      body: [
        '检测报告全文见下方附件（PDF），可转发或打印。',
        '# 报告结构',
        '1. 检测依据与方法',
        '2. 两部电梯逐项检测结果',
        '3. 安全风险评估',
        '4. 维修与更换的比较',
      ].join('\n'),
      attachments: [{ kind: 'pdf', title: '电梯检测报告.pdf', fileId: reportId }],
      publishedAt: at(Date.parse(inspectionAt) + 5 * 60_000),
    }),
    article({
      _id: 'minutes-3',
      kind: 'minutes',
      title: '第三次业主恳谈会会议纪要',
      summary: '议定自筹资金更换电梯，方案公示 15 天后表决；停梯期间安排志愿者。',
      body: minutesV2,
      publishedAt: at(now - 70 * DAY),
      version: 2,
      editedAt: minutesEdited,
      updatedAt: minutesEdited,
    }),
    article({
      _id: 'explainer-split',
      kind: 'explainer',
      title: '费用为什么按面积分摊',
      summary: '按专有部分面积分摊与民法典的表决规则一致，也是本市加装和更换电梯的通行做法。',
      body: [
        '# 为什么按面积',
        '表决时既数人数也数面积，分摊按面积，大户多出、小户少出，大家认为比较公平。',
        '# 怎么算',
        '- 每户应缴 = 总费用 × 本户专有面积 ÷ 全楼专有面积',
        '- 金额精确到分，尾差由面积最大的户承担',
        '具体金额见“筹款”页，表决通过后开始缴费。',
      ].join('\n'),
      decisionId: input.costSplitDecisionId,
      publishedAt: at(now - 62 * DAY),
    }),
    article({
      _id: 'notice-plan-result',
      kind: 'notice',
      title: '电梯更换方案表决结果公告',
      summary:
        '方案A（保留导轨，更换其余部件，¥980,000.00）获得通过；换梯费用按专有面积分摊。异议期已满，结果为最终结果。',
      body: [
        '各位业主：',
        '电梯更换方案表决已经结束，初步结果公示期间没有收到异议，现公布最终结果。',
        '# 结果',
        '- 方案A：保留导轨，更换其余部件，预算 ¥980,000.00，获参与表决业主四分之三以上同意（人数和面积均达到），通过',
        '- 换梯费用按各户专有部分面积分摊，不设楼层系数，通过',
        '逐户表决情况见表决页面。',
      ].join('\n'),
      decisionId: 'd-elevator-plan',
      publishedAt: at(now - 25 * DAY),
    }),
    article({
      _id: 'notice-charges',
      kind: 'notice',
      title: '换梯费用分摊及缴款通知',
      summary:
        '各户应缴金额已按面积出具，请在截止日前缴纳；可微信支付、发代付链接给家人，或到大堂交现金。',
      body: [
        '各位业主：',
        '按表决通过的方案A和面积分摊办法，换梯费用 ¥980,000.00 已按各户专有面积出具应缴款。',
        '# 怎么缴',
        '- 在「筹款」页用微信支付，可以分次缴纳',
        '- 在外地的业主可以把代付链接发给家人代缴',
        '- 不方便用手机的，每周二、六晚上七点到八点半在一楼大堂交现金，工作人员当场开具收据，出纳确认后入账',
        '每一笔收支都记入公开账本，任何人可以核对。',
      ].join('\n'),
      decisionId: input.costSplitDecisionId,
      publishedAt: at(now - 21 * DAY + 2 * HOUR),
    }),
    article({
      _id: 'qa-replacement',
      kind: 'qa',
      title: '换梯答疑：大家最关心的问题',
      summary:
        '收集了恳谈会和群里的提问，由工作小组和社区律师统一答复。新的问题可以在本页下方提出。',
      body: [
        '我们把大家问得最多的问题整理在下面，新的问题请在本页提出，工作小组会尽快公开答复。',
      ].join('\n'),
      publishedAt: at(now - 68 * DAY),
    }),
    article({
      _id: 'notice-water',
      kind: 'notice',
      title: '停水通知',
      summary: '',
      body: '本周四上午九点至十一点停水。',
      publishedAt: at(now - 4 * DAY),
      status: 'withdrawn',
      withdrawal: {
        reason: '日期写错了，正确的停水时间另行通知',
        at: at(now - 4 * DAY + 2 * HOUR),
        by: organizerOpenid,
      },
    }),
    article({
      _id: 'draft-outage',
      kind: 'notice',
      title: '停梯施工期间的安排（草稿）',
      summary: '停梯时间、楼梯间照明、志愿者帮忙。',
      body: '施工时间待电梯公司确认后公布。',
      status: 'draft',
      publishedAt: '',
      createdAt: at(now - DAY),
      updatedAt: at(now - DAY),
    }),
    article({
      _id: 'notice-meeting-4',
      kind: 'notice',
      title: '第四次业主恳谈会通知',
      summary: '本周六上午九点半在居委会活动室，介绍施工计划和停梯期间的互助安排。',
      body: '本周六上午九点半在居委会活动室召开第四次业主恳谈会，电梯公司介绍施工计划，工作小组介绍停梯期间的互助安排，欢迎参加。',
      status: 'scheduled',
      publishAt: at(now + 2 * DAY),
      publishedAt: at(now + 2 * DAY),
    }),
  ];

  const articleVersions: ArticleVersion[] = [
    {
      _id: 'minutes-3:v1',
      articleId: 'minutes-3',
      version: 1,
      title: '第三次业主恳谈会会议纪要',
      summary: '议定自筹资金更换电梯，方案公示 15 天后表决。',
      blocks: blocksOf(minutesV1),
      attachments: [],
      replacedAt: minutesEdited,
      replacedBy: organizerOpenid,
    },
  ];

  // 97 of the 138 flats have read the inspection notice; the others are the last mile.
  const units = [...input.units].sort((a, b) => (a._id < b._id ? -1 : 1));
  const readers = units.filter((_u, i) => i % 10 !== 3 && i % 10 !== 7 && i % 23 !== 5);
  const articleReads: ArticleRead[] = [
    ...readers.slice(0, 97).map((u, i) => ({
      _id: `notice-inspection:${u._id}`,
      articleId: 'notice-inspection',
      unitId: u._id,
      firstReadAt: at(Date.parse(inspectionAt) + (i + 1) * 37 * 60_000),
    })),
    ...units.slice(0, 41).map((u) => ({
      _id: `minutes-3:${u._id}`,
      articleId: 'minutes-3',
      unitId: u._id,
      firstReadAt: at(now - 69 * DAY),
    })),
    // The charges notice, newest: read in the first days by most flats, so the building map's
    // notice layer has its last mile too (one flat in seven has not opened it).
    ...units
      .filter((_u, i) => i % 7 !== 2)
      .map((u, i) => ({
        _id: `notice-charges:${u._id}`,
        articleId: 'notice-charges',
        unitId: u._id,
        firstReadAt: at(now - 20 * DAY + (i + 1) * 23 * 60_000),
      })),
  ];

  const owners = input.members.filter((m) => m.roles.includes('owner') && m.unitIds.length > 0);
  const unitById = new Map(input.units.map((u) => [u._id, u]));
  const askerLabel = (m: Member): string => {
    const floor = unitById.get(m.unitIds[0] ?? '')?.floor;
    const name = maskName(m.label.split(/[（(]/)[0] ?? '');
    return floor ? `${name} · ${floor}楼` : name;
  };
  const ask = (
    i: number,
    _id: string,
    text: string,
    askedAt: number,
    answer: string | null,
    faq = false,
  ): Question => {
    const m = owners[i % Math.max(1, owners.length)];
    if (!m) throw new Error('demo articles: no owners to ask questions');
    return {
      _id,
      buildingId,
      targetKind: 'article',
      targetId: 'qa-replacement',
      text,
      askedBy: m.openid,
      askerLabel: askerLabel(m),
      askedAt: at(askedAt),
      answer: answer
        ? { text: answer, by: organizerOpenid, byLabel: '换梯工作小组', at: at(askedAt + 5 * HOUR) }
        : null,
      faq,
      hidden: null,
    };
  };
  const questions: Question[] = [
    ask(
      3,
      'q-demo-repair',
      '为什么不能修，一定要换？',
      now - 67 * DAY + HOUR,
      '检测报告第四部分逐项比较了维修和更换：主要部件已停产，维修后仍达不到安全要求，所以建议更换。报告全文见《两部电梯检测报告》。',
      true,
    ),
    ask(
      11,
      'q-demo-fund',
      '为什么不用维修基金？',
      now - 67 * DAY + 3 * HOUR,
      '大楼维修基金已接近红线，动用后会触发大额续筹，每户要一次补缴较多金额。自筹更直接，账目也全部公开。',
      true,
    ),
    ask(
      29,
      'q-demo-first-floor',
      '低楼层的住户平时很少坐电梯，也要按面积出钱吗？',
      now - 64 * DAY,
      '按面积分摊是恳谈会上多数业主同意的办法，最终以表决结果为准。有困难的家庭可以找工作小组商量分期缴纳。',
    ),
    ask(47, 'q-demo-outage', '停梯要多久？家里有老人上下楼怎么办？', now - DAY, null),
  ];

  return {
    articles,
    articleVersions,
    articleReads,
    questions,
    files: [{ cloudPath: SHAFT_PHOTO_PATH, content: shaftPhoto() }],
  };
}
