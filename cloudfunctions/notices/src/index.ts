import { guardActions } from '../../../server/auth/guard';
import {
  decisionNotice,
  decisionResult,
  inviteSheet,
  moneySummary,
} from '../../../server/notices/notices';
import { schemas } from '../../../server/notices/schemas';
import { createFunction } from '../../../server/router';

/**
 * notices: printable A4 notices (PDF) for the lobby board. Every action passes the policy table
 * (server/auth/policy.ts) before it runs; the caller is whoever WeChat says.
 */
export const main = createFunction<'notices'>(
  guardActions('notices', {
    decisionNotice: { input: schemas.decisionNotice, run: decisionNotice },
    decisionResult: { input: schemas.decisionResult, run: decisionResult },
    moneySummary: { input: schemas.moneySummary, run: moneySummary },
    inviteSheet: { input: schemas.inviteSheet, run: inviteSheet },
  }),
);
