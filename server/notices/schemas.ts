import * as z from 'zod';
import type { ActionRequest, NoticesApi } from '../../typings/api';
import { noFields } from '../router';

/** Request schemas of the notices actions; unknown fields are refused. */
function schemaFor<A extends keyof NoticesApi>(
  _action: A,
  schema: z.ZodType<ActionRequest<'notices', A>>,
): z.ZodType<ActionRequest<'notices', A>> {
  return schema;
}

const byDecision = z.object({ decisionId: z.string().trim().min(1).max(64) }).strict();

export const schemas = {
  decisionNotice: schemaFor('decisionNotice', byDecision),
  decisionResult: schemaFor('decisionResult', byDecision),
  moneySummary: schemaFor('moneySummary', noFields),
  inviteSheet: schemaFor(
    'inviteSheet',
    z.object({ scope: z.enum(['all', 'unbound']).optional() }).strict(),
  ),
};
