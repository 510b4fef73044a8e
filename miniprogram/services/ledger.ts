import type {
  CashReceiptView,
  ConfirmDepositRequest,
  DepositView,
  ExpenseView,
  PayExpenseRequest,
  ProposeExpenseRequest,
  RecordCashRequest,
  RecordDepositRequest,
  RedLineView,
  SettleCashRequest,
  TreasurerQueueView,
  UnitLedgerView,
} from '../../typings/api';
import { callApi, tempUrlOf } from './cloud';

/**
 * The ledger function, typed, for the desks that move money by hand: staff's cash and bank
 * deposits, the treasurer's confirmations, expenses to the contractor, and the maintenance-fund
 * red line.
 */

export function recordCash(request: RecordCashRequest): Promise<CashReceiptView> {
  return callApi('ledger', 'recordCash', request);
}

/** The cash the caller recorded, pending ones first as the server orders them. */
export async function myCash(): Promise<CashReceiptView[]> {
  return (await callApi('ledger', 'myCash', {})).receipts;
}

export function recordDeposit(request: RecordDepositRequest): Promise<DepositView> {
  return callApi('ledger', 'recordDeposit', request);
}

export function treasurerQueue(): Promise<TreasurerQueueView> {
  return callApi('ledger', 'treasurerQueue', {});
}

export function settleCash(request: SettleCashRequest): Promise<CashReceiptView> {
  return callApi('ledger', 'settleCash', request);
}

export function confirmDeposit(request: ConfirmDepositRequest): Promise<DepositView> {
  return callApi('ledger', 'confirmDeposit', request);
}

export async function listExpenses(): Promise<ExpenseView[]> {
  return (await callApi('ledger', 'expenses', {})).expenses;
}

export function proposeExpense(request: ProposeExpenseRequest): Promise<ExpenseView> {
  return callApi('ledger', 'proposeExpense', request);
}

export function payExpense(request: PayExpenseRequest): Promise<ExpenseView> {
  return callApi('ledger', 'payExpense', request);
}

export function redLine(): Promise<RedLineView> {
  return callApi('ledger', 'redLine', {});
}

export function unitLedger(unitId: string): Promise<UnitLedgerView> {
  return callApi('ledger', 'unitLedger', { unitId });
}

/** An address wx.previewImage can open for a stored photo (receipt, bank slip, invoice). */
export function photoUrl(fileId: string): Promise<string> {
  return tempUrlOf(fileId);
}
