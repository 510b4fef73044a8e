import { createFunction } from '../../../server/router';
import { guardActions } from '../../../server/auth/guard';
import { myAccount, receipt } from '../../../server/funds/account';
import { listAnomalies, resolveAnomaly } from '../../../server/funds/anomalies';
import { issueCharges } from '../../../server/funds/charges';
import { compareSchemes, myShares } from '../../../server/funds/compare';
import { createPayLink, payLinkInfo } from '../../../server/funds/links';
import { createOrder, orderStatus, reconcile } from '../../../server/funds/orders';
import { createScheme, editScheme, listSchemes } from '../../../server/funds/schemes';
import { schemas } from '../../../server/funds/schemas';

/**
 * funds: cost-split schemes, charges and WeChat Pay. Every action passes the policy table
 * (server/auth/policy.ts) before it runs; the caller is whoever WeChat says, never a field of the
 * request. The payment notification has its own function (payCallback).
 */
export const main = createFunction<'funds'>(
  guardActions('funds', {
    listSchemes: { input: schemas.none, run: (_req, ctx) => listSchemes(ctx) },
    createScheme: { input: schemas.createScheme, run: createScheme },
    editScheme: { input: schemas.editScheme, run: editScheme },
    compareSchemes: { input: schemas.compareSchemes, run: compareSchemes },
    myShares: { input: schemas.myShares, run: myShares },
    issueCharges: { input: schemas.issueCharges, run: issueCharges },
    myAccount: { input: schemas.none, run: (_req, ctx) => myAccount(ctx) },
    createOrder: { input: schemas.createOrder, run: createOrder },
    orderStatus: { input: schemas.orderStatus, run: orderStatus },
    createPayLink: { input: schemas.createPayLink, run: createPayLink },
    payLinkInfo: { input: schemas.payLinkInfo, run: payLinkInfo },
    receipt: { input: schemas.receipt, run: receipt },
    reconcile: { input: schemas.reconcile, run: reconcile },
    anomalies: { input: schemas.anomalies, run: listAnomalies },
    resolveAnomaly: { input: schemas.resolveAnomaly, run: resolveAnomaly },
  }),
);
