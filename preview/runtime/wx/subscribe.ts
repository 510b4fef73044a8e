import { h, str } from '../util';
import { asyncApi, fail, type Result } from './callback';
import { currentIdentity } from './cloud';
import { openSheet, sheetButton } from './ui';

/**
 * wx.requestSubscribeMessage as WeChat's consent sheet: allow or reject every template asked.
 * An accepted template is granted to the caller in the local cloud's openapi stand-in
 * (`POST /openapi/subscriptions`), so one later subscribeMessage.send to them succeeds.
 */

async function grant(templateIds: string[]): Promise<void> {
  try {
    const res = await fetch('/openapi/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: currentIdentity().openid, templateIds }),
    });
    if (!res.ok)
      console.warn(`[preview] subscription not granted: ${res.status} ${await res.text()}`);
  } catch (e) {
    console.warn(`[preview] subscription not granted: ${(e as Error).message}`);
  }
}

export function subscribeApis(): Record<string, unknown> {
  return {
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', (o) => {
      const ids = Array.isArray(o.tmplIds) ? o.tmplIds.map((t) => str(t)).filter(Boolean) : [];
      if (ids.length === 0) {
        throw fail('requestSubscribeMessage', 'parameter error: tmplIds is empty', 10001);
      }
      if (ids.length > 5) {
        throw fail('requestSubscribeMessage', 'parameter error: too many tmplIds', 10002);
      }
      return new Promise<Result>((resolve, reject) => {
        openSheet(
          '订阅消息',
          (sheet) => {
            const answer = (value: 'accept' | 'reject') => async (): Promise<void> => {
              sheet.close();
              if (value === 'accept') await grant(ids);
              resolve(Object.fromEntries(ids.map((id) => [id, value])));
            };
            sheet.body.append(h('div', 'pv-sub__ask', '允许此小程序向你发送以下消息？'));
            const list = h('ul', 'pv-sub__list');
            for (const id of ids) list.append(h('li', 'pv-sub__item', id));
            sheet.body.append(
              list,
              sheetButton('允许', 'primary', () => void answer('accept')()),
              sheetButton('拒绝', 'default', () => void answer('reject')()),
            );
          },
          () => reject(fail('requestSubscribeMessage', 'cancel')),
        );
      });
    }),
  };
}
