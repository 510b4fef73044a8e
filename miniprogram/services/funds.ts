import type {
  CreatedOrder,
  CreateOrderRequest,
  MyAccountView,
  MySharesView,
  OrderStatusView,
  PayLinkInfoView,
  PayLinkView,
  ReceiptView,
  SchemeView,
} from '../../typings/api';
import { callApi } from './cloud';

/** My units: what each owes, has paid (by whom), what cash awaits the treasurer, what is left. */
export function getMyAccount(): Promise<MyAccountView> {
  return callApi('funds', 'myAccount', {});
}

/** Schemes I may see (the binding one explains how my share was worked out). */
export function listSchemes(): Promise<SchemeView[]> {
  return callApi('funds', 'listSchemes', {}).then((r) => r.schemes);
}

/** My share under each plan of a decision that has a cost, before I vote. */
export function getMyShares(decisionId: string): Promise<MySharesView> {
  return callApi('funds', 'myShares', { decisionId });
}

/** A WeChat Pay order for my own unit (owner, or proxy with a pay scope). */
export function createOrderForUnit(unitId: string, amountFen: number): Promise<CreatedOrder> {
  const request: CreateOrderRequest = { unitId, amountFen };
  return callApi('funds', 'createOrder', request);
}

/** A WeChat Pay order of whoever opened a pay link, for the link's unit. */
export function createOrderFromLink(
  linkToken: string,
  amountFen: number,
  payerName: string,
): Promise<CreatedOrder> {
  const request: CreateOrderRequest = { linkToken, amountFen, payerName };
  return callApi('funds', 'createOrder', request);
}

export function getOrderStatus(outTradeNo: string): Promise<OrderStatusView> {
  return callApi('funds', 'orderStatus', { outTradeNo });
}

export function createPayLink(unitId: string): Promise<PayLinkView> {
  return callApi('funds', 'createPayLink', { unitId });
}

export function getPayLinkInfo(linkToken: string): Promise<PayLinkInfoView> {
  return callApi('funds', 'payLinkInfo', { linkToken });
}

export function getReceipt(transferId: string): Promise<ReceiptView> {
  return callApi('funds', 'receipt', { transferId });
}
