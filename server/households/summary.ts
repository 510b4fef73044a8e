import type { BuildingSummary } from '../../typings/api';
import { currentDecisionOf, summarizeBuilding } from '../../core/building/summary';
import type { Article, Building, Unit } from '../../core/registry/model';
import type { Decision } from '../../core/decisions/model';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { readAll } from '../repository/readAll';
import { docsOf } from '../repository/results';

/** A building has a handful of live decisions at most; these are enough to find the current one. */
const RECENT_DECISIONS = 10;

/** Who works the building's roll: the households card opens their desk (bindings, last mile). */
const DESK_ROLES = new Set(['organizer', 'admin', 'staff']);

/**
 * households.summary: the building, its units, the latest published notice and the current
 * decision — four reads, the last three side by side — and, beside the first, who asks (the
 * households card opens the organizers' desk for them, and is left out for everyone else: a
 * resident's own flat is under 我的).
 */
export async function getBuildingSummary(
  db: Db,
  caller: () => Promise<{ roles: readonly string[] }>,
): Promise<BuildingSummary> {
  const [[building], who] = await Promise.all([
    docsOf<Building>(db.collection('buildings').limit(1).get()),
    caller(),
  ]);
  if (!building) throw new AppError('NOT_FOUND', '还没有登记楼栋信息');
  const [units, notices, decisions] = await Promise.all([
    readAll<Unit>(db, 'units', { buildingId: building._id }),
    docsOf<Article>(
      db
        .collection('articles')
        .where({ buildingId: building._id, kind: 'notice', status: 'published' })
        .orderBy('publishedAt', 'desc')
        .limit(1)
        .get(),
    ),
    docsOf<Decision>(
      db
        .collection('decisions')
        .where({ buildingId: building._id, status: db.command.neq('draft') })
        .orderBy('updatedAt', 'desc')
        .limit(RECENT_DECISIONS)
        .get(),
    ),
  ]);
  const now = Date.now();
  return summarizeBuilding({
    building,
    units,
    latestNotice: notices[0] ?? null,
    currentDecision: currentDecisionOf(decisions, now),
    deskPath: who.roles.some((r) => DESK_ROLES.has(r)) ? '/pages/organizer/index' : null,
    now,
  });
}
