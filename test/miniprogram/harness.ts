/**
 * The WeChat globals the mini program needs beyond miniprogram-simulate's no-op `wx`: a cloud
 * whose functions answer from a per-test table, storage that keeps what it is given, and the
 * app object. setup.ts installs them once per test file; tests steer them with the helpers below.
 *
 * State lives on globalThis (not in this module) so a test that calls jest.resetModules() still
 * talks to the same stubs the page code sees.
 */
import path from 'path';
import simulate, { type RootComponent } from 'miniprogram-simulate';
import type {
  ActionName,
  ActionResponse,
  ApiErrorCode,
  ApiResult,
  FunctionName,
} from '../../typings/api';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../miniprogram');

/** A cloud function's answer to one call: a value, or a throw to make callFunction reject. */
type Responder = (data: Record<string, unknown>) => unknown;

export interface CloudCall {
  name: string;
  data: Record<string, unknown>;
}

interface AppObject {
  globalData: IAppOption['globalData'];
  [key: string]: unknown;
}

interface HarnessState {
  responders: Map<string, Responder>;
  calls: CloudCall[];
  storage: Map<string, string>;
  app: AppObject;
  cloudInit: jest.Mock;
  /** WeChat's font-size setting in px (17 is standard on iOS, 23.8 is 关怀模式). */
  fontSizeSetting: number;
}

const STATE_KEY = Symbol.for('tongti.test.miniprogram');

function freshApp(): AppObject {
  return { globalData: { largeType: false } };
}

function state(): HarnessState {
  const holder = globalThis as unknown as Record<symbol, HarnessState | undefined>;
  const existing = holder[STATE_KEY];
  if (existing) return existing;
  const created: HarnessState = {
    responders: new Map(),
    calls: [],
    storage: new Map(),
    app: freshApp(),
    cloudInit: jest.fn(),
    fontSizeSetting: 17,
  };
  holder[STATE_KEY] = created;
  return created;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function callFunction(param: unknown): Promise<{ errMsg: string; result: unknown }> {
  const { name, data } = isRecord(param) ? param : {};
  if (typeof name !== 'string') throw { errMsg: 'cloud.callFunction:fail parameter.name required' };
  const payload = isRecord(data) ? data : {};
  // Copied as the wire would: the function never sees the caller's objects.
  const sent = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  state().calls.push({ name, data: sent });
  const responder = state().responders.get(`${name}.${String(sent.action)}`);
  if (!responder) {
    throw {
      errMsg: `cloud.callFunction:fail [harness] no answer for ${name}.${String(sent.action)}`,
    };
  }
  const result: unknown = await responder(sent);
  // A function that returns nothing yields result undefined, which JSON cannot round-trip.
  const received: unknown = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  return { errMsg: 'cloud.callFunction:ok', result: received };
}

/** Every file exists: its temp URL is a stable https address made from the fileID. */
async function getTempFileURL(param: unknown): Promise<{ errMsg: string; fileList: unknown[] }> {
  const list = isRecord(param) && Array.isArray(param.fileList) ? param.fileList : [];
  return {
    errMsg: 'cloud.getTempFileURL:ok',
    fileList: list.map((fileID) => ({
      fileID,
      tempFileURL: tempUrlFor(String(fileID)),
      maxAge: 7200,
      status: 0,
      errMsg: 'ok',
    })),
  };
}

/** The URL the stubbed wx.cloud.getTempFileURL gives for a fileID. */
export function tempUrlFor(fileID: string): string {
  return `https://tmp.tcb.test/${fileID.replace(/^cloud:\/\//, '')}`;
}

/** Installs the stubs on the global `wx` and the app globals. Called by setup.ts. */
export function installWx(): void {
  // Loading miniprogram-simulate defines the global wx, Component and Behavior.
  void simulate;
  const s = state();
  const cloud = {
    init: s.cloudInit,
    callFunction: jest.fn(callFunction),
    getTempFileURL: jest.fn(getTempFileURL),
  };
  const storage = {
    getStorageSync: (key: string): unknown => {
      const stored = state().storage.get(key);
      // WeChat answers '' for a key it has never seen.
      return stored === undefined ? '' : JSON.parse(stored);
    },
    setStorageSync: (key: string, value: unknown): void => {
      state().storage.set(key, JSON.stringify(value));
    },
    removeStorageSync: (key: string): void => {
      state().storage.delete(key);
    },
    clearStorageSync: (): void => {
      state().storage.clear();
    },
    getStorageInfoSync: () => ({
      keys: [...state().storage.keys()],
      currentSize: 0,
      limitSize: 10240,
    }),
  };
  const getAppBaseInfo = () => ({
    SDKVersion: '3.5.0',
    language: 'zh_CN',
    version: '8.0.50',
    theme: 'light',
    fontSizeSetting: state().fontSizeSetting,
  });
  Object.assign(wx, { cloud, getAppBaseInfo }, storage);

  const globals = globalThis as unknown as Record<string, unknown>;
  globals.getApp = (): AppObject => state().app;
  globals.App = (options: AppObject): void => {
    state().app = options;
  };
  globals.getCurrentPages = (): unknown[] => [];
}

/** Forgets answers, calls, storage and the app between tests. */
export function resetWx(): void {
  const s = state();
  s.responders.clear();
  s.calls.length = 0;
  s.storage.clear();
  s.app = freshApp();
  s.cloudInit.mockClear();
  s.fontSizeSetting = 17;
}

/** Sets WeChat's font-size setting as the person would in 设置 › 通用 › 字体大小. */
export function setSystemFontSize(px: number): void {
  state().fontSizeSetting = px;
}

/** Makes `fn`.`action` answer with `reply` (or what `reply(request)` returns or throws). */
export function answer<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  reply: ApiResult<ActionResponse<F, A>> | ((request: Record<string, unknown>) => unknown),
): void {
  state().responders.set(`${fn}.${action}`, typeof reply === 'function' ? reply : () => reply);
}

