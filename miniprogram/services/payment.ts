import type { RequestPaymentParams } from '../../typings/api';

/** How the pay sheet ended: paid, backed out of by the payer, or refused by WeChat. */
export type PaymentOutcome =
  { kind: 'paid' } | { kind: 'cancelled' } | { kind: 'failed'; detail: string };

function errMsgOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'errMsg' in error) {
    return String((error as { errMsg: unknown }).errMsg);
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens WeChat's pay sheet for an order the funds function created. Never rejects: a payer who
 * backs out is not an error to shout about, and a failure carries WeChat's words for the log.
 * Success here only means the sheet closed paid; the ledger is credited when WeChat confirms
 * (ask orderStatus).
 */
export function requestPayment(payment: RequestPaymentParams): Promise<PaymentOutcome> {
  return new Promise((resolve) => {
    wx.requestPayment({
      ...payment,
      success: () => resolve({ kind: 'paid' }),
      fail: (error: unknown) => {
        const detail = errMsgOf(error);
        resolve(/cancel/i.test(detail) ? { kind: 'cancelled' } : { kind: 'failed', detail });
      },
    });
  });
}
