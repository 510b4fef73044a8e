import * as z from 'zod';
import type { ActionRequest, CockpitApi } from '../../typings/api';

/**
 * Request schemas of the cockpit actions: shapes and sizes are checked before any use case runs;
 * unknown fields are refused.
 */
function schemaFor<A extends keyof CockpitApi>(
  _action: A,
  schema: z.ZodType<ActionRequest<'cockpit', A>>,
): z.ZodType<ActionRequest<'cockpit', A>> {
  return schema;
}

const id = z.string().trim().min(1).max(96);
// Generous: the bench's synthetic 10,000-unit tower has six flats on each of 1,668 floors.
const floor = z.number().int().min(-100).max(10_000);

const layer = z.discriminatedUnion('layer', [
  z.object({ layer: z.literal('vote'), decisionId: id }).strict(),
  z.object({ layer: z.literal('pay') }).strict(),
  z.object({ layer: z.literal('contact') }).strict(),
  z.object({ layer: z.literal('read'), articleId: id }).strict(),
]);

const work = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vote'), decisionId: id }).strict(),
  z.object({ kind: z.literal('money') }).strict(),
]);

export const schemas = {
  none: z.object({}).strict() as z.ZodType<Record<string, never>>,
  mapFloors: schemaFor('mapFloors', z.object({ layer, fromFloor: floor, toFloor: floor }).strict()),
  mapLegend: schemaFor('mapLegend', z.object({ layer }).strict()),
  unitHistory: schemaFor('unitHistory', z.object({ unitId: id }).strict()),
  lastMile: schemaFor(
    'lastMile',
    z
      .object({
        work: work.optional(),
        after: z.string().trim().min(1).max(120).optional(),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
  ),
};
