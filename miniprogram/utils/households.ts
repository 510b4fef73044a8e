import type {
  BindingStatusName,
  ContactChannelName,
  LinkKindName,
  ProxyScopeView,
  ProxyStateName,
  ProxyView,
  RoleName,
} from '../../typings/api';

/** Words the households pages use for the registry's codes. */

export const ROLE_LABELS: Record<RoleName, string> = {
  owner: '业主',
  resident: '住户',
  proxy: '代理人',
  staff: '社区工作者',
  treasurer: '出纳',
  organizer: '换梯小组',
  admin: '管理员',
};

export const LINK_LABELS: Record<LinkKindName, string> = { owner: '业主', resident: '家属或租户' };

export const PROXY_STATE_LABELS: Record<ProxyStateName, string> = {
  invited: '等待对方接受',
  active: '有效',
  expired: '已过期',
  revoked: '已撤销',
};

export const BINDING_STATUS_LABELS: Record<BindingStatusName, string> = {
  pending: '等待换梯小组审核',
  approved: '已通过',
  rejected: '未通过',
  ended: '已解除',
};

export const CHANNEL_LABELS: Record<ContactChannelName, string> = {
  phone: '电话',
  visit: '上门',
  wechat: '微信',
};

/** "投票和缴款，全部议题" / "只缴款，仅一个议题". */
export function scopeText(scope: ProxyScopeView): string {
  const what = scope.vote && scope.pay ? '投票和缴款' : scope.vote ? '只投票' : '只缴款';
  return `${what}，${scope.decisionId === null ? '全部议题' : '仅指定议题'}`;
}

/** "2027-06-30" → "2027年6月30日". */
export function dayText(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

export interface ProxyRow {
  id: string;
  title: string;
  detail: string;
  state: string;
  active: boolean;
}

/** One line about a proxy: who, for which rooms, what, until when, and its state. */
export function proxyRow(proxy: ProxyView, side: 'given' | 'held'): ProxyRow {
  const rooms = proxy.unitNos.join('、');
  return {
    id: proxy.id,
    title: side === 'given' ? `委托 ${proxy.proxyName}` : `代 ${proxy.ownerName}（${rooms}）`,
    detail: `${side === 'given' ? `${rooms}，` : ''}${scopeText(proxy.scope)}，至 ${dayText(proxy.validUntil)}${
      proxy.source === 'paper' ? '（书面委托）' : ''
    }`,
    state: PROXY_STATE_LABELS[proxy.state],
    active: proxy.state === 'active' || proxy.state === 'invited',
  };
}

/** What staff say happened when they log a contact (the action sheet's choices). */
export const CONTACT_OUTCOMES: Array<{
  label: string;
  channel: ContactChannelName;
  reached: boolean;
}> = [
  { label: '电话联系上了', channel: 'phone', reached: true },
  { label: '上门见到了', channel: 'visit', reached: true },
  { label: '微信联系上了', channel: 'wechat', reached: true },
  { label: '电话没人接', channel: 'phone', reached: false },
  { label: '上门没人在', channel: 'visit', reached: false },
];
