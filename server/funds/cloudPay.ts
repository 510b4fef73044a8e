/**
 * WeChat Pay through `cloud.cloudPay`, narrowed from the SDK's loose typing to what the funds
 * area uses: placing an order (the payer is whoever invokes the function, as WeChat takes it from
 * the call) and asking WeChat what became of one. Answers come back camelCased by the SDK;
 * business refusals are answers (`resultCode: 'FAIL'`), not exceptions.
 */
import { randomBytes } from 'node:crypto';
import type { RequestPaymentParams } from '../../typings/api';
import type { QueriedTrade } from '../../core/funds/payments';
import { sdk } from '../cloud';
import { AppError } from '../errors';

/** The function WeChat Pay notifies (cloudfunctions/payCallback). */
export const PAY_CALLBACK_FUNCTION = 'payCallback';

/** The building's WeChat Pay sub-merchant, set by the deployer; a placeholder locally. */
export const SUB_MCH_ID_ENV = 'TONGTI_PAY_SUB_MCH_ID';
const LOCAL_SUB_MCH_ID = '1900000109';

export function subMchId(): string {
  return process.env[SUB_MCH_ID_ENV]?.trim() || LOCAL_SUB_MCH_ID;
}

/** The environment whose payCallback WeChat notifies: this function's own. */
function envId(): string {
  const context = sdk().getWXContext() as { ENV?: unknown };
  if (typeof context.ENV === 'string' && context.ENV !== '') return context.ENV;
  return process.env.TCB_ENV ?? '';
}

interface CloudPaySlice {
  unifiedOrder(params: Record<string, unknown>): Promise<unknown>;
  queryOrder(params: Record<string, unknown>): Promise<unknown>;
}

function cloudPay(): CloudPaySlice {
  return (sdk() as unknown as { cloudPay: CloudPaySlice }).cloudPay;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown, key: string): string | null {
  const v = field(value, key);
  return typeof v === 'string' && v !== '' ? v : null;
}

export interface OrderParams {
  outTradeNo: string;
  totalFee: number;
  body: string;
}

/** Places the order with WeChat; the answer's `payment` goes to wx.requestPayment. */
export async function unifiedOrder(params: OrderParams): Promise<RequestPaymentParams> {
  const answer = await cloudPay().unifiedOrder({
    body: params.body,
    outTradeNo: params.outTradeNo,
    spbillCreateIp: '127.0.0.1',
    subMchId: subMchId(),
    totalFee: params.totalFee,
    envId: envId(),
    functionName: PAY_CALLBACK_FUNCTION,
    nonceStr: randomBytes(16).toString('hex'),
    tradeType: 'JSAPI',
  });
  const payment = field(answer, 'payment');
  if (text(answer, 'returnCode') !== 'SUCCESS' || text(answer, 'resultCode') !== 'SUCCESS') {
    const why = text(answer, 'errCodeDes') ?? text(answer, 'returnMsg') ?? '未知原因';
    console.warn(`unifiedOrder ${params.outTradeNo} refused: ${why}`);
    throw new AppError('CONFLICT', `微信支付下单未成功：${why}，请稍后再试`);
  }
  const pick = (key: string): string => {
    const v = text(payment, key);
    if (v === null) throw new Error(`unifiedOrder answered a payment without ${key}`);
    return v;
  };
  const signType = pick('signType');
  if (signType !== 'MD5' && signType !== 'HMAC-SHA256' && signType !== 'RSA') {
    throw new Error(`unifiedOrder answered an unknown signType ${signType}`);
  }
  return {
    timeStamp: pick('timeStamp'),
    nonceStr: pick('nonceStr'),
    package: pick('package'),
    signType,
    paySign: pick('paySign'),
  };
}

/** What WeChat says about our order; null when WeChat does not know it. */
export async function queryTrade(outTradeNo: string): Promise<QueriedTrade | null> {
  const answer = await cloudPay().queryOrder({ outTradeNo, subMchId: subMchId() });
  if (text(answer, 'returnCode') !== 'SUCCESS') {
    throw new Error(`queryOrder ${outTradeNo} failed: ${text(answer, 'returnMsg') ?? '?'}`);
  }
  if (text(answer, 'resultCode') !== 'SUCCESS') return null;
  const totalFee = field(answer, 'totalFee');
  return {
    tradeState: text(answer, 'tradeState') ?? '',
    outTradeNo: text(answer, 'outTradeNo') ?? '',
    totalFee: typeof totalFee === 'number' ? totalFee : null,
    transactionId: text(answer, 'transactionId'),
    subMchId: text(answer, 'subMchId'),
  };
}
