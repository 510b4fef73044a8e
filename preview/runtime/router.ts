import exparser from 'miniprogram-exparser';
import jComponent from 'j-component/src/index';

import type { Chrome } from './chrome';
import { tabItems } from './chrome';
import { appWindow, config, moduleInfo } from './config';
import { appHook, componentId, definitionOf, ensureLoaded } from './framework';
import { isRecord, splitUrl, str, stringifyQuery, type Query, warnOnce } from './util';

/**
 * The page stack as WeChat keeps it: navigateTo pushes (at most 10), redirectTo replaces,
 * navigateBack pops, switchTab keeps tab pages alive and closes the rest, reLaunch starts over.
 * Pages get onLoad → onShow → onReady, onHide when covered, onUnload when closed; their
 * components get pageLifetimes show/hide. The top page is mirrored in the location hash.
 */

type RootComponent = NonNullable<ReturnType<typeof jComponent.create>>;

export interface PageEntry {
  path: string;
  query: Query;
  root: RootComponent;
  instance: TtInstance;
  frame: HTMLElement;
  title: string | null;
  navBackground: string | null;
  navTextStyle: 'black' | 'white' | null;
  navLoading: boolean;
  atBottom: boolean;
  eventChannel: EventChannel;
}

export class EventChannel {
  private listeners = new Map<string, ((data: unknown) => void)[]>();
  private peer: EventChannel | null = null;
  private queued: [string, unknown][] = [];

  static pair(): [EventChannel, EventChannel] {
    const a = new EventChannel();
    const b = new EventChannel();
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  on(name: string, fn: (data: unknown) => void): void {
    const list = this.listeners.get(name) ?? [];
    list.push(fn);
    this.listeners.set(name, list);
    const waiting = this.queued.filter(([n]) => n === name);
    this.queued = this.queued.filter(([n]) => n !== name);
    for (const [, data] of waiting) fn(data);
  }

  once(name: string, fn: (data: unknown) => void): void {
    const wrapped = (data: unknown): void => {
      this.off(name, wrapped);
      fn(data);
    };
    this.on(name, wrapped);
  }

  off(name: string, fn?: (data: unknown) => void): void {
    if (!fn) this.listeners.delete(name);
    else
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((f) => f !== fn),
      );
  }

  emit(name: string, data?: unknown): void {
    this.peer?.receive(name, data);
  }

  private receive(name: string, data: unknown): void {
    const list = this.listeners.get(name);
    if (list && list.length) for (const fn of [...list]) fn(data);
    else this.queued.push([name, data]);
  }
}

const MAX_STACK = 10;
const stack: PageEntry[] = [];
const aliveTabs = new Map<string, PageEntry>();
let chrome: Chrome | null = null;
let lastHash = '';

export function initRouter(c: Chrome): void {
  chrome = c;
  window.addEventListener('hashchange', () => {
    if (location.hash === lastHash) return;
    void openFromHash();
  });
}

export function currentPage(): PageEntry | undefined {
  return stack[stack.length - 1];
}

export function currentPagePath(): string | undefined {
  return currentPage()?.path;
}

export function pageStack(): readonly PageEntry[] {
  return stack;
}

export function isTabPage(path: string): boolean {
  return tabItems().some((t) => t.pagePath === path);
}

export function entryOf(instance: unknown): PageEntry | undefined {
  return (
    stack.find((e) => e.instance === instance) ??
    [...aliveTabs.values()].find((e) => e.instance === instance)
  );
}

function call(entry: PageEntry, hook: string, ...args: unknown[]): unknown {
  const fn = entry.instance[hook];
  if (typeof fn !== 'function') return undefined;
  try {
    return fn.apply(entry.instance, args);
  } catch (e) {
    reportError(`${entry.path} ${hook}: ${(e as Error).message ?? String(e)}`, e);
    return undefined;
  }
}

let reporting = false;

