import type { ContactDetails, DirectoryUnit } from '../../typings/api';
import { byRoom } from '../../core/registry/lastMile';
import type { Unit } from '../../core/registry/model';
import { maskName } from '../../core/registry/privacy';
import { ownersOn } from '../../core/registry/rights';
import type { UseCaseContext } from '../auth/guard';
import { docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { loadBuilding, loadPeople, loadUnit } from './registry';

/**
 * households.directory: the building as residents may see it — room numbers and masked owner
 * names (孙**), never phone numbers.
 */
export async function directory(ctx: UseCaseContext): Promise<{ units: DirectoryUnit[] }> {
  const building = await loadBuilding(ctx.db);
  const units = await readAll<Unit>(ctx.db, 'units', { buildingId: building._id });
  const people = await loadPeople(
    ctx.db,
    units.flatMap((u) => ownersOn(u, ctx.now)),
  );
  const names = new Map(people.map((p) => [p._id, p.name]));
  return {
    units: units.sort(byRoom).map((u) => ({
      unitNo: u.unitNo,
      floor: u.floor,
      status: u.status,
      owners: ownersOn(u, ctx.now).map((id) => maskName(names.get(id) ?? '')),
    })),
  };
}

/** households.contactDetails: owners' full names and phone numbers — admins only. */
export async function contactDetails(
  request: { unitId: string },
  ctx: UseCaseContext,
): Promise<ContactDetails> {
  const unit = await loadUnit(docs(ctx.db), request.unitId);
  const owners = ownersOn(unit, ctx.now);
  const people = await loadPeople(ctx.db, owners);
  return {
    unitId: unit._id,
    unitNo: unit.unitNo,
    owners: owners.map((id) => {
      const p = people.find((x) => x._id === id);
      return { name: p?.name ?? '', phone: p?.phone ?? null, livesIn: p?.livesIn ?? null };
    }),
  };
}
