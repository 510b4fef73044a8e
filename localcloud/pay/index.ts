import { z } from 'zod';
import { CloudError } from '../errors';
import type { AdminAction, CloudServices, LocalCloudModule, RawRoute } from '../module';
import { handleJsonRoute, parseJsonBody, RouteError } from '../openapi/httpJson';
import { readFormFields } from '../openapi/multipart';
import { decodeApiOptionsAppid } from '../openapi/wireFormat';
import { LOCAL_APPID } from '../sdkEnv';
import { deliverNotification } from './notify';
import type { NotifyAttempt, PayOrder, TradeState } from './orders';
import { OrderBook } from './orders';
import type { PayContext, PayParams } from './wxPayApis';
import { closeOrder, queryOrder, timestamp, transactionId, unifiedOrder } from './wxPayApis';

export type { PayOrder, TradeState } from './orders';

/**
 * The `cloud.cloudPay.*` stand-in. The SDK posts action `wx.wxPayApi` as multipart with the API
 * name, protobuf ApiOptions and the snake_case JSON request; the answer is the JSON WeChat Pay
 * gives, sent as bytes (the SDK parses it and converts keys to camelCase). Payment itself happens
 * in a simulator: `POST /pay/simulate {outTradeNo, result}` plays the payer's part and delivers
 * the callback to the function the order named, retrying until it answers `{errcode: 0}`.
 */
export interface PayOptions {
  now?: () => number;
  appid?: string;
  /** Waits between callback attempts; attempts = length + 1. Default [50, 200, 500, 1000]. */
  notifyRetryDelaysMs?: readonly number[];
}

export type SimulatedResult = 'success' | 'fail';

export interface SimulationReport {
  outTradeNo: string;
  tradeState: TradeState;
  transactionId: string | null;
  /** True when the order was already paid and the notification is a repeat. */
  duplicate: boolean;
  notify: { acknowledged: boolean; attempts: NotifyAttempt[] };
}

export interface PayModule extends LocalCloudModule {
  /** The payer pays (or fails to); resolves once the callback acknowledged or retries ran out. */
  simulate(outTradeNo: string, result: SimulatedResult): Promise<SimulationReport>;
  order(outTradeNo: string): PayOrder | undefined;
  orders(): PayOrder[];
}

const simulateInput = z.object({
  outTradeNo: z.string().min(1),
  result: z.enum(['success', 'fail']),
});

type PayApi = (params: PayParams, ctx: PayContext) => Record<string, unknown>;
const APIS: Record<string, PayApi> = { unifiedOrder, queryOrder, closeOrder };

export function createPay(services: CloudServices, options: PayOptions = {}): PayModule {
  const now = options.now ?? Date.now;
  const appid = options.appid ?? LOCAL_APPID;
  const retryDelaysMs = options.notifyRetryDelaysMs ?? [50, 200, 500, 1000];
  const book = new OrderBook(services.dataDir);
  // One simulation at a time per order, so two payments of one order cannot interleave.
  const queues = new Map<string, Promise<unknown>>();

  const wxPayApi: AdminAction = (body, ctx) => {
    const fields = readFormFields(body, ctx);
    const api = fields.get('apiName')?.toString('utf8') ?? '';
    const handler = APIS[api];
    if (!handler) {
      services.record(`cloudPay.${api}`, { requestId: ctx.requestId, emulated: false });
      throw new CloudError('INVALID_PARAM', `cloudPay.${api} is not emulated by the local cloud`);
    }
    const params = parseParams(fields.get('requestData'));
    const callerAppid = decodeApiOptionsAppid(fields.get('apiOptions')) || appid;
    const answer = handler(params, {
      book,
      now,
      appid: callerAppid,
      caller: ctx.invocation?.openid ?? null,
    });
    services.record(`cloudPay.${api}`, {
      requestId: ctx.requestId,
      caller: ctx.invocation?.openid ?? null,
      functionName: ctx.invocation?.functionName ?? null,
      params,
      returnCode: answer.return_code,
      resultCode: answer.result_code ?? null,
      errCode: answer.err_code ?? null,
    });
    return {
      binary: Buffer.from(JSON.stringify(answer), 'utf8'),
      // Not 'application/json; charset=utf-8': for that exact type the SDK expects a TCB error.
      contentType: 'text/plain; charset=utf-8',
    };
  };

  async function simulateNow(
    outTradeNo: string,
    result: SimulatedResult,
  ): Promise<SimulationReport> {
    const found = book.get(outTradeNo);
    if (!found) throw new RouteError(404, `no order ${outTradeNo}`);
    if (found.state === 'CLOSED') throw new RouteError(409, `order ${outTradeNo} is closed`);
    const duplicate = found.state === 'SUCCESS';
    if (duplicate && result === 'fail') {
      throw new RouteError(409, `order ${outTradeNo} is already paid`);
    }
    let order: PayOrder = found;
    if (!duplicate) {
      order = {
        ...found,
        state: result === 'success' ? 'SUCCESS' : 'PAYERROR',
        transactionId: transactionId(now()),
        timeEnd: timestamp(now()),
      };
      book.put(order);
    }
    services.record('cloudPay.simulate', {
      outTradeNo,
      result,
      duplicate,
      tradeState: order.state,
      transactionId: order.transactionId,
    });
    const delivered = await deliverNotification(
      order,
      {
        services,
        appid,
        retryDelaysMs,
        now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
      (attempt) => {
        services.record('cloudPay.notify', {
          outTradeNo,
          functionName: order.functionName,
          ...attempt,
        });
        const latest = book.get(outTradeNo) ?? order;
        book.put({ ...latest, notifications: [...latest.notifications, attempt] });
      },
    );
    return {
      outTradeNo,
      tradeState: order.state,
      transactionId: order.transactionId,
      duplicate,
      notify: delivered,
    };
  }

  function simulate(outTradeNo: string, result: SimulatedResult): Promise<SimulationReport> {
    const previous = queues.get(outTradeNo) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => simulateNow(outTradeNo, result));
    queues.set(outTradeNo, run);
    void run
      .catch(() => undefined)
      .then(() => {
        if (queues.get(outTradeNo) === run) queues.delete(outTradeNo);
      });
    return run;
  }

  const routes: RawRoute[] = [
    {
      method: 'POST',
      prefix: '/pay/simulate',
      handle: (_req, res, _url, body) =>
        handleJsonRoute(res, () => {
          const input = simulateInput.parse(parseJsonBody(body));
          return simulate(input.outTradeNo, input.result);
        }),
    },
    {
      method: 'GET',
      prefix: '/pay/orders',
      handle: (_req, res) => handleJsonRoute(res, () => book.all()),
    },
  ];

  return {
    actions: { 'wx.wxPayApi': wxPayApi },
    routes,
    simulate,
    order: (outTradeNo) => book.get(outTradeNo),
    orders: () => book.all(),
  };
}

function parseParams(bytes: Buffer | undefined): PayParams {
  if (!bytes || bytes.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new CloudError('INVALID_PARAM', 'requestData is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CloudError('INVALID_PARAM', 'requestData must be a JSON object');
  }
  return parsed as PayParams;
}
