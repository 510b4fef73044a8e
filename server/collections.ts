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
    indexes: [{ name: 'by_building', keys: { buildingId: 1, unitNo: 1 }, unique: true }],
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
  {
    name: 'articles',
    access: 'read-only',
    indexes: [{ name: 'by_published', keys: { buildingId: 1, publishedAt: -1 } }],
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
    indexes: [{ name: 'by_decision', keys: { decisionId: 1, _id: 1 } }],
  },
  /** A decision's counters in shards (`_id = decisionId:#k`), moved in each ballot's transaction. */
  { name: 'tallies', access: 'none', indexes: [{ name: 'by_decision', keys: { decisionId: 1 } }] },

  // ── funds: cost-split schemes, charges, payment orders ──

  // ── ledger: entries (append-only, hash-chained), balances, cash custody, expenses ──

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
