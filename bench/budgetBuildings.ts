import { demoBuilding } from '../cli/seed';
import { isoAt, rollEntries, type Decision } from '../core/decisions';
import { rollOf } from '../server/decisions/organize';
import { COLLECTIONS } from '../server/collections';
import {
  ORGANIZER,
  RESIDENT,
  STAFF,
  TREASURER,
  towerSeed,
  votesFor,
} from '../test/helpers/decisionsTower';
import type { BudgetBuilding } from './setDataSizes';

const DAY = 24 * 3600_000;

function idOf(docs: readonly object[] | undefined, pick: (d: Record<string, unknown>) => boolean) {
  const doc = (docs ?? []).find((d) => pick(d as Record<string, unknown>)) as
    { _id?: unknown } | undefined;
  return typeof doc?._id === 'string' ? doc._id : 'none';
}

/** 慈爱鑫和公寓 as `tongti serve --seed demo` loads it. */
export function demoBudgetBuilding(now: number): BudgetBuilding {
  const seed = demoBuilding(now);
  const c = seed.collections;
  const byRole = (role: string) => seed.identities.find((i) => i.role === role)?.openid ?? '';
  const owner = 'demo-owner-p001';
  return {
    label: 'demo (138 units)',
    collections: c,
    files: seed.files,
    identities: seed.identities,
    as: {
      organizer: byRole('organizer'),
      owner,
      staff: byRole('staff'),
      treasurer: byRole('treasurer'),
      resident: byRole('resident'),
    },
    ids: {
      openDecision: idOf(c.decisions, (d) => d.status === 'open'),
      article: idOf(c.articles, () => true),
      progressUpdate: idOf(c.progressUpdates, () => true),
      outage: idOf(c.outages, () => true),
      unit: idOf(c.units, (u) => Array.isArray(u.ownerIds) && u.ownerIds.includes('p001')),
    },
  };
}

export const BUSY_DECISION = 'd-busy';

/**
 * The synthetic tower of the decisions bench at `size` units with one more decision open for
 * five more days, which every unit but each tenth has voted: the ballots a recount pages through
 * and the lists the vote, results and published pages show. Every collection the functions know
 * exists (empty where the tower has nothing, as in a building that has just started).
 */
export function towerBudgetBuilding(
  size: number,
  now: number,
): BudgetBuilding & {
  ballots: number;
} {
  const tower = towerSeed(size, now);
  const { units } = tower.collections;
  const ended = tower.collections.decisions.find((d) => d._id === 'd-ended');
  if (!ended) throw new Error('tower: no open decision to copy');
  const busy: Decision = {
    ...ended,
    _id: BUSY_DECISION,
    title: '电梯更换与自筹资金（全楼表决）',
    closesAt: isoAt(now + 5 * DAY),
  };
  const casts = units
    .filter((u, i) => u.status !== 'unsold' && i % 10 !== 9)
    .map((u, i) => ({ unitId: u._id, choice: i % 4 === 3 ? 'no' : 'yes' }));
  const votes = votesFor(busy, units, casts, now - DAY);
  const empty = Object.fromEntries(COLLECTIONS.map((spec) => [spec.name, [] as object[]]));
  const [firstOwnedUnit, ownerOpenid] = [...tower.ownerOpenid.entries()][0] ?? ['', ''];
  const people = (role: string, openid: string) => ({ openid, label: `${role} ${openid}`, role });
  return {
    label: `${size.toLocaleString('en-US')} units`,
    ballots: votes.ballots.length,
    collections: {
      ...empty,
      ...tower.collections,
      decisions: [...tower.collections.decisions, busy],
      ballots: [...tower.collections.ballots, ...votes.ballots],
      tallies: [...tower.collections.tallies, ...votes.tallies],
      rolls: [...tower.collections.rolls, ...rollEntries(busy._id, rollOf(units, new Date(now)))],
    },
    identities: [
      people('organizer', ORGANIZER),
      people('owner', ownerOpenid),
      people('staff', STAFF),
      people('treasurer', TREASURER),
      people('resident', RESIDENT),
    ],
    as: {
      organizer: ORGANIZER,
      owner: ownerOpenid,
      staff: STAFF,
      treasurer: TREASURER,
      resident: RESIDENT,
    },
    ids: {
      openDecision: BUSY_DECISION,
      article: 'none',
      progressUpdate: 'none',
      outage: 'none',
      unit: firstOwnedUnit,
    },
  };
}
