import { h, isRecord, num, str } from '../util';
import { asyncApi, fail } from './callback';
import { openSheet, sheetButton } from './ui';

/**
 * wx.requestPayment as a local pay sheet. The payment only carries `package: 'prepay_id=…'`, so
 * the order (its outTradeNo, amount and description) is looked up in the local cloudPay's
 * `GET /pay/orders`. Paying posts `/pay/simulate {outTradeNo, result: 'success'}`, a failed
 * payment `'fail'`; cancelling posts nothing, as WeChat notifies no one when a payer backs out.
 */

interface Order {
  outTradeNo: string;
  totalFee: number;
  body: string;
}

async function findOrder(o: Record<string, unknown>): Promise<Order | null> {
  const prepayId = str(o.package).replace(/^prepay_id=/, '');
  let orders: unknown = [];
  try {
    const res = await fetch('/pay/orders', { headers: { accept: 'application/json' } });
    if (res.ok) orders = await res.json();
  } catch {
    orders = [];
  }
  const found = Array.isArray(orders)
    ? orders.filter(isRecord).find((x) => x.prepayId === prepayId || x.outTradeNo === o.outTradeNo)
    : undefined;
  if (found) {
    return {
      outTradeNo: str(found.outTradeNo),
      totalFee: num(found.totalFee, NaN),
      body: str(found.body),
    };
  }
  const fallback = str(o.outTradeNo) || prepayId;
  return fallback ? { outTradeNo: fallback, totalFee: num(o.totalFee, NaN), body: '' } : null;
}

async function simulate(outTradeNo: string, result: 'success' | 'fail'): Promise<void> {
  const res = await fetch('/pay/simulate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outTradeNo, result }),
  });
  if (!res.ok) throw new Error(`pay simulator answered ${res.status} ${await res.text()}`);
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

export function payApis(): Record<string, unknown> {
  return {
    requestPayment: asyncApi('requestPayment', async (o) => {
      const order = await findOrder(o);
      if (!order) throw fail('requestPayment', 'parameter error: package should be prepay_id=…');
      return new Promise<Record<string, unknown>>((resolve, reject) => {
        openSheet(
          '微信支付',
          (sheet) => {
            sheet.body.classList.add('pv-pay');
            sheet.body.append(h('div', 'pv-pay__label', order.body || '支付订单'));
            const amount = h('div', 'pv-pay__amount');
            amount.innerHTML = `<small>¥</small>${Number.isFinite(order.totalFee) ? yuan(order.totalFee) : '—'}`;
            sheet.body.append(amount, h('div', 'pv-pay__meta', `订单号 ${order.outTradeNo}`));
            const settle = (result: 'success' | 'fail') => (): void => {
              for (const b of sheet.body.querySelectorAll('button')) b.disabled = true;
              simulate(order.outTradeNo, result).then(
                () => {
                  sheet.close();
                  if (result === 'success') resolve({});
                  else reject(fail('requestPayment', '支付失败'));
                },
                (e: Error) => {
                  sheet.close();
                  reject(fail('requestPayment', e.message));
                },
              );
            };
            sheet.body.append(
              sheetButton('确认支付', 'primary', settle('success')),
              sheetButton('模拟支付失败', 'warn', settle('fail')),
              sheetButton('取消支付', 'default', () => {
                sheet.close();
                reject(fail('requestPayment', 'cancel'));
              }),
            );
          },
          () => reject(fail('requestPayment', 'cancel')),
        );
      });
    }),
  };
}
