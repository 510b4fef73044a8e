import { join } from 'node:path';
import { OPENID_HEADER, type LocalCloud } from '../localcloud/server';

/**
 * Runs a real mini program page (its index.ts as shipped) in Node against a local cloud, to
 * measure what it hands to setData: a stand-in for WeChat's Component/Behavior and the few `wx`
 * calls the map pages make. Every setData is serialized as WeChat would send it across to the
 * view layer, and the largest is kept.
 */

type Methods = Record<string, (...args: unknown[]) => unknown>;

interface Definition {
  behaviors?: Array<{ data?: Record<string, unknown> }>;
  data?: Record<string, unknown>;
  methods?: Methods;
}

export interface HostedPage {
  data: Record<string, unknown>;
  call(method: string, ...args: unknown[]): Promise<void>;
  /** Bytes of the largest setData so far, and how many setData calls there were. */
  largestSetData: number;
  setDataCalls: number;
}

const ROOT = join(__dirname, '..');

/** Sets `data[path] = value` for paths like `floors[20]` or `cash.unitNo`. */
function applyPath(data: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let target: Record<string, unknown> = data;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (next === null || typeof next !== 'object') target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1] ?? ''] = value;
}

export function hostPage(cloud: LocalCloud, openid: string, page: string): HostedPage {
  const globals = globalThis as unknown as Record<string, unknown>;
  let captured: Definition | null = null;
  globals.Component = (def: Definition): void => {
    captured = def;
  };
  globals.Behavior = (def: unknown): unknown => def;
  globals.getApp = () => ({ globalData: { largeType: false } });
  globals.wx = {
    cloud: {
      async callFunction(param: { name: string; data: unknown }) {
        const res = await fetch(`${cloud.url}/functions/${param.name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
          body: JSON.stringify({ data: param.data }),
        });
        const body = (await res.json()) as { result?: unknown };
        return { errMsg: 'cloud.callFunction:ok', result: body.result };
      },
    },
    getStorageSync: () => '',
    setStorageSync: () => undefined,
    getAppBaseInfo: () => ({ fontSizeSetting: 17 }),
    showToast: () => undefined,
    navigateTo: () => undefined,
    setNavigationBarTitle: () => undefined,
    stopPullDownRefresh: () => undefined,
  };
  const file = join(ROOT, 'miniprogram', 'pages', page, 'index.ts');
  // A fresh module each time: Component() runs when the page's module is evaluated.
  delete require.cache[require.resolve(file)];
  // The page is mini program code (wx globals), outside this project's typed imports: load it by path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(file);
  const def: Definition | null = captured;
  if (!def) throw new Error(`${page} did not call Component()`);
  const definition: Definition = def;
  const data: Record<string, unknown> = {};
  for (const b of definition.behaviors ?? []) Object.assign(data, structuredClone(b.data ?? {}));
  Object.assign(data, structuredClone(definition.data ?? {}));
  const hosted: HostedPage = {
    data,
    largestSetData: 0,
    setDataCalls: 0,
    async call(method, ...args) {
      const fn = instance[method];
      if (typeof fn !== 'function') throw new Error(`${page} has no method ${method}`);
      await fn.apply(instance, args);
    },
  };
  const instance: Record<string, unknown> = {
    data,
    setData(patch: Record<string, unknown>) {
      const bytes = Buffer.byteLength(JSON.stringify(patch));
      hosted.setDataCalls += 1;
      hosted.largestSetData = Math.max(hosted.largestSetData, bytes);
      for (const [path, value] of Object.entries(patch)) applyPath(data, path, value);
    },
  };
  for (const [name, fn] of Object.entries(definition.methods ?? {})) instance[name] = fn;
  return hosted;
}

/** A tap's event, as the page's handlers read it. */
export function tapOn(dataset: Record<string, unknown>): unknown {
  return { currentTarget: { dataset }, detail: {} };
}
