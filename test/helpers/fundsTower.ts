/**
 * The decisions tower (test/helpers/decisionsTower.ts) with a vote on plans that have a cost,
 * still a draft so schemes can be attached to its plans, for the funds tests and bench. The
 * funds and ledger collections start empty.
 */
import type { Decision } from '../../core/decisions/model';
import { isoAt } from '../../core/decisions';
import { COLLECTIONS } from '../../server/collections';
import { type Tower, TOWER_BUILDING, ORGANIZER, towerSeed } from './decisionsTower';

export const COST_DECISION = 'd-cost';
/** Plan A's quote: ¥1,200,000.00. */
export const PLAN_A_FEN = 120_000_000;
/** Plan B's quote: ¥980,000.00. */
export const PLAN_B_FEN = 98_000_000;

export function costDecision(now: number): Decision {
  return {
    _id: COST_DECISION,
    buildingId: TOWER_BUILDING,
    title: '电梯更换方案与费用分摊',
    summary: '两部电梯整体更换或保留导轨更换，费用由业主自筹。',
    matter: 'rebuild',
    question: {
      kind: 'plans',
      text: '选择电梯更换方案',
      plans: [
        { key: 'A', title: '保留导轨，更换其余部件', summary: '', costFen: PLAN_A_FEN },
        { key: 'B', title: '整体更换', summary: '', costFen: PLAN_B_FEN },
        { key: 'C', title: '暂不更换', summary: '', costFen: null },
      ],
    },
    documents: [],
    noticeDays: 15,
    objectionDays: 7,
    opensAt: null,
    closesAt: null,
    status: 'draft',
    createdBy: ORGANIZER,
    createdAt: isoAt(now - 40 * 86_400_000),
    updatedAt: isoAt(now - 40 * 86_400_000),
    noticePostedAt: null,
    openedAt: null,
    closedAt: null,
    preliminaryAt: null,
    objectionEndsAt: null,
    finalAt: null,
    electorate: null,
    result: null,
  };
}

/** Every declared collection, empty unless the tower fills it. */
export function fundsSeed(count: number, now: number = Date.now()): Tower {
  const tower = towerSeed(count, now);
  const empty = Object.fromEntries(COLLECTIONS.map((c) => [c.name, [] as object[]]));
  return {
    ...tower,
    collections: {
      ...empty,
      ...tower.collections,
      decisions: [...tower.collections.decisions, costDecision(now)],
    } as Tower['collections'],
  };
}

/** The decision's final result, passed with `winner`. */
export function finalWith(winner: 'A' | 'B', now: number): Partial<Decision> {
  return {
    status: 'final',
    finalAt: isoAt(now),
    result: {
      at: isoAt(now),
      counters: { voted: { owners: 0, area: 0 }, choices: {} },
      passed: true,
      winner,
    },
  };
}
