/**
 * A tower for the updates tests and bench: the decisions tower's registry (any size), with some
 * owners registered as elderly or of limited mobility (one of them without a phone), and the
 * progress collections empty so the functions find them.
 */
import type { Person } from '../../core/registry/model';
import { towerRegistry } from './decisionsTower';

export interface ProgressTower {
  collections: Record<string, readonly object[]>;
  /** An elderly owner's unit and openid. */
  elderly: { unitId: string; unitNo: string; openid: string };
  /** An owner with no flag: may volunteer, may not ask. */
  neighbour: { unitId: string; unitNo: string; openid: string };
  /** A flat whose elderly owner has no smartphone (staff ask for them). */
  noPhone: { unitId: string; unitNo: string };
  /** A flat registered for limited mobility, for coverage lists. */
  mobility: { unitId: string; unitNo: string };
  ownerOpenid: Map<string, string>;
}

export function progressTower(count: number): ProgressTower {
  const tower = towerRegistry(count);
  const { units } = tower.collections;
  const pick = (index: number) => {
    const unit = units[index];
    const owner = unit?.ownerIds[0];
    if (!unit || !owner) throw new Error(`progress tower: no owned unit ${index}`);
    return { unit, owner };
  };
  // Units 0, 9, 10, 11: plain owners at home (unit 2 is a second flat, 5 is away, 4 has a proxy).
  const elderly = pick(9);
  const noPhone = pick(10);
  const mobility = pick(11);
  const neighbour = pick(0);
  const flagged = new Map<string, Partial<Person>>([
    [elderly.owner, { elderly: true }],
    [noPhone.owner, { elderly: true, noSmartphone: true }],
    [mobility.owner, { limitedMobility: true }],
  ]);
  // Every 50th owner further up is elderly too, so big towers have a realistic share.
  const people = tower.collections.people.map((p, i) => ({
    ...p,
    ...(flagged.get(p._id) ?? (i > 20 && i % 50 === 0 ? { elderly: true } : {})),
  }));
  const openidOf = (unitId: string): string => tower.ownerOpenid.get(unitId) ?? '';
  return {
    collections: {
      ...tower.collections,
      people,
      milestones: [],
      progressUpdates: [],
      outages: [],
      helpRequests: [],
      audit: [],
    },
    elderly: {
      unitId: elderly.unit._id,
      unitNo: elderly.unit.unitNo,
      openid: openidOf(elderly.unit._id),
    },
    neighbour: {
      unitId: neighbour.unit._id,
      unitNo: neighbour.unit.unitNo,
      openid: openidOf(neighbour.unit._id),
    },
    noPhone: { unitId: noPhone.unit._id, unitNo: noPhone.unit.unitNo },
    mobility: { unitId: mobility.unit._id, unitNo: mobility.unit.unitNo },
    ownerOpenid: tower.ownerOpenid,
  };
}
