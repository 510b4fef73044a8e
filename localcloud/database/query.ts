import { Context, Query } from 'mingo';
import { CloudError } from '../errors';
import { type Doc, isPlainObject } from './ejson';
import { distanceMetres, geoQueryOperators, nearSpec, pointOf, valueAt } from './geo';

/** mingo with the geo operators added on top of its own query operators. */
export const queryContext = Context.init().addQueryOps(geoQueryOperators);

/**
 * mingo throws plain Errors for bad queries; answer them the way the server does: unknown
 * operators as an invalid command, anything else as a failed request.
 */
export function asCloudError(e: unknown): CloudError {
  if (e instanceof CloudError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/unknown .*operator|unregistered .*operator|invalid .*operator/i.test(message)) {
    return new CloudError('DATABASE_INVALID_OPERRATOR', message);
  }
  return new CloudError('DATABASE_REQUEST_FAILED', message);
}

export function compileFilter(criteria: Doc): (doc: Doc) => boolean {
  try {
    const query = new Query(criteria, { context: queryContext });
    return (doc) => query.test(doc);
  } catch (e) {
    throw asCloudError(e);
  }
}

export interface FindOptions {
  order?: Doc;
  offset: number;
  limit: number;
  projection?: Doc;
}

function sortSpec(order: Doc): Record<string, 1 | -1> {
  const spec: Record<string, 1 | -1> = {};
  for (const [field, dir] of Object.entries(order)) {
    if (dir !== 1 && dir !== -1)
      throw new CloudError('INVALID_PARAM', `invalid order for ${field}`);
    spec[field] = dir;
  }
  return spec;
}

/** `field: {$nearSphere: ...}` at the top level also orders results nearest first. */
function nearOrder(criteria: Doc): ((doc: Doc) => number) | null {
  for (const [field, cond] of Object.entries(criteria)) {
    if (!isPlainObject(cond)) continue;
    const spec = nearSpec(cond.$nearSphere ?? cond.$near);
    if (spec) {
      return (doc) => {
        const p = pointOf(valueAt(doc, field));
        return p ? distanceMetres(spec.center, p) : Infinity;
      };
    }
  }
  return null;
}

/** Filter, order, skip, limit and project, in MongoDB's order. */
export function find(docs: Iterable<Doc>, criteria: Doc, opts: FindOptions): Doc[] {
  try {
    const query = new Query(criteria, { context: queryContext });
    let matched = [...docs].filter((d) => query.test(d));
    const byDistance = opts.order ? null : nearOrder(criteria);
    if (byDistance) {
      const dist = new Map(matched.map((d) => [d, byDistance(d)]));
      matched = matched.sort((a, b) => (dist.get(a) ?? 0) - (dist.get(b) ?? 0));
    }
    let cursor = new Query({}, { context: queryContext }).find<Doc>(matched, opts.projection);
    if (opts.order && Object.keys(opts.order).length) cursor = cursor.sort(sortSpec(opts.order));
    return cursor.skip(opts.offset).limit(opts.limit).all();
  } catch (e) {
    throw asCloudError(e);
  }
}

/** Projection of a single document (doc().field().get()). */
export function project(doc: Doc, projection: Doc | undefined): Doc {
  if (!projection || !Object.keys(projection).length) return doc;
  return find([doc], {}, { offset: 0, limit: 1, projection })[0] ?? doc;
}
