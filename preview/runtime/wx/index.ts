import type { Chrome } from '../chrome';
import { createSelectorQuery } from '../selectorQuery';
import { num, str, warnOnce } from '../util';
import { asyncApi, fail } from './callback';
import { createCloud } from './cloud';
import { documentApis } from './documents';
import { mediaApis } from './media';
import { navApis } from './nav';
import { payApis } from './pay';
import { shareFrom } from './share';
import { storageApis } from './storage';
import { subscribeApis } from './subscribe';
import { systemApis } from './system';
import { hideToast, showActionSheet, showModal, showToast } from './ui';

/**
 * The `wx` object pages see. What the preview implements is listed here; any other API warns
 * once and resolves with `{errMsg: '<api>:ok'}` (sync ones return undefined, on…/off… do
 * nothing, create* return an inert object) so a page using it keeps running.
 */

type Listener = (arg: unknown) => void;
const appListeners = { show: new Set<Listener>(), hide: new Set<Listener>() };

export function emitApp(kind: 'show' | 'hide', arg: unknown): void {
  for (const fn of appListeners[kind]) {
    try {
      fn(arg);
    } catch (e) {
      console.error('[preview] app listener threw', e);
    }
  }
}

function uiApis(): Record<string, unknown> {
  return {
    showToast: asyncApi('showToast', (o) => {
      const icon = str(o.icon, 'success');
      showToast({
        title: str(o.title),
        icon: icon === 'error' || icon === 'loading' || icon === 'none' ? icon : 'success',
        image: str(o.image) || undefined,
        duration: num(o.duration, 1500),
        mask: o.mask === true,
        kind: 'toast',
      });
    }),
    hideToast: asyncApi('hideToast', () => hideToast('toast')),
    showLoading: asyncApi('showLoading', (o) =>
      showToast({
        title: str(o.title),
        icon: 'loading',
        duration: 0,
        mask: o.mask === true,
        kind: 'loading',
      }),
    ),
    hideLoading: asyncApi('hideLoading', () => hideToast('loading')),
    showModal: asyncApi('showModal', (o) =>
      showModal({
        title: str(o.title),
        content: str(o.content),
        showCancel: o.showCancel !== false,
        cancelText: str(o.cancelText, '取消'),
        cancelColor: str(o.cancelColor, '#000000'),
        confirmText: str(o.confirmText, '确定'),
        confirmColor: str(o.confirmColor, '#576B95'),
        editable: o.editable === true,
        placeholderText: str(o.placeholderText),
      }),
    ),
    showActionSheet: asyncApi('showActionSheet', async (o) => {
      const items = Array.isArray(o.itemList) ? o.itemList.map((x) => str(x)) : [];
      if (items.length === 0 || items.length > 6) {
        throw fail('showActionSheet', 'parameter error: itemList should have 1 to 6 items');
      }
      const tapIndex = await showActionSheet(items, {
        alertText: str(o.alertText) || undefined,
        itemColor: str(o.itemColor, '#000000'),
      });
      if (tapIndex === null) throw fail('showActionSheet', 'cancel');
      return { tapIndex };
    }),
  };
}

