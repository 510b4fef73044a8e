import type { ApiResult, CastReceiptView } from '../../typings/api';
import type { TestCloud } from './localCloud';

/**
 * Many casts at once through the local cloud, each retried by its client when the answer is
 * CONFLICT (a write conflict the SDK's own retries did not clear), as the mini program does.
 */
export interface StormCast {
  openid: string;
  unitId: string;
  choice: string;
}

export interface StormReport {
  sent: number;
  succeeded: number;
  /** CONFLICT answers that the client retried. */
  conflictsRetried: number;
  /** Answers that were neither a receipt nor a CONFLICT, or HTTP failures. */
  otherErrors: string[];
  receipts: Array<{ cast: StormCast; receipt: CastReceiptView }>;
}

export async function castStorm(
  t: TestCloud,
  decisionId: string,
  casts: readonly StormCast[],
  maxAttempts = 20,
): Promise<StormReport> {
  const report: StormReport = {
    sent: casts.length,
    succeeded: 0,
    conflictsRetried: 0,
    otherErrors: [],
    receipts: [],
  };
  await Promise.all(
    casts.map(async (cast) => {
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        const r = await t.call(
          'decisions',
          { action: 'cast', decisionId, unitId: cast.unitId, choice: cast.choice },
          cast.openid,
        );
        const result = (r.body as { result?: ApiResult<CastReceiptView> }).result;
        if (r.status !== 200 || !result) {
          report.otherErrors.push(`HTTP ${r.status} ${JSON.stringify(r.body)}`);
          return;
        }
        if (result.ok) {
          report.succeeded += 1;
          report.receipts.push({ cast, receipt: result.data });
          return;
        }
        if (result.code !== 'CONFLICT' || attempt === maxAttempts) {
          report.otherErrors.push(`${result.code} ${result.message}`);
          return;
        }
        report.conflictsRetried += 1;
      }
    }),
  );
  return report;
}
