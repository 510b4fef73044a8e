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
  { name: 'people', access: 'none', indexes: [] },
  { name: 'members', access: 'none', indexes: [{ name: 'by_openid', keys: { openid: 1 } }] },
  {
    name: 'articles',
    access: 'read-only',
    indexes: [{ name: 'by_published', keys: { buildingId: 1, publishedAt: -1 } }],
  },
  { name: 'audit', access: 'none', indexes: [{ name: 'by_time', keys: { at: -1 } }] },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];

/** The security rule JSON for a collection, as the cloud console and deploy tooling take it. */
export function securityRule(access: ClientAccess): { read: string | boolean; write: boolean } {
  if (access === 'read-only') return { read: 'auth != null', write: false };
  if (access === 'owner-read') return { read: 'doc._openid == auth.openid', write: false };
  return { read: false, write: false };
}