/** An error in the app: logged, shown on the screen, and handed to App.onError as WeChat does. */
export function reportError(message: string, error?: unknown): void {
  console.error(`[preview] ${message}`, error ?? '');
  chrome?.showError(message);
  if (reporting) return;
  reporting = true;
  try {
    appHook('onError', error instanceof Error && error.stack ? error.stack : message);
  } finally {
    reporting = false;
  }
}

function pageJson(path: string): Record<string, unknown> {
  return moduleInfo(path)?.json ?? {};
}

function setting(path: string, key: string): unknown {
  const own = pageJson(path)[key];
  return own !== undefined ? own : appWindow()[key];
}

function eachComponent(node: TtExElement, fn: (n: TtExElement) => void): void {
  fn(node);
  for (const list of [node.shadowRoot?.childNodes, node.childNodes]) {
    if (Array.isArray(list)) for (const c of list) eachComponent(c, fn);
  }
}

function isLifetimeTarget(n: TtExElement): boolean {
  return typeof n.triggerLifeTime === 'function';
}

function pageProps(path: string, query: Query): Record<string, unknown> {
  const def = definitionOf(path);
  const props = def && isRecord(def.properties) ? def.properties : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) if (k in props) out[k] = v;
  return out;
}

function watchScroll(entry: PageEntry): void {
  const frame = entry.frame;
  frame.addEventListener(
    'scroll',
    () => {
      if (typeof entry.instance.onPageScroll === 'function') {
        call(entry, 'onPageScroll', { scrollTop: frame.scrollTop });
      }
      const distance = Number(setting(entry.path, 'onReachBottomDistance') ?? 50);
      const bottom = frame.scrollTop + frame.clientHeight >= frame.scrollHeight - distance;
      if (bottom && !entry.atBottom) call(entry, 'onReachBottom');
      entry.atBottom = bottom;
    },
    { passive: true },
  );
}

const REFRESH_HEIGHT = 50;
const WHEEL_TO_REFRESH = 120;

/** Pull-down refresh: the three dots above the page, then the page's onPullDownRefresh. */
export function startPullDownRefresh(entry: PageEntry): void {
  if (entry.frame.classList.contains('pv-frame--refreshing')) return;
  entry.frame.classList.add('pv-frame--refreshing');
  entry.frame.scrollTop = 0;
  const bar = entry.frame.querySelector<HTMLElement>('.pv-refresh');
  if (bar) bar.style.height = `${REFRESH_HEIGHT}px`;
  // WeChat gives up on a refresh nobody stops after a while.
  window.setTimeout(() => stopPullDownRefresh(entry), 10_000);
  call(entry, 'onPullDownRefresh');
}

export function stopPullDownRefresh(entry: PageEntry): void {
  entry.frame.classList.remove('pv-frame--refreshing');
  const bar = entry.frame.querySelector<HTMLElement>('.pv-refresh');
  if (bar) bar.style.height = '0px';
}

/** A mouse wheel or trackpad pulling down at the top of the page stands in for the finger. */
function watchPullDown(entry: PageEntry): void {
  const bar = document.createElement('div');
  bar.className = 'pv-refresh';
  bar.innerHTML = '<i></i><i></i><i></i>';
  const bg = setting(entry.path, 'backgroundColor');
  if (typeof bg === 'string') bar.style.background = bg;
  if (setting(entry.path, 'backgroundTextStyle') === 'light')
    bar.classList.add('pv-refresh--light');
  entry.frame.prepend(bar);
  let pulled = 0;
  let last = 0;
  entry.frame.addEventListener(
    'wheel',
    (e) => {
      if (entry.frame.scrollTop > 0 || e.deltaY >= 0) {
        pulled = 0;
        return;
      }
      if (e.timeStamp - last > 400) pulled = 0;
      last = e.timeStamp;
      pulled -= e.deltaY;
      if (pulled >= WHEEL_TO_REFRESH) {
        pulled = 0;
        startPullDownRefresh(entry);
      }
    },
    { passive: true },
  );
}

