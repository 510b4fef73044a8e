import * as z from 'zod';
import { noFields } from '../router';

/** Request schemas of the exports actions; unknown fields are refused. */
export const schemas = {
  decision: z.object({ decisionId: z.string().trim().min(1).max(96) }).strict(),
  none: noFields,
};
