import { createHash, randomBytes } from 'node:crypto';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { OrderBook, PayOrder, TradeState } from './orders';

dayjs.extend(utc);

/**
 * WeChat Pay v2 (service-provider mode) as cloudPay relays it. Requests and answers are JSON with
 * snake_case keys (the SDK converts both ways). Business failures are answers, not errors:
 * `return_code` says whether the call went through, `result_code`/`err_code` whether it worked.
 */
export interface PayContext {
  book: OrderBook;
  now(): number;
  appid: string;
  /** The caller's openid, when the call comes from a function invocation. */
  caller: string | null;
}

export type PayParams = Record<string, unknown>;
export type PayAnswer = Record<string, unknown>;

/** The service provider (WeChat's cloud pay account) the sub-merchant is attached to. */
export const SERVICE_MCH_ID = '1800008281';
const SIGN_KEY = 'local-cloud-pay-key';

const STATE_DESC: Record<TradeState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  PAYERROR: '支付失败(其他原因，如银行返回失败)',
  CLOSED: '订单已关闭',
};

export function unifiedOrder(params: PayParams, ctx: PayContext): PayAnswer {
  const text = (key: string): string => {
    const value = params[key];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  };
  for (const key of ['body', 'out_trade_no', 'spbill_create_ip', 'sub_mch_id', 'function_name']) {
    if (text(key) === '') return fail(`缺少参数${key}`);
  }
  const totalFee = params.total_fee;
  if (typeof totalFee !== 'number' || !Number.isInteger(totalFee) || totalFee <= 0) {
    return fail('total_fee参数格式错误');
  }
  const outTradeNo = text('out_trade_no');
  if (!/^[A-Za-z0-9_\-|*@]{1,32}$/.test(outTradeNo)) return fail('out_trade_no参数格式错误');
  const tradeType = text('trade_type') || 'JSAPI';
  const payer = ctx.caller ?? (text('sub_openid') || text('openid'));
  if (tradeType === 'JSAPI' && payer === '') return fail('JSAPI支付必须传openid');

  const existing = ctx.book.get(outTradeNo);
  let order: PayOrder;
  if (existing) {
    if (existing.state === 'SUCCESS') return refused('ORDERPAID', '该订单已支付');
    if (existing.state === 'CLOSED') return refused('ORDERCLOSED', '该订单已关闭');
    const same =
      existing.body === text('body') &&
      existing.totalFee === totalFee &&
      existing.payer === payer &&
      existing.functionName === text('function_name');
    // WeChat lets a merchant re-order an unpaid order with the same terms (same prepay id).
    if (!same) return refused('INVALID_REQUEST', '201 商户订单号重复');
    order = existing;
  } else {
    order = {
      outTradeNo,
      body: text('body'),
      totalFee,
      subMchId: text('sub_mch_id'),
      envId: text('env_id'),
      functionName: text('function_name'),
      spbillCreateIp: text('spbill_create_ip'),
      tradeType,
      attach: text('attach') || null,
      payer,
      prepayId: `wx${timestamp(ctx.now())}${randomBytes(12).toString('hex')}`,
      state: 'NOTPAY',
      transactionId: null,
      timeEnd: null,
      createdAt: ctx.now(),
      notifications: [],
    };
    ctx.book.put(order);
  }
  const payment = signed(
    {
      appId: ctx.appid,
      timeStamp: String(Math.floor(ctx.now() / 1000)),
      nonceStr: nonce(),
      package: `prepay_id=${order.prepayId}`,
      signType: 'MD5',
    },
    'paySign',
  );
  return {
    ...signed({
      return_code: 'SUCCESS',
      return_msg: 'OK',
      appid: ctx.appid,
      mch_id: SERVICE_MCH_ID,
      sub_appid: ctx.appid,
      sub_mch_id: order.subMchId,
      nonce_str: nonce(),
      result_code: 'SUCCESS',
      trade_type: order.tradeType,
      prepay_id: order.prepayId,
    }),
    payment,
  };
}

