import type {
  ComparisonView,
  IssueChargesResult,
  PayAnomalyView,
  ReconcileResult,
  SchemeFieldsRequest,
  SchemeView,
} from '../../typings/api';
import { callApi } from './cloud';

/**
 * The funds actions of the organizer's and treasurer's desks: drafting and comparing cost-split
 * schemes, issuing charges from the binding one, checking WeChat Pay orders and anomalies.
 * (The residents' side — my account, paying, receipts — lives in services/funds.ts.)
 */

export async function listSchemes(): Promise<SchemeView[]> {
  return (await callApi('funds', 'listSchemes', {})).schemes;
}

export function createScheme(fields: SchemeFieldsRequest): Promise<SchemeView> {
  return callApi('funds', 'createScheme', fields);
}

/** 1 to 4 schemes side by side; every unit's share comes a page at a time. */
export function compareSchemes(
  schemeIds: string[],
  offset = 0,
  limit = 200,
): Promise<ComparisonView> {
  return callApi('funds', 'compareSchemes', { schemeIds, offset, limit });
}

/**
 * Charges every paying unit of a binding scheme. The server writes a thousand units a call, so
 * a large building takes a few calls; each call is idempotent, so repeating one is harmless.
 */
export async function issueAllCharges(
  schemeId: string,
  dueDate: string,
): Promise<IssueChargesResult> {
  let result = await callApi('funds', 'issueCharges', { schemeId, dueDate });
  let issued = result.issued;
  // Bounded: 10,000 units at a thousand a call, with room to spare.
  for (let round = 0; result.remaining > 0 && round < 20; round += 1) {
    result = await callApi('funds', 'issueCharges', { schemeId, dueDate });
    issued += result.issued;
  }
  return { ...result, issued };
}

export function reconcileOrders(olderThanMinutes?: number): Promise<ReconcileResult> {
  return callApi('funds', 'reconcile', olderThanMinutes === undefined ? {} : { olderThanMinutes });
}

export async function listAnomalies(includeResolved = false): Promise<PayAnomalyView[]> {
  return (await callApi('funds', 'anomalies', { includeResolved })).anomalies;
}

export function resolveAnomaly(anomalyId: string, resolution: string): Promise<PayAnomalyView> {
  return callApi('funds', 'resolveAnomaly', { anomalyId, resolution });
}