function createPage(path: string, query: Query, channel: EventChannel): PageEntry {
  ensureLoaded(path);
  const root = jComponent.create(componentId(path));
  if (!root) throw new Error(`preview: cannot create page ${path}`);
  const instance = root.instance;
  // Query values reach same-named properties (as WeChat does for Component pages); setData,
  // because attributes named id/class/style would be taken as the element's own.
  const props = pageProps(path, query);
  if (Object.keys(props).length) instance.setData(props);
  instance.route = path;
  instance.__route__ = path;
  instance.options = { ...query };
  instance.getOpenerEventChannel = () => channel;
  const frame = document.createElement('div');
  frame.className = 'pv-frame';
  frame.dataset.path = path;
  const entry: PageEntry = {
    path,
    query,
    root,
    instance,
    frame,
    title: null,
    navBackground: null,
    navTextStyle: null,
    navLoading: false,
    atBottom: false,
    eventChannel: channel,
  };
  if (!chrome) throw new Error('preview: router not initialised');
  chrome.viewport.append(frame);
  frame.append(root.dom);
  exparser.Element.pretendAttached(root._exparserNode);
  watchScroll(entry);
  if (setting(path, 'enablePullDownRefresh') === true) watchPullDown(entry);
  return entry;
}

/** onLoad → onShow → ready/onReady, once the entry is on the stack (getCurrentPages sees it). */
function start(entry: PageEntry): void {
  call(entry, 'onLoad', { ...entry.query });
  show(entry);
  ready(entry);
}

function ready(entry: PageEntry): void {
  const nodes: TtExElement[] = [];
  eachComponent(entry.root._exparserNode, (n) => {
    if (isLifetimeTarget(n)) nodes.push(n);
  });
  for (const n of nodes) n.triggerLifeTime('ready', []);
  call(entry, 'onReady');
}

function show(entry: PageEntry): void {
  for (const other of chrome?.viewport.querySelectorAll<HTMLElement>('.pv-frame') ?? []) {
    other.style.display = other === entry.frame ? 'block' : 'none';
  }
  call(entry, 'onShow');
  try {
    entry.root.triggerPageLifeTime('show');
  } catch (e) {
    reportError(`${entry.path} pageLifetimes.show: ${(e as Error).message}`, e);
  }
  renderChrome();
}

function hide(entry: PageEntry): void {
  call(entry, 'onHide');
  try {
    entry.root.triggerPageLifeTime('hide');
  } catch (e) {
    reportError(`${entry.path} pageLifetimes.hide: ${(e as Error).message}`, e);
  }
}

function unload(entry: PageEntry): void {
  call(entry, 'onUnload');
  try {
    entry.root.detach();
  } catch (e) {
    reportError(`${entry.path} detach: ${(e as Error).message}`, e);
  }
  entry.frame.remove();
  aliveTabs.delete(entry.path);
}

export function renderChrome(): void {
  const top = currentPage();
  if (!chrome || !top) return;
  const rootIsTab = isTabPage(stack[0]?.path ?? '');
  chrome.setNav({
    title: top.title ?? str(setting(top.path, 'navigationBarTitleText')),
    background:
      top.navBackground ?? str(setting(top.path, 'navigationBarBackgroundColor'), '#000000'),
    textStyle:
      top.navTextStyle ??
      (setting(top.path, 'navigationBarTextStyle') === 'black' ? 'black' : 'white'),
    custom: setting(top.path, 'navigationStyle') === 'custom',
    loading: top.navLoading,
    canGoBack: stack.length > 1,
    showHome: !rootIsTab && top.path !== config().pages[0],
  });
  chrome.setTab(stack.length === 1 && isTabPage(top.path) ? top.path : null);
  lastHash = `#/${top.path}${stringifyQuery(top.query)}`;
  if (location.hash !== lastHash) history.replaceState(null, '', lastHash);
  chrome.setPath(`/${top.path}${stringifyQuery(top.query)}`);
}

