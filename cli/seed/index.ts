import { demoArticles } from './articles';
import { ballotEvidenceFiles } from './ballotEvidence';
import { demoDecisions } from './decisions';
import { withDemoDocuments } from './documents';
import { evidencePhotos } from './evidence';
import { demoSeed, type DemoIdentity } from './demo';
import { demoMoney } from './money';
import { demoProgress } from './progress';
import { demoReminders } from './reminders';

/**
 * Everything `tongti serve --seed demo` loads: the building with its people (fixed), and its
 * decisions, articles and works dated around `now`, so a fresh demo always has a vote running and
 * a notice posted.
 */
export function demoBuilding(now: number): {
  collections: Record<string, readonly object[]>;
  identities: DemoIdentity[];
  /** Files the seed's documents point to (cloudPath → bytes), for the local cloud's storage. */
  files: Record<string, Buffer>;
} {
  const seed = demoSeed();
  const building = seed.collections.buildings[0];
  const organizer = seed.identities.find((i) => i.role === 'organizer');
  if (!building || !organizer) throw new Error('demo seed: no building or organizer');
  const decisions = demoDecisions({
    buildingId: building._id,
    units: seed.collections.units,
    organizerOpenid: organizer.openid,
    proxies: seed.collections.proxies,
    people: seed.collections.people,
    now,
  });
  const { files: articleFiles, ...articles } = demoArticles({
    buildingId: building._id,
    units: seed.collections.units,
    members: seed.collections.members,
    organizerOpenid: organizer.openid,
    costSplitDecisionId: decisions.decisions.find((d) => d._id === 'd-cost-split')?._id ?? null,
    now,
  });
  const progress = demoProgress({
    buildingId: building._id,
    units: seed.collections.units,
    people: seed.collections.people,
    members: seed.collections.members,
    organizerOpenid: organizer.openid,
    now,
  });
  const money = demoMoney({
    buildingId: building._id,
    units: seed.collections.units,
    people: seed.collections.people,
    members: seed.collections.members,
    proxies: seed.collections.proxies,
    organizerOpenid: organizer.openid,
    now,
  });
  return {
    collections: {
      ...seed.collections,
      ...decisions,
      ...articles,
      ...progress.collections,
      ...demoReminders(now),
      ...money.collections,
    },
    identities: seed.identities,
    files: withDemoDocuments(
      {
        ...Object.fromEntries(articleFiles.map((f) => [f.cloudPath, f.content])),
        ...progress.files,
        ...money.files,
        ...ballotEvidenceFiles(decisions.ballots),
        ...evidencePhotos(seed.collections.proxies),
      },
      now,
    ),
  };
}
