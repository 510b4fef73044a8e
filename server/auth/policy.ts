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
    paperBallot: { label: '录入纸质表决票', roles: FIELD_WORKERS },
    decidePaperOverride: { label: '确认纸质票替换业主在线投票', roles: ORGANIZERS },
    unitStatus: { label: '查看房屋表决状态', roles: FIELD_WORKERS },
    object: { label: '对初步结果提出异议', roles: ['owner', 'proxy'] },
    answerObjection: { label: '答复异议', roles: ORGANIZERS },
    objections: { label: '查看异议及答复', roles: MEMBERS },
    recount: { label: '复核计票', roles: ['staff', 'treasurer', 'organizer', 'admin'] },
  },
  /** Cost-split schemes, charges and payments (WeChat Pay, pay links for proxies). */
  funds: {},

  /** The public ledger, cash custody, expenses and the maintenance-fund red line. */
  ledger: {},

  /** Subscription messages: what a person accepted, and how many messages of each kind are left. */
  reminders: {
    subscribe: { label: '订阅消息提醒', roles: EVERYONE },
    mySubscriptions: { label: '查看我的消息提醒', roles: EVERYONE },
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