export function queryOrder(params: PayParams, ctx: PayContext): PayAnswer {
  const order = findOrder(params, ctx.book);
  if (!order) return refused('ORDERNOTEXIST', '此交易订单号不存在');
  const answer: PayAnswer = {
    return_code: 'SUCCESS',
    return_msg: 'OK',
    appid: ctx.appid,
    mch_id: SERVICE_MCH_ID,
    sub_appid: ctx.appid,
    sub_mch_id: order.subMchId,
    nonce_str: nonce(),
    result_code: 'SUCCESS',
    openid: order.payer,
    is_subscribe: 'N',
    sub_openid: order.payer,
    sub_is_subscribe: 'N',
    trade_type: order.tradeType,
    trade_state: order.state,
    trade_state_desc: STATE_DESC[order.state],
    out_trade_no: order.outTradeNo,
    total_fee: order.totalFee,
    fee_type: 'CNY',
  };
  if (order.attach !== null) answer.attach = order.attach;
  if (order.state === 'SUCCESS') {
    Object.assign(answer, {
      bank_type: 'OTHERS',
      cash_fee: order.totalFee,
      cash_fee_type: 'CNY',
      transaction_id: order.transactionId,
      time_end: order.timeEnd,
    });
  }
  return signed(answer);
}

export function closeOrder(params: PayParams, ctx: PayContext): PayAnswer {
  const order = findOrder(params, ctx.book);
  if (!order) return refused('ORDERNOTEXIST', '此交易订单号不存在');
  if (order.state === 'SUCCESS') return refused('ORDERPAID', '订单已支付，不能发起关单');
  if (order.state === 'CLOSED') return refused('ORDERCLOSED', '订单已关闭');
  ctx.book.put({ ...order, state: 'CLOSED' });
  return signed({
    return_code: 'SUCCESS',
    return_msg: 'OK',
    appid: ctx.appid,
    mch_id: SERVICE_MCH_ID,
    sub_mch_id: order.subMchId,
    nonce_str: nonce(),
    result_code: 'SUCCESS',
  });
}

function findOrder(params: PayParams, book: OrderBook): PayOrder | undefined {
  const transactionId = params.transaction_id;
  if (typeof transactionId === 'string' && transactionId !== '') {
    return book.byTransactionId(transactionId);
  }
  const outTradeNo = params.out_trade_no;
  return typeof outTradeNo === 'string' ? book.get(outTradeNo) : undefined;
}

/** The call went through but WeChat refused it. */
function refused(errCode: string, errCodeDes: string): PayAnswer {
  return signed({
    return_code: 'SUCCESS',
    return_msg: 'OK',
    nonce_str: nonce(),
    result_code: 'FAIL',
    err_code: errCode,
    err_code_des: errCodeDes,
  });
}

/** The call itself was malformed. */
function fail(returnMsg: string): PayAnswer {
  return { return_code: 'FAIL', return_msg: returnMsg };
}

/** WeChat Pay v2 MD5 signature: sorted non-empty k=v pairs, then &key=, upper-case hex. */
function signed(fields: Record<string, unknown>, key = 'sign'): Record<string, unknown> {
  const text = Object.keys(fields)
    .filter((k) => fields[k] !== undefined && fields[k] !== null && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${String(fields[k])}`)
    .join('&');
  const sign = createHash('md5').update(`${text}&key=${SIGN_KEY}`).digest('hex').toUpperCase();
  return { ...fields, [key]: sign };
}

export function nonce(): string {
  return randomBytes(16).toString('hex');
}

/** yyyyMMddHHmmss in Beijing time, WeChat Pay's time format. */
export function timestamp(at: number): string {
  return dayjs(at).utcOffset(480).format('YYYYMMDDHHmmss');
}

export function transactionId(at: number): string {
  const digits = Array.from(randomBytes(16), (b) => String(b % 10)).join('');
  return `4200${dayjs(at).utcOffset(480).format('YYYYMMDD')}${digits}`;
}
