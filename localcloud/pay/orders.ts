import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Orders the cloudPay stand-in has taken, kept in `<dataDir>/pay/orders.json` so a restarted local
 * cloud still knows what was ordered and paid (queryOrder must keep answering).
 */
export type TradeState = 'NOTPAY' | 'SUCCESS' | 'PAYERROR' | 'CLOSED';

export interface NotifyAttempt {
  attempt: number;
  at: number;
  acknowledged: boolean;
  error?: string;
}

export interface PayOrder {
  outTradeNo: string;
  body: string;
  totalFee: number;
  subMchId: string;
  envId: string;
  functionName: string;
  spbillCreateIp: string;
  tradeType: string;
  attach: string | null;
  /** The payer's openid: the caller of unifiedOrder, as WeChat takes it from the call context. */
  payer: string;
  prepayId: string;
  state: TradeState;
  transactionId: string | null;
  timeEnd: string | null;
  createdAt: number;
  notifications: NotifyAttempt[];
}

export class OrderBook {
  private readonly orders = new Map<string, PayOrder>();
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'pay', 'orders.json');
    let text: string | null = null;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ENOENT') throw e;
    }
    if (text !== null) {
      const saved: unknown = JSON.parse(text);
      if (!Array.isArray(saved)) throw new Error(`${this.file} is not a list of orders`);
      for (const order of saved as PayOrder[]) this.orders.set(order.outTradeNo, order);
    }
  }

  get(outTradeNo: string): PayOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  byTransactionId(transactionId: string): PayOrder | undefined {
    for (const order of this.orders.values()) {
      if (order.transactionId === transactionId) return order;
    }
    return undefined;
  }

  all(): PayOrder[] {
    return [...this.orders.values()];
  }

  /** Stores a new or changed order and writes the book through. */
  put(order: PayOrder): void {
    this.orders.set(order.outTradeNo, order);
    mkdirSync(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.tmp`;
    writeFileSync(partial, JSON.stringify(this.all(), null, 1));
    renameSync(partial, this.file);
  }
}
