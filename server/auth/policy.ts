import type { Role } from '../../core/registry/model';
import type { ActionName, FunctionName } from '../../typings/api';

/**
 * THE policy table: for every function and action, which roles may call it. `guardActions`
 * enforces it before any action runs, and test/cloud/households-matrix.test.ts walks every action
 * × every role through the real function. Unit-level checks (is this *your* unit, is the proxy
 * still valid) come after, in the use case, from the registry (core/registry/rights.ts).
 *
 * `guest` is a signed-in WeChat user with no role yet: they may look, ask to bind and accept a
 * proxy invitation, nothing else.
 */
export const PRINCIPALS = [
  'guest',
  'owner',
  'resident',
  'proxy',
  'staff',
  'treasurer',
  'organizer',
  'admin',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const PRINCIPAL_LABELS: Record<Principal, string> = {
  guest: '未绑定用户',
  owner: '业主',
  resident: '住户',
  proxy: '代理人',
  staff: '社区工作者',
  treasurer: '出纳',
  organizer: '换梯小组',
  admin: '管理员',
};

export interface ActionPolicy {
  /** What the action does, as a resident would say it (used in refusals). */
  label: string;
  roles: readonly Principal[];
}

export type PolicyTable = {
  [F in FunctionName]: { [A in ActionName<F>]: ActionPolicy };
};

const EVERYONE: readonly Principal[] = PRINCIPALS;
const MEMBERS: readonly Principal[] = PRINCIPALS.filter((p) => p !== 'guest');
const BOUND: readonly Principal[] = ['owner', 'resident', 'proxy', 'organizer', 'admin'];
const OWNERS_AND_ORGANIZERS: readonly Principal[] = ['owner', 'organizer', 'admin'];
const ORGANIZERS: readonly Principal[] = ['organizer', 'admin'];
const FIELD_WORKERS: readonly Principal[] = ['staff', 'organizer', 'admin'];
const ADMINS: readonly Principal[] = ['admin'];
/** People who live here, and staff asking for neighbours without a phone (not proxies abroad). */
const HELP_ASKERS: readonly Principal[] = ['owner', 'resident', 'staff', 'organizer', 'admin'];

export const POLICY: PolicyTable = {
  households: {
    summary: { label: '查看楼栋概况', roles: EVERYONE },
    me: { label: '查看我的房屋', roles: EVERYONE },
    requestBinding: { label: '用邀请码绑定房屋', roles: EVERYONE },
    requestBindingByPhone: { label: '用手机号绑定房屋', roles: EVERYONE },
    previewProxyInvite: { label: '查看代理邀请', roles: EVERYONE },
    acceptProxy: { label: '接受代理委托', roles: EVERYONE },
    directory: { label: '查看住户名录', roles: MEMBERS },
    unbind: { label: '解除绑定', roles: BOUND },
    inviteProxy: { label: '邀请代理人', roles: ['owner'] },
    revokeProxy: { label: '撤销代理', roles: OWNERS_AND_ORGANIZERS },
    addCoOwner: { label: '添加共有人', roles: OWNERS_AND_ORGANIZERS },
    setVoter: { label: '指定投票人', roles: OWNERS_AND_ORGANIZERS },
    listBindingRequests: { label: '查看绑定申请', roles: ORGANIZERS },
    decideBinding: { label: '审核绑定申请', roles: ORGANIZERS },
    issueInviteCodes: { label: '生成邀请码', roles: ORGANIZERS },
    transferOwnership: { label: '登记产权转移', roles: ORGANIZERS },
    registerPaperProxy: { label: '登记书面委托', roles: ORGANIZERS },
    importRoster: { label: '导入房屋名册', roles: ORGANIZERS },
    importHistory: { label: '查看名册导入记录', roles: ORGANIZERS },
    lastMile: { label: '查看联络进度', roles: FIELD_WORKERS },
    logContact: { label: '记录联络', roles: FIELD_WORKERS },
    contactDetails: { label: '查看业主电话', roles: ADMINS },
    setRoles: { label: '设置人员角色', roles: ADMINS },
    auditLog: { label: '查看操作记录', roles: ADMINS },
    init: { label: '初始化数据库', roles: ADMINS },
  },
  decisions: {
    list: { label: '查看表决议题', roles: MEMBERS },
    openVotes: { label: '查看正在投票的议题', roles: MEMBERS },
    detail: { label: '查看表决详情', roles: MEMBERS },
    results: { label: '查看表决结果', roles: MEMBERS },
    published: { label: '查看逐户表决清单', roles: MEMBERS },
    create: { label: '新建表决议题', roles: ORGANIZERS },
    edit: { label: '修改表决议题', roles: ORGANIZERS },
    postNotice: { label: '发布表决公示', roles: ORGANIZERS },
    withdrawNotice: { label: '撤回表决公示', roles: ORGANIZERS },
    open: { label: '开始表决', roles: ORGANIZERS },
    extend: { label: '延长表决', roles: ORGANIZERS },
    close: { label: '结束表决', roles: ORGANIZERS },
    publishPreliminary: { label: '公示初步结果', roles: ORGANIZERS },
    publishFinal: { label: '公布最终结果', roles: ORGANIZERS },
    cast: { label: '投票', roles: ['owner', 'proxy'] },
    paperBallot: { label: '录入纸质、现场、视频或上门表决票', roles: FIELD_WORKERS },
    witnesses: { label: '查看可见证表决的工作人员', roles: FIELD_WORKERS },
    decidePaperOverride: { label: '确认纸质票替换业主在线投票', roles: ORGANIZERS },
    unitStatus: { label: '查看房屋表决状态', roles: FIELD_WORKERS },
    object: { label: '对初步结果提出异议', roles: ['owner', 'proxy'] },
    answerObjection: { label: '答复异议', roles: ORGANIZERS },
    objections: { label: '查看异议及答复', roles: MEMBERS },
    recount: { label: '复核计票', roles: ['staff', 'treasurer', 'organizer', 'admin'] },
  },
  /** Cost-split schemes, charges and payments (WeChat Pay, pay links for proxies). */
  funds: {
    listSchemes: { label: '查看分摊方案', roles: MEMBERS },
    createScheme: { label: '新建分摊方案', roles: ORGANIZERS },
    editScheme: { label: '修改分摊方案', roles: ORGANIZERS },
    compareSchemes: { label: '比较分摊方案', roles: MEMBERS },
    myShares: { label: '查看我家在各方案下的分摊', roles: MEMBERS },
    issueCharges: { label: '按生效方案出具应缴款', roles: ['treasurer', 'organizer', 'admin'] },
    myAccount: { label: '查看我家的缴款', roles: BOUND },
    // A friend abroad pays through a shared link without any role; the use case checks the unit.
    createOrder: { label: '发起缴款', roles: EVERYONE },
    orderStatus: { label: '查看缴款结果', roles: EVERYONE },
    createPayLink: { label: '生成代付链接', roles: ['owner', 'proxy'] },
    payLinkInfo: { label: '查看代付链接', roles: EVERYONE },
    receipt: { label: '查看缴款收据', roles: EVERYONE },
    reconcile: { label: '核对未到账的微信支付', roles: ['treasurer', 'organizer', 'admin'] },
    anomalies: { label: '查看支付异常', roles: ['treasurer', 'organizer', 'admin'] },
    resolveAnomaly: { label: '处理支付异常', roles: ['treasurer', 'admin'] },
  },

  /** The public ledger, cash custody, expenses and the maintenance-fund red line. */
  ledger: {
    overview: { label: '查看公开账本', roles: MEMBERS },
    entries: { label: '查看账本明细', roles: MEMBERS },
    units: { label: '查看各户缴款情况', roles: MEMBERS },
    unitLedger: { label: '查看房屋缴款记录', roles: MEMBERS },
    expenses: { label: '查看工程支出', roles: MEMBERS },
    redLine: { label: '查看维修基金红线', roles: MEMBERS },
    recordCash: { label: '登记现金收款', roles: ['staff', 'treasurer', 'organizer', 'admin'] },
    myCash: { label: '查看我经手的现金', roles: ['staff', 'treasurer', 'organizer', 'admin'] },
    recordDeposit: {
      label: '登记现金存入银行',
      roles: ['staff', 'treasurer', 'organizer', 'admin'],
    },
    settleCash: { label: '确认或作废现金收款', roles: ['treasurer'] },
    confirmDeposit: { label: '确认银行存款', roles: ['treasurer'] },
    treasurerQueue: { label: '查看出纳待办', roles: ['treasurer', 'organizer', 'admin'] },
    proposeExpense: { label: '提出工程付款', roles: ORGANIZERS },
    payExpense: { label: '支付工程款', roles: ['treasurer'] },
    export: { label: '导出账本', roles: ['treasurer', 'organizer', 'admin'] },
    importFund: { label: '导入维修基金余额', roles: ORGANIZERS },
  },
  /** Articles (公告, 说明, 检测报告, 会议纪要, 答疑), read receipts and residents' questions. */
  articles: {
    list: { label: '查看公告', roles: EVERYONE },
    detail: { label: '查看公告全文', roles: EVERYONE },
    version: { label: '查看公告的修改记录', roles: EVERYONE },
    questions: { label: '查看答疑', roles: EVERYONE },
    preview: { label: '预览公告', roles: ORGANIZERS },
    create: { label: '撰写公告', roles: ORGANIZERS },
    edit: { label: '修改公告', roles: ORGANIZERS },
    publish: { label: '发布公告', roles: ORGANIZERS },
    withdraw: { label: '撤回公告', roles: ORGANIZERS },
    receipts: { label: '查看公告已读情况', roles: FIELD_WORKERS },
    ask: { label: '提问', roles: BOUND },
    answer: { label: '答复提问', roles: ORGANIZERS },
    markFaq: { label: '设置常见问题', roles: ORGANIZERS },
    hideQuestion: { label: '隐藏提问', roles: ORGANIZERS },
  },
  /**
   * Progress of the works. The timeline is public (a shared link opens it for anyone); who asked
   * for help during an outage, and from which floor, only members see.
   */
  updates: {
    overview: { label: '查看工程进度', roles: EVERYONE },
    updates: { label: '查看进展记录', roles: EVERYONE },
    update: { label: '查看进展详情', roles: EVERYONE },
    post: { label: '发布工程进展', roles: ORGANIZERS },
    setMilestone: { label: '设置工程阶段', roles: ORGANIZERS },
    publishOutage: { label: '发布停梯安排', roles: ORGANIZERS },
    outage: { label: '查看停梯安排和求助', roles: MEMBERS },
    requestHelp: { label: '申请停梯期间帮助', roles: HELP_ASKERS },
    cancelHelp: { label: '取消求助', roles: HELP_ASKERS },
    volunteer: { label: '报名帮忙', roles: MEMBERS },
    unvolunteer: { label: '取消帮忙报名', roles: MEMBERS },
  },
  /**
   * Spreadsheets for the residents' committee and the property office. Owners' phone numbers
   * leave the server only for admins, so the contact list is theirs alone.
   */
  exports: {
    decision: { label: '导出表决名册和表决票', roles: ORGANIZERS },
    ledger: { label: '导出缴款和账本', roles: ['treasurer', 'organizer', 'admin'] },
    contacts: { label: '导出业主联系名单', roles: ADMINS },
  },
  /** Subscription messages: what a person accepted, and how many messages of each kind are left. */
  reminders: {
    subscribe: { label: '订阅消息提醒', roles: EVERYONE },
    mySubscriptions: { label: '查看我的消息提醒', roles: EVERYONE },
  },
  /** Printable A4 notices (PDF) for the lobby board: those who post them. */
  notices: {
    decisionNotice: { label: '打印表决公告', roles: FIELD_WORKERS },
    decisionResult: { label: '打印表决结果', roles: FIELD_WORKERS },
    moneySummary: { label: '打印收支公示', roles: ['staff', 'treasurer', 'organizer', 'admin'] },
    inviteSheet: { label: '生成并打印邀请码名单', roles: ORGANIZERS },
  },
  /** The building map and the last mile of the work at hand: for those who walk the floors. */
  cockpit: {
    overview: { label: '查看楼栋地图', roles: FIELD_WORKERS },
    mapFloors: { label: '查看楼栋地图', roles: FIELD_WORKERS },
    mapLegend: { label: '查看楼栋地图', roles: FIELD_WORKERS },
    unitHistory: { label: '查看房屋记录', roles: FIELD_WORKERS },
    lastMile: { label: '查看待联系的住户', roles: FIELD_WORKERS },
  },
};

/** The caller's principals: their roles, or `guest` when they have none. */
export function principalsOf(roles: readonly Role[]): Principal[] {
  return roles.length ? [...roles] : ['guest'];
}

export function policyFor<F extends FunctionName>(fn: F, action: ActionName<F>): ActionPolicy {
  const table = POLICY[fn] as Record<string, ActionPolicy>;
  const entry = table[action];
  if (!entry) throw new Error(`no policy for ${fn}.${action}`);
  return entry;
}

export function isAllowed<F extends FunctionName>(
  fn: F,
  action: ActionName<F>,
  principals: readonly Principal[],
): boolean {
  const { roles } = policyFor(fn, action);
  return principals.some((p) => roles.includes(p));
}

/** Open to every signed-in user, so the caller's roles need not be looked up first. */
export function isOpenToEveryone<F extends FunctionName>(fn: F, action: ActionName<F>): boolean {
  return PRINCIPALS.every((p) => policyFor(fn, action).roles.includes(p));
}
