import type { MeView } from '../../../typings/api';
import { formatArea } from '../../utils/format';
import {
  BINDING_STATUS_LABELS,
  dayText,
  LINK_LABELS,
  proxyRow,
  ROLE_LABELS,
  type ProxyRow,
} from '../../utils/households';

export interface UnitRow {
  unitId: string;
  unitNo: string;
  facts: string;
  coOwners: string;
  note: string;
  /** The caller may invite a proxy for this unit. */
  canInvite: boolean;
}

export interface HouseholdView {
  name: string;
  roles: string;
  units: UnitRow[];
  given: ProxyRow[];
  held: ProxyRow[];
  bindings: Array<{ id: string; text: string }>;
  /** Units the caller owns today: what an invitation may cover. */
  ownedUnitIds: string[];
  /** Vote may be delegated only for units where the caller is the voter. */
  voterUnitIds: string[];
  /**
   * What the caller may do for owners as their proxy: "代 钟霞（5-02）投票、缴费". A proxy without a
   * flat of their own is told this, never that they have not bound a flat.
   */
  actingFor: ActingForRow[];
  /** A proxy with no flat of their own: the page leads with what they may do for the owner. */
  proxyOnly: boolean;
}

export interface ActingForRow {
  id: string;
  line: string;
  canVote: boolean;
  canPay: boolean;
}

function actingForRows(me: MeView): ActingForRow[] {
  return me.proxiesHeld
    .filter((p) => p.state === 'active' && (p.scope.vote || p.scope.pay))
    .map((p) => {
      const verbs = [p.scope.vote ? '投票' : '', p.scope.pay ? '缴费' : ''].filter(Boolean);
      return {
        id: p.id,
        line: `代 ${p.ownerName}（${p.unitNos.join('、')}）${verbs.join('、')}`,
        canVote: p.scope.vote,
        canPay: p.scope.pay,
      };
    });
}

/** What My household shows, from the `me` answer. */
export function toHouseholdView(me: MeView): HouseholdView {
  const owned = me.units.filter((u) => u.as === 'owner' && !u.rightsEnded);
  return {
    name: me.name ?? '',
    roles: me.roles.map((r) => ROLE_LABELS[r]).join('、') || '未绑定',
    units: me.units.map((u) => ({
      unitId: u.unitId,
      unitNo: u.unitNo,
      facts: `${formatArea(u.areaHundredths)} · ${LINK_LABELS[u.as]}${u.isVoter ? ' · 投票人' : ''}`,
      coOwners: u.coOwners.map((c) => `${c.name}${c.isVoter ? '（投票人）' : ''}`).join('、'),
      note: u.rightsEnded
        ? '产权已转移，您不再代表这套房屋'
        : u.ownershipEndsOn
          ? `产权将于 ${dayText(u.ownershipEndsOn)} 转移`
          : '',
      canInvite: u.as === 'owner' && !u.rightsEnded,
    })),
    given: me.proxiesGiven.map((p) => proxyRow(p, 'given')),
    held: me.proxiesHeld.map((p) => proxyRow(p, 'held')),
    bindings: me.bindings.map((b) => ({
      id: b.id,
      text: `${b.unitNo}：${BINDING_STATUS_LABELS[b.status]}${b.reason ? `（${b.reason}）` : ''}`,
    })),
    ownedUnitIds: owned.map((u) => u.unitId),
    voterUnitIds: owned.filter((u) => u.isVoter).map((u) => u.unitId),
    actingFor: actingForRows(me),
    proxyOnly: me.units.length === 0 && actingForRows(me).length > 0,
  };
}