export function ok<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

export function fail(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, code, message };
}

export function cloudCalls(): readonly CloudCall[] {
  return state().calls;
}

export function cloudInit(): jest.Mock {
  return state().cloudInit;
}

export function app(): AppObject {
  return state().app;
}

/** Lets queued promises and j-component's deferred event dispatch run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A rendered root: its data is loosely typed, as the test reads it from outside. */
export type Rendered = RootComponent<
  WechatMiniprogram.IAnyObject,
  WechatMiniprogram.IAnyObject,
  WechatMiniprogram.IAnyObject
>;

const loaded = new Map<string, string>();

/**
 * The simulate id of a page or component of miniprogram/ (path like 'components/area-card/index'),
 * loaded once per test file: its module runs only on the first require.
 */
export function definitionOf(relativePath: string): string {
  const absolute = path.join(MINIPROGRAM_ROOT, relativePath);
  let id = loaded.get(absolute);
  if (id === undefined) {
    id = simulate.load(absolute, { rootPath: MINIPROGRAM_ROOT });
    loaded.set(absolute, id);
  }
  return id;
}

/** Renders a page or component of miniprogram/ (path like 'pages/home/index') and attaches it. */
export function mount(relativePath: string, properties?: Record<string, unknown>): Rendered {
  // render() is typed as returning a Component; what it returns is the RootComponent.
  const rendered = simulate.render(definitionOf(relativePath), properties) as unknown as Rendered;
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  rendered.attach(parent);
  return rendered;
}

/** Calls a method of the rendered instance (a page's onLoad, say) and returns its result. */
export function callMethod(rendered: Rendered, name: string, ...args: unknown[]): unknown {
  const instance = rendered.instance as unknown as Record<string, unknown>;
  const method = instance[name];
  if (typeof method !== 'function') throw new Error(`no method ${name} on the component`);
  return method.apply(instance, args);
}

/** The text a resident would read inside `rendered`, whitespace collapsed. */
export function textOf(rendered: { dom: HTMLElement | undefined } | undefined): string {
  return (rendered?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Lets a page's chained loads (a call, its setData, the next call) run out. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 6; i += 1) await flush();
}

/** Mounts a page, runs its onLoad with `query` and lets its loads settle. */
export async function openPage(
  relativePath: string,
  query: Record<string, string> = {},
): Promise<Rendered> {
  const page = mount(relativePath);
  await callMethod(page, 'onLoad', query);
  await settle();
  return page;
}

/** Taps the `index`th element matching `selector`; a missing one fails the test by name. */
export function tap(page: Rendered, selector: string, index = 0): void {
  const target = page.querySelectorAll(selector)[index];
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent('tap');
}