function miscApis(): Record<string, unknown> {
  return {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    nextTick: (fn: () => void) => queueMicrotask(fn),
    createSelectorQuery: () => createSelectorQuery(),
    createIntersectionObserver: (component: unknown, options?: unknown) => {
      const c = component as { createIntersectionObserver?: (o?: unknown) => unknown } | null;
      if (c && typeof c.createIntersectionObserver === 'function')
        return c.createIntersectionObserver(options);
      return inert('createIntersectionObserver');
    },
    onAppShow: (fn: Listener) => appListeners.show.add(fn),
    offAppShow: (fn: Listener) => appListeners.show.delete(fn),
    onAppHide: (fn: Listener) => appListeners.hide.add(fn),
    offAppHide: (fn: Listener) => appListeners.hide.delete(fn),
    showShareMenu: asyncApi('showShareMenu', () => undefined),
    hideShareMenu: asyncApi('hideShareMenu', () => undefined),
    updateShareMenu: asyncApi('updateShareMenu', () => undefined),
    shareAppMessage: asyncApi('shareAppMessage', () => shareFrom({ from: 'menu' })),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({
      needAuthorization: false,
      privacyContractName: '',
    })),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => undefined),
    onNeedPrivacyAuthorization: () => undefined,
    setClipboardData: asyncApi('setClipboardData', async (o) => {
      await navigator.clipboard?.writeText(str(o.data)).catch(() => undefined);
      showToast({ title: '内容已复制', icon: 'none', duration: 1500, mask: false, kind: 'toast' });
    }),
    getClipboardData: asyncApi('getClipboardData', async () => ({
      data: (await navigator.clipboard?.readText().catch(() => '')) ?? '',
    })),
    makePhoneCall: asyncApi('makePhoneCall', (o) => {
      showToast({
        title: `拨打 ${str(o.phoneNumber)}`,
        icon: 'none',
        duration: 1500,
        mask: false,
        kind: 'toast',
      });
    }),
    vibrateShort: asyncApi('vibrateShort', () => undefined),
    vibrateLong: asyncApi('vibrateLong', () => undefined),
    reportAnalytics: () => undefined,
    reportEvent: () => undefined,
    getLogManager: () => ({
      log: console.log,
      info: console.info,
      warn: console.warn,
      debug: console.debug,
    }),
    getRealtimeLogManager: () => ({
      info: console.info,
      warn: console.warn,
      error: console.error,
      setFilterMsg: () => undefined,
      addFilterMsg: () => undefined,
    }),
    getUpdateManager: () => ({
      onCheckForUpdate: (fn: Listener) => fn({ hasUpdate: false }),
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
      applyUpdate: () => undefined,
    }),
    request: asyncApi('request', async (o) => {
      const method = str(o.method, 'GET').toUpperCase();
      const data = o.data;
      let url = str(o.url);
      let body: string | undefined;
      if (method === 'GET' && data && typeof data === 'object') {
        const q = new URLSearchParams(Object.entries(data).map(([k, v]) => [k, String(v)]));
        url += (url.includes('?') ? '&' : '?') + q.toString();
      } else if (data !== undefined) {
        body = typeof data === 'string' ? data : JSON.stringify(data);
      }
      const headers = (o.header && typeof o.header === 'object' ? o.header : {}) as Record<
        string,
        string
      >;
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const text = await res.text();
      let parsed: unknown = text;
      if (str(o.dataType, 'json') === 'json') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return {
        data: parsed,
        statusCode: res.status,
        header: Object.fromEntries(res.headers.entries()),
      };
    }),
    createCanvasContext: () => {
      warnOnce(
        'createCanvasContext',
        'the legacy canvas API is not supported; use <canvas type="2d">',
      );
      return inert('createCanvasContext');
    },
  };
}

function inert(name: string): unknown {
  const target: Record<string, unknown> = {};
  const proxy: unknown = new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      return () => proxy;
    },
  });
  warnOnce(`missing:${name}`, `wx.${name} is not implemented in the preview`);
  return proxy;
}

const NOT_APIS = new Set([
  'then',
  'toJSON',
  'constructor',
  '$$typeof',
  'asymmetricMatch',
  'nodeType',
]);

function missing(name: string): unknown {
  const say = (): void =>
    warnOnce(`missing:${name}`, `wx.${name} is not implemented in the preview`);
  if (/Sync$/.test(name)) {
    return () => {
      say();
      return undefined;
    };
  }
  if (/^(on|off)[A-Z]/.test(name)) return () => say();
  if (
    /^(create|get)[A-Z].*(Manager|Context|Observer|Task)$/.test(name) ||
    /^create[A-Z]/.test(name)
  ) {
    return () => inert(name);
  }
  return asyncApi(name, () => {
    say();
  });
}

export function createWx(chrome: Chrome): Record<string, unknown> {
  const base: Record<string, unknown> = {
    ...uiApis(),
    ...storageApis(),
    ...systemApis(),
    ...mediaApis(),
    ...documentApis(),
    ...payApis(),
    ...subscribeApis(),
    ...navApis(chrome),
    ...miscApis(),
    cloud: createCloud(),
  };
  const cache = new Map<string, unknown>();
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || prop in target || NOT_APIS.has(prop)) {
        return Reflect.get(target, prop, receiver);
      }
      let fn = cache.get(prop);
      if (!fn) {
        fn = missing(prop);
        cache.set(prop, fn);
      }
      return fn;
    },
  });
}
