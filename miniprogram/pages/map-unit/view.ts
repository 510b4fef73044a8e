import type { LastMileRowView, UnitHistoryView } from '../../../typings/api';
import { formatFen as yuan, formatDate, formatDateTime } from '../../utils/format';
import { CHANNEL_LABELS } from '../../utils/households';

export interface PhoneLine {
  name: string;
  phone: string;
}

export interface VoteLine {
  id: string;
  title: string;
  line: string;
  voted: boolean;
}

export interface UnitSheet {
  title: string;
  owners: string;
  tags: string;
  phones: PhoneLine[];
  contactLine: string;
  votes: VoteLine[];
  moneyLine: string;
  owes: boolean;
  entries: string[];
  contacts: string[];
  proxies: string[];
  /** An open decision this unit has not voted in: where a paper ballot would go. */
  paperDecisionId: string;
  paperDecisionTitle: string;
}

/** "已联系上 · 微信 1 次 · 12月1日 10:00 · 已进群" — the tracker's last word on the unit. */
export function contactLine(r: LastMileRowView): string {
  if (!r.lastChannel) return '尚未联系';
  const when = r.updatedAt ? ` · ${formatDateTime(r.updatedAt)}` : '';
  const note = r.note ? ` · ${r.note}` : '';
  return `${r.reached ? '已联系上' : '未联系上'} · ${CHANNEL_LABELS[r.lastChannel]} ${r.attempts} 次${when}${note}`;
}

export function contactTags(r: LastMileRowView): string {
  return [
    r.overseas ? '外地/海外' : '',
    r.elderly ? '高龄' : '',
    r.noSmartphone ? '无智能手机' : '',
    r.needsHomeVisit ? '需上门' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The unit sheet: owners and how to reach them (phones for admins only, as the server sends
 * them), each vote with its channel, the money, the contacts and the proxies. `decisionId` is the
 * decision the map was showing: a paper ballot goes there if it is open and the unit has not voted.
 */
export function unitSheet(h: UnitHistoryView, decisionId: string): UnitSheet {
  const owners = h.contact.owners;
  const open = h.votes.filter((v) => v.open && v.ballot === null);
  const paper = open.find((v) => v.decisionId === decisionId) ?? open[0] ?? null;
  const standing = h.money.standing;
  const owes = standing.status === 'unpaid' || standing.status === 'partly';
  return {
    title: `${h.unitNo}（${h.floor}层）`,
    owners:
      owners.map((o) => o.name + (o.livesIn ? `（${o.livesIn}）` : '')).join('、') || '（未售）',
    tags: contactTags(h.contact),
    phones: owners.flatMap((o) => (o.phone ? [{ name: o.name, phone: o.phone }] : [])),
    contactLine: contactLine(h.contact),
    votes: h.votes.map((v) => ({
      id: v.decisionId,
      title: v.decisionTitle,
      voted: v.ballot !== null,
      line: v.ballot
        ? `${v.ballot.channelLabel} · ${formatDateTime(v.ballot.castAt)}${
            v.ballot.coveredUnitNos.length
              ? ` · 同时代表 ${v.ballot.coveredUnitNos.join('、')}`
              : ''
          }`
        : v.open
          ? '还没投'
          : '没有投票',
    })),
    moneyLine:
      standing.chargedFen > 0
        ? `${standing.statusLabel} · 应缴 ${yuan(standing.chargedFen)}，还差 ${yuan(standing.leftFen)}${
            standing.pendingCashFen > 0 ? `，现金待入账 ${yuan(standing.pendingCashFen)}` : ''
          }`
        : '这户没有应缴款',
    owes,
    entries: h.money.entries
      .slice(-6)
      .reverse()
      .map(
        (e) =>
          `${formatDateTime(e.at)} ${e.kindLabel}${e.phaseLabel ? `（${e.phaseLabel}）` : ''} ${e.amountText}${e.channelLabel ? ` · ${e.channelLabel}` : ''}`,
      ),
    contacts: h.contacts.map(
      (c) =>
        `${formatDateTime(c.at)} ${CHANNEL_LABELS[c.channel]}${c.reached ? '联系上' : '未联系上'}${c.note ? ` · ${c.note}` : ''} · ${c.byLabel}`,
    ),
    proxies: h.proxies.map(
      (p) => `${p.proxyName} · ${p.scopeLabel} · ${p.stateLabel} · 至 ${formatDate(p.validUntil)}`,
    ),
    paperDecisionId: paper?.decisionId ?? '',
    paperDecisionTitle: paper?.decisionTitle ?? '',
  };
}

/** decision-paper takes the decision and the room number (the ballots page reads `id` today). */
export function paperPath(decisionId: string, unitNo: string): string {
  const d = encodeURIComponent(decisionId);
  return `/pages/decision-paper/index?id=${d}&decisionId=${d}&unit=${encodeURIComponent(unitNo)}`;
}

export function cashPath(unitNo: string): string {
  return `/pages/cash-desk/index?unit=${encodeURIComponent(unitNo)}`;
}
