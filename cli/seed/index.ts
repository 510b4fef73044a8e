import { demoDecisions } from './decisions';
import { demoSeed, type DemoIdentity } from './demo';
import { demoReminders } from './reminders';

/**
 * Everything `tongti serve --seed demo` loads: the building with its people (fixed), and its
 * decisions dated around `now`, so a fresh demo always has a vote running and a notice posted.
 */
export function demoBuilding(now: number): {
  collections: Record<string, readonly object[]>;
  identities: DemoIdentity[];
} {
  const seed = demoSeed();
  const building = seed.collections.buildings[0];
  const organizer = seed.identities.find((i) => i.role === 'organizer');
  if (!building || !organizer) throw new Error('demo seed: no building or organizer');
  const decisions = demoDecisions({
    buildingId: building._id,
    units: seed.collections.units,
    organizerOpenid: organizer.openid,
    now,
  });
  return {
    collections: { ...seed.collections, ...decisions, ...demoReminders(now) },
    identities: seed.identities,
  };
}