export class NavError extends Error {}

function known(path: string): void {
  if (!moduleInfo(path) || moduleInfo(path)?.kind !== 'page') {
    throw new NavError(`page "${path}" is not found`);
  }
}

function open(path: string, query: Query): { entry: PageEntry; channel: EventChannel } {
  const [opener, page] = EventChannel.pair();
  const entry = createPage(path, query, page);
  return { entry, channel: opener };
}

export function navigateTo(url: string): EventChannel {
  const { path, query } = splitUrl(currentPagePath() ?? '', url);
  known(path);
  if (isTabPage(path)) throw new NavError('can not navigateTo a tabbar page');
  if (stack.length >= MAX_STACK) throw new NavError('webview count limit exceed');
  const top = currentPage();
  if (top) hide(top);
  const { entry, channel } = open(path, query);
  stack.push(entry);
  start(entry);
  return channel;
}

export function redirectTo(url: string): void {
  const { path, query } = splitUrl(currentPagePath() ?? '', url);
  known(path);
  if (isTabPage(path)) throw new NavError('can not redirectTo a tabbar page');
  const top = stack.pop();
  if (top) unload(top);
  const { entry } = open(path, query);
  stack.push(entry);
  start(entry);
}

export function navigateBack(delta = 1): void {
  if (stack.length <= 1) return;
  const n = Math.min(Math.max(1, Math.floor(delta)), stack.length - 1);
  for (let i = 0; i < n; i++) {
    const top = stack.pop();
    if (top) unload(top);
  }
  const top = currentPage();
  if (top) show(top);
}

export function switchTab(url: string): void {
  const { path } = splitUrl(currentPagePath() ?? '', url);
  known(path);
  if (!isTabPage(path)) throw new NavError('can not switchTab to a non-tabbar page');
  const top = currentPage();
  if (top && stack.length === 1 && top.path === path) return;
  while (stack.length > 0) {
    const e = stack.pop() as PageEntry;
    if (isTabPage(e.path) && stack.length === 0) hide(e);
    else unload(e);
  }
  const alive = aliveTabs.get(path);
  if (alive) {
    stack.push(alive);
    show(alive);
    return;
  }
  const { entry } = open(path, {});
  aliveTabs.set(path, entry);
  stack.push(entry);
  start(entry);
}

export function reLaunch(url: string): void {
  const { path, query } = splitUrl(currentPagePath() ?? '', url);
  known(path);
  while (stack.length > 0) unload(stack.pop() as PageEntry);
  for (const e of [...aliveTabs.values()]) unload(e);
  const { entry } = open(path, isTabPage(path) ? {} : query);
  if (isTabPage(path)) aliveTabs.set(path, entry);
  stack.push(entry);
  start(entry);
}

/** The page a deep link (#/pages/…?query) names, or app.json's entry page. */
export function launchTarget(): { path: string; query: Query } {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash) {
    const { path, query } = splitUrl('', hash);
    if (moduleInfo(path)?.kind === 'page') return { path, query };
    warnOnce(
      `deeplink:${path}`,
      `deep link ${path} is not a page of app.json; opening the entry page`,
    );
  }
  const entry = str(config().appJson.entryPagePath).replace(/^\//, '') || config().pages[0] || '';
  return { path: entry, query: {} };
}

export function openFromHash(): void {
  const { path, query } = launchTarget();
  const url = `/${path}${stringifyQuery(query)}`;
  try {
    if (isTabPage(path)) switchTab(url);
    else reLaunch(url);
  } catch (e) {
    reportError(`cannot open ${url}: ${(e as Error).message}`, e);
  }
}

/** Hide and show the top page, as when the user leaves WeChat and comes back. */
export function cycleTopPage(between?: () => void): void {
  const top = currentPage();
  if (top) hide(top);
  between?.();
  if (top) show(top);
}
