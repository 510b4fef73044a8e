import { isPlainObject } from './ejson';

/**
 * The geo query operators the SDK emits (`$nearSphere`, `$geoWithin`, `$geoIntersects`), for
 * GeoJSON points and polygons on a sphere. Enough for "near me" and "inside this area" queries;
 * no geo index is needed (or checked, unlike the real server).
 */

/** MongoDB's radius for spherical geometry, in metres. */
const EARTH_RADIUS_M = 6378100;

type Position = [number, number];

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number'
  );
}

/** [lng, lat] of a GeoJSON Point or a legacy coordinate pair; null for anything else. */
export function pointOf(value: unknown): Position | null {
  if (isPosition(value)) return [value[0], value[1]];
  if (isPlainObject(value) && value.type === 'Point' && isPosition(value.coordinates)) {
    return [value.coordinates[0], value.coordinates[1]];
  }
  return null;
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in radians (haversine). */
function angle(a: Position, b: Position): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceMetres(a: Position, b: Position): number {
  return angle(a, b) * EARTH_RADIUS_M;
}

function inRing(p: Position, ring: unknown): boolean {
  if (!Array.isArray(ring)) return false;
  const pts = ring.filter(isPosition);
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i];
    const b = pts[j];
    if (!a || !b) continue;
    const crosses =
      a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0];
    if (crosses) inside = !inside;
  }
  return inside;
}

/** Point in a Polygon (outer ring minus holes) or a MultiPolygon. */
function inShape(p: Position, shape: unknown): boolean {
  if (!isPlainObject(shape) || !Array.isArray(shape.coordinates)) return false;
  const polygon = (rings: unknown): boolean =>
    Array.isArray(rings) &&
    inRing(p, rings[0]) &&
    !rings.slice(1).some((hole: unknown) => inRing(p, hole));
  if (shape.type === 'Polygon') return polygon(shape.coordinates);
  if (shape.type === 'MultiPolygon') return shape.coordinates.some(polygon);
  return false;
}

/** Resolves a dotted path through nested objects (geo fields are never inside arrays here). */
export function valueAt(obj: unknown, selector: string): unknown {
  let cur: unknown = obj;
  for (const part of selector.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

export interface NearSpec {
  center: Position;
  min: number;
  max: number;
}

/** Reads `{$geometry, $maxDistance, $minDistance}` (metres) from a $near/$nearSphere argument. */
export function nearSpec(arg: unknown): NearSpec | null {
  const legacy = pointOf(arg);
  if (legacy) return { center: legacy, min: 0, max: Infinity };
  if (!isPlainObject(arg)) return null;
  const center = pointOf(arg.$geometry);
  if (!center) return null;
  const num = (v: unknown, d: number): number => (typeof v === 'number' ? v : d);
  return { center, min: num(arg.$minDistance, 0), max: num(arg.$maxDistance, Infinity) };
}

type Predicate = (obj: Record<string, unknown>) => boolean;

// mingo calls query operators as (selector, value, options); the options are not needed here.

function near(selector: string, value: unknown, _options?: unknown): Predicate {
  const spec = nearSpec(value);
  return (obj) => {
    const p = pointOf(valueAt(obj, selector));
    if (!spec || !p) return false;
    const d = distanceMetres(spec.center, p);
    return d >= spec.min && d <= spec.max;
  };
}

function geoWithin(selector: string, value: unknown, _options?: unknown): Predicate {
  return (obj) => {
    const p = pointOf(valueAt(obj, selector));
    if (!p || !isPlainObject(value)) return false;
    if (value.$geometry !== undefined) return inShape(p, value.$geometry);
    const sphere = value.$centerSphere;
    if (Array.isArray(sphere) && isPosition(sphere[0]) && typeof sphere[1] === 'number') {
      return angle(sphere[0], p) <= sphere[1];
    }
    return false;
  };
}

function geoIntersects(selector: string, value: unknown, _options?: unknown): Predicate {
  return (obj) => {
    if (!isPlainObject(value)) return false;
    const stored = valueAt(obj, selector);
    const storedPoint = pointOf(stored);
    const queryPoint = pointOf(value.$geometry);
    if (storedPoint && queryPoint) {
      return storedPoint[0] === queryPoint[0] && storedPoint[1] === queryPoint[1];
    }
    if (storedPoint) return inShape(storedPoint, value.$geometry);
    if (queryPoint) return inShape(queryPoint, stored);
    return false;
  };
}

export const geoQueryOperators = {
  $near: near,
  $nearSphere: near,
  $geoWithin: geoWithin,
  $geoIntersects: geoIntersects,
};
