import type { Decision } from '../../core/decisions/model';
import { isoAt } from '../../core/decisions/lifecycle';
import { demoSeed, DEMO_BUILDING_ID } from '../../cli/seed/demo';
import { COLLECTIONS } from '../../server/collections';
import { database } from '../helpers/sdkDatabase';
import { loadWxSdk, pointSdkAt } from '../helpers/wxSdk';
import type { Journey } from './journey';

/**
 * Money for the browser journeys: the demo seed has no charges yet, so the journeys that pay or
 * read the ledger charge the building first, through the real funds function.
 */

const COST_DECISION = 'd-e2e-cost';
const TREASURER = 'demo-treasurer';
const ORGANIZER = 'demo-organizer';

const seed = demoSeed();

/** An owner abroad whose proxy (a relative in Shanghai) may pay, with exactly one flat. */
export function proxiedFlat(): { proxyOpenid: string; unitNo: string; ownerName: string } {
  for (const p of seed.collections.proxies) {
    if (p.status !== 'active' || !p.scope.pay || p.validUntil < '2030' || !p.proxyOpenid) continue;
    if (p.unitIds.length !== 1) continue;
    const unit = seed.collections.units.find((u) => u._id === p.unitIds[0]);
    const owner = seed.collections.people.find((x) => x._id === p.ownerPersonId);
    if (unit && owner)
      return { proxyOpenid: p.proxyOpenid, unitNo: unit.unitNo, ownerName: owner.name };
  }
  throw new Error('the demo has no such proxy');
}

function costDecision(now: number): Decision {
  const at = isoAt(now - 40 * 86_400_000);
  return {
    _id: COST_DECISION,
    buildingId: DEMO_BUILDING_ID,
    title: '电梯更换费用分摊（端到端测试）',
    summary: '按面积分摊方案A的报价。',
    matter: 'rebuild',
    question: {
      kind: 'plans',
      text: '选择电梯更换方案',
      plans: [{ key: 'A', title: '保留导轨，更换其余部件', summary: '', costFen: 98_000_000 }],
    },
    documents: [],
    noticeDays: 15,
    objectionDays: 7,
    opensAt: null,
    closesAt: null,
    status: 'draft',
    createdBy: ORGANIZER,
    createdAt: at,
    updatedAt: at,
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

export async function callFunds(
  journey: Journey,
  openid: string,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { body } = await journey.cloud.call('funds', data, openid);
  const result = (body as { result?: { ok: boolean; data?: unknown; message?: string } }).result;
  if (!result?.ok) throw new Error(`funds.${String(data.action)}: ${JSON.stringify(body)}`);
  return result.data as Record<string, unknown>;
}

/**
 * Charges the building the way it happens for real, with the vote skipped: a scheme attached to
 * a plan of a draft decision, that decision made final with the plan carried, charges issued.
 */
export async function chargeTheBuilding(journey: Journey): Promise<void> {
  pointSdkAt(journey.cloud.cloud);
  const db = database(loadWxSdk());
  const now = Date.now();
  // The demo seed predates the money collections; a deployment creates them with households.init.
  for (const c of COLLECTIONS) await db.createCollection(c.name).catch(() => undefined);
  await db.collection('decisions').add({ data: { ...costDecision(now) } });
  const scheme = await callFunds(journey, ORGANIZER, {
    action: 'createScheme',
    title: '方案A按面积分摊',
    method: 'area',
    link: { decisionId: COST_DECISION, planKey: 'A' },
  });
  await db
    .collection('decisions')
    .doc(COST_DECISION)
    .update({
      data: {
        status: 'final',
        finalAt: isoAt(now),
        result: {
          at: isoAt(now),
          counters: { voted: { owners: 0, area: 0 }, choices: {} },
          passed: true,
          winner: 'A',
        },
      },
    });
  let remaining = 1;
  while (remaining > 0) {
    const issued = await callFunds(journey, TREASURER, {
      action: 'issueCharges',
      schemeId: scheme.id,
      dueDate: '2027-01-31',
    });
    remaining = Number(issued.remaining);
  }
}
