import { demoBuilding } from '../../cli/seed';
import { demoSeed } from '../../cli/seed/demo';

/**
 * Money for the browser journeys: the demo building is charged already (cli/seed/money.ts), so a
 * journey that pays picks a flat whose share nobody has paid yet.
 */

const seed = demoSeed();

/**
 * An owner away whose proxy (a relative in Shanghai) may pay, with exactly one flat, and whose
 * share — charged from the demo's binding scheme — nobody has paid yet.
 */
export function proxiedFlat(): { proxyOpenid: string; unitNo: string; ownerName: string } {
  const money = demoBuilding(Date.now()).collections as unknown as {
    payOrders: Array<{ unitId: string }>;
    cashReceipts: Array<{ unitId: string }>;
  };
  const paid = new Set([...money.payOrders, ...money.cashReceipts].map((r) => r.unitId));
  for (const p of seed.collections.proxies) {
    if (p.status !== 'active' || !p.scope.pay || p.validUntil < '2030' || !p.proxyOpenid) continue;
    if (p.unitIds.length !== 1 || paid.has(p.unitIds[0] ?? '')) continue;
    const unit = seed.collections.units.find((u) => u._id === p.unitIds[0]);
    const owner = seed.collections.people.find((x) => x._id === p.ownerPersonId);
    if (unit && owner)
      return { proxyOpenid: p.proxyOpenid, unitNo: unit.unitNo, ownerName: owner.name };
  }
  throw new Error('the demo has no such proxy');
}
