/**
 * Every collection, declared once: its name, what a client may read directly (security rules),
 * and its indexes. Functions create them through `ensureCollections`; the deploy steps in the
 * README apply the client rules. Every write goes through functions.
 */
export type ClientAccess =
  /** Anyone signed in may read; nobody writes from a client. */
  | 'read-only'
  /** A client reads only documents whose `_openid` is its own. */
  | 'owner-read'
  /** Clients can neither read nor write; only functions touch it. */
  | 'none';

export interface CollectionSpec {
  name: string;
  access: ClientAccess;
  indexes: Array<{ name: string; keys: Record<string, 1 | -1>; unique?: boolean }>;
}

export const COLLECTIONS = [
  { name: 'buildings', access: 'read-only', indexes: [] },
  {
    name: 'units',
    access: 'none',
    indexes: [
      { name: 'by_building', keys: { buildingId: 1, unitNo: 1 }, unique: true },
      /** The building map reads floor ranges; the last mile walks floor by floor. */
      { name: 'by_floor', keys: { buildingId: 1, floor: 1, unitNo: 1 } },
    ],
  },
  { name: 'people', access: 'none', indexes: [{ name: 'by_phone', keys: { phone: 1 } }] },
  { name: 'members', access: 'none', indexes: [{ name: 'by_openid', keys: { openid: 1 } }] },
  /** Invite codes, by keyed hash only: the codes themselves are printed once and never stored. */
  { name: 'invites', access: 'none', indexes: [{ name: 'by_unit', keys: { unitId: 1 } }] },
  {
    name: 'bindings',
    access: 'none',
    indexes: [
      { name: 'by_status', keys: { buildingId: 1, status: 1, requestedAt: 1 } },
      { name: 'by_openid', keys: { openid: 1 } },
    ],
  },
  {
    name: 'proxies',
    access: 'none',
    indexes: [
      { name: 'by_owner', keys: { ownerPersonId: 1 } },
      { name: 'by_proxy', keys: { proxyOpenid: 1 } },
    ],
  },
  { name: 'contacts', access: 'none', indexes: [] },
  {
    name: 'contactLog',
    access: 'none',
    indexes: [{ name: 'by_unit', keys: { unitId: 1, at: -1 } }],
  },
  {
    name: 'imports',
    access: 'none',
    indexes: [{ name: 'by_time', keys: { buildingId: 1, at: -1 } }],
  },
  /** Articles, drafts included: read through the articles function, which hides drafts. */
  {
    name: 'articles',
    access: 'none',
    indexes: [
      { name: 'by_published', keys: { buildingId: 1, publishedAt: -1 } },
      { name: 'by_status', keys: { status: 1, publishAt: 1 } },
    ],
  },
  /** Earlier versions of edited articles, `_id = articleId:vN`. */
  {
    name: 'articleVersions',
    access: 'none',
    indexes: [{ name: 'by_article', keys: { articleId: 1, version: -1 } }],
  },
  /** Read receipts, one per article and unit (`_id = articleId:unitId`). */
  {
    name: 'articleReads',
    access: 'none',
    indexes: [{ name: 'by_article', keys: { articleId: 1 } }],
  },
  /** Residents' questions under an article or a decision, and the public answers. */
  {
    name: 'questions',
    access: 'none',
    indexes: [{ name: 'by_target', keys: { targetKind: 1, targetId: 1, askedAt: -1 } }],
  },
  { name: 'audit', access: 'none', indexes: [{ name: 'by_time', keys: { at: -1 } }] },
  /** Decisions, their frozen roll and published result; read through the decisions function. */
  {
    name: 'decisions',
    access: 'none',
    indexes: [{ name: 'by_building', keys: { buildingId: 1, createdAt: -1 } }],
  },
  /** A decision's roll frozen when voting opens: one per unit, `_id = decisionId:unitId`. */
  { name: 'rolls', access: 'none', indexes: [{ name: 'by_decision', keys: { decisionId: 1 } }] },
  /** A paper ballot that would replace an owner's own online ballot, awaiting an organizer. */
  {
    name: 'paperOverrides',
    access: 'none',
    indexes: [{ name: 'by_decision', keys: { decisionId: 1, status: 1 } }],
  },
  /** Objections to a preliminary result and their public answers. */
  {
    name: 'objections',
    access: 'none',
    indexes: [{ name: 'by_decision', keys: { decisionId: 1, filedAt: 1 } }],
  },
  /** One per person and decision, `_id = decisionId:unitId` (their first unit): never duplicated. */
  {
    name: 'ballots',
    access: 'none',
    indexes: [
      { name: 'by_decision', keys: { decisionId: 1, _id: 1 } },
      // The receipts list of a decision that posts receipts, not flats' choices.
      { name: 'by_receipt', keys: { decisionId: 1, receipt: 1 } },
    ],
  },
  /** A decision's counters in shards (`_id = decisionId:#k`), moved in each ballot's transaction. */
  { name: 'tallies', access: 'none', indexes: [{ name: 'by_decision', keys: { decisionId: 1 } }] },

  // ── funds: cost-split schemes, charges, payment orders ──
  /** Cost-split schemes drafted by organizers; binding once the vote that carries them is final. */
  {
    name: 'schemes',
    access: 'none',
    indexes: [{ name: 'by_building', keys: { buildingId: 1, createdAt: -1 } }],
  },
  /** Which scheme a decision's plan carries: `_id = decisionId:planKey` (`-` for a proposal). */
  {
    name: 'schemeLinks',
    access: 'none',
    indexes: [{ name: 'by_decision', keys: { decisionId: 1 } }],
  },
  /** One charge per unit and scheme, `_id = schemeId:unitId`: issuing twice finds it. */
  {
    name: 'charges',
    access: 'none',
    indexes: [
      { name: 'by_scheme', keys: { schemeId: 1, unitId: 1 } },
      { name: 'by_unit', keys: { unitId: 1 } },
    ],
  },
  /** WeChat Pay orders, `_id = outTradeNo` (ours, one per attempt). */
  {
    name: 'payOrders',
    access: 'none',
    indexes: [
      { name: 'by_status', keys: { status: 1, createdAt: 1 } },
      { name: 'by_unit', keys: { unitId: 1, createdAt: -1 } },
    ],
  },
  /** Pay links for proxies and friends, `_id` = hash of the token (the token is never stored). */
  { name: 'payLinks', access: 'none', indexes: [{ name: 'by_unit', keys: { unitId: 1 } }] },
  /** Payment notifications that could not be credited, for the treasurer. */
  {
    name: 'payAnomalies',
    access: 'none',
    indexes: [{ name: 'by_time', keys: { resolved: 1, at: -1 } }],
  },

  // ── ledger: entries (append-only, hash-chained), balances, cash custody, expenses ──
  /** One per transfer, `_id` = transfer id (the idempotency key); never updated or removed. */
  {
    name: 'entries',
    access: 'none',
    indexes: [
      { name: 'by_seq', keys: { seq: 1 }, unique: true },
      { name: 'by_unit', keys: { unitId: 1, seq: 1 } },
    ],
  },
  /** One per account (`_id` = account id), moved in the transaction of each entry. */
  {
    name: 'balances',
    access: 'none',
    indexes: [{ name: 'by_status', keys: { kind: 1, status: 1, unitId: 1 } }],
  },
  /** The chain head (`_id = 'head'`): last seq and hash, counters; serializes posting. */
  { name: 'ledgerHead', access: 'none', indexes: [] },
  /** Two-phase transfers awaiting their post or void (`_id` = the pending transfer's id). */
  {
    name: 'ledgerPending',
    access: 'none',
    indexes: [{ name: 'by_status', keys: { status: 1, unitId: 1 } }],
  },
  /** Cash received at the door, `_id = receipt:<paper receipt number>`. */
  {
    name: 'cashReceipts',
    access: 'none',
    indexes: [
      { name: 'by_status', keys: { status: 1, receivedAt: 1 } },
      { name: 'by_unit', keys: { unitId: 1, receivedAt: 1 } },
    ],
  },
  /** Bank deposits of cash receipts, confirmed by the treasurer. */
  {
    name: 'cashDeposits',
    access: 'none',
    indexes: [{ name: 'by_status', keys: { status: 1, recordedAt: 1 } }],
  },
  /** Payments to the contractor by contract milestone. */
  {
    name: 'expenses',
    access: 'none',
    indexes: [{ name: 'by_status', keys: { status: 1, proposedAt: 1 } }],
  },
  /** Each unit's maintenance fund: first deposit and balance (`_id` = unitId). */
  { name: 'fundAccounts', access: 'none', indexes: [] },

  // ── updates: the works' milestones, their updates, outages and help ──
  /** One per stage of the works (`_id` = the stage). */
  { name: 'milestones', access: 'none', indexes: [] },
  /** Text and photos posted under a stage; never edited. */
  {
    name: 'progressUpdates',
    access: 'none',
    indexes: [
      { name: 'by_time', keys: { buildingId: 1, postedAt: -1 } },
      { name: 'by_stage', keys: { stage: 1, postedAt: -1 } },
    ],
  },
  /** Each elevator's stop days, published as its own notice. */
  {
    name: 'outages',
    access: 'none',
    indexes: [{ name: 'by_end', keys: { buildingId: 1, to: 1 } }],
  },
  /** Help asked during an outage, with the volunteers who signed up (names stay in functions). */
  {
    name: 'helpRequests',
    access: 'none',
    indexes: [{ name: 'by_outage', keys: { outageId: 1, date: 1 } }],
  },

  // ── reminders: subscription quotas, the message log, the scheduler's runs ──
  /** One per person and template, `_id = openid:templateKey`: sends still allowed (one per accept). */
  {
    name: 'subscriptions',
    access: 'none',
    indexes: [{ name: 'by_template', keys: { templateKey: 1, remaining: -1 } }],
  },
  /** Every message sent or tried, `_id` = its key (the same on every run): never sent twice. */
  {
    name: 'reminderLog',
    access: 'none',
    indexes: [{ name: 'by_person', keys: { openid: 1, createdAt: -1 } }],
  },
  /** One per scheduler run: when, what triggered it, and what each clock did. */
  {
    name: 'schedulerRuns',
    access: 'none',
    indexes: [{ name: 'by_time', keys: { startedAt: -1 } }],
  },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];

/** The security rule JSON for a collection, as the cloud console and deploy tooling take it. */
export function securityRule(access: ClientAccess): { read: string | boolean; write: boolean } {
  if (access === 'read-only') return { read: 'auth != null', write: false };
  if (access === 'owner-read') return { read: 'doc._openid == auth.openid', write: false };
  return { read: false, write: false };
}
