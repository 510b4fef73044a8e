import type { MeView, MyUnitView } from '../../typings/api';
import type { Binding, Building, Person, Unit } from '../../core/registry/model';
import { helpLineOf } from '../../core/registry/helpLine';
import { byRoom } from '../../core/registry/lastMile';
import { ownersOn, voterOn } from '../../core/registry/rights';
import type { UseCaseContext } from '../auth/guard';
import { docs, find } from '../repository/docs';
import { readByIds } from '../repository/readAll';
import { docsOf } from '../repository/results';
import { proxiesOf } from './proxies';
import { bindingView, coOwnersView, loadPeople, proxyView } from './registry';

/**
 * households.me: the caller's own household — units with their co-owners, proxies given and
 * held, and binding requests still open or turned down. A guest gets their requests only.
 */
export async function me(ctx: UseCaseContext): Promise<MeView> {
  const caller = await ctx.caller();
  const member = caller.member;
  const [bindings, buildings] = await Promise.all([
    caller.openid
      ? find<Binding>(ctx.db, 'bindings', {
          openid: caller.openid,
          status: ctx.db.command.in(['pending', 'rejected']),
        })
      : Promise.resolve([]),
    docsOf<Building>(ctx.db.collection('buildings').limit(1).get()),
  ]);
  const view: MeView = {
    openid: caller.openid,
    name: null,
    label: caller.label,
    roles: [...caller.roles],
    units: [],
    proxiesGiven: [],
    proxiesHeld: [],
    bindings: bindings.map(bindingView),
    helpLine: helpLineOf(buildings[0]),
  };
  if (!member) return view;

  const [self, proxies] = await Promise.all([
    docs(ctx.db).get<Person>('people', member.personId),
    proxiesOf(ctx, member),
  ]);
  view.name = self?.name ?? null;
  const unitIds = new Set<string>(member.links.map((l) => l.unitId));
  for (const p of [...proxies.given, ...proxies.held]) p.unitIds.forEach((id) => unitIds.add(id));
  const units = unitIds.size ? await readByIds<Unit>(ctx.db, 'units', [...unitIds]) : [];
  const personIds = new Set<string>([member.personId]);
  for (const u of units) ownersOn(u, ctx.now).forEach((id) => personIds.add(id));
  for (const p of proxies.held) personIds.add(p.ownerPersonId);
  const people = await loadPeople(ctx.db, [...personIds]);
  const nameOf = (id: string): string => people.find((p) => p._id === id)?.name ?? '业主';

  const mine: MyUnitView[] = [];
  for (const link of member.links) {
    const unit = units.find((u) => u._id === link.unitId);
    if (!unit) continue;
    const owners = ownersOn(unit, ctx.now);
    const stillOwner = owners.includes(member.personId);
    const leaving =
      link.as === 'owner' &&
      stillOwner &&
      unit.transfer &&
      !unit.transfer.toOwnerIds.includes(member.personId)
        ? unit.transfer.effectiveDate
        : null;
    mine.push({
      unitId: unit._id,
      unitNo: unit.unitNo,
      floor: unit.floor,
      areaHundredths: unit.areaHundredths,
      status: unit.status,
      as: link.as,
      isVoter: link.as === 'owner' && voterOn(unit, ctx.now) === member.personId,
      coOwners: coOwnersView(unit, people, ctx.now, member.personId),
      ownershipEndsOn: leaving,
      rightsEnded: link.as === 'owner' && !stillOwner,
    });
  }
  view.units = mine.sort(byRoom);
  const render = (p: (typeof proxies.given)[number]) =>
    proxyView(p, { units, ownerName: nameOf(p.ownerPersonId), now: ctx.now });
  view.proxiesGiven = proxies.given.map(render);
  view.proxiesHeld = proxies.held.map(render);
  return view;
}
