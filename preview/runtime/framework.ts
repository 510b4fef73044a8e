import jComponent from 'j-component/src/index';

import { config, moduleInfo } from './config';
import { setDataProbeBehaviors } from './setDataProbe';
import { injectScope } from './styles';
import { isRecord, resolvePath, warnOnce } from './util';

/**
 * The mini program's constructors (Component, Behavior, Page, App, getApp) on top of
 * j-component. A page or component file runs once, when first needed, with the module it
 * defines as context, the way WeChat's app service attributes a `Component()` call to its file.
 */

type Def = Record<string, unknown>;
type Loader = () => void;
type GwxFactory = (path: string) => unknown;

const ids = new Map<string, string>();
const defs = new Map<string, Def>();
let loading: string | null = null;
let definedWhileLoading = false;
let app: Record<string, unknown> | null = null;

function loaders(): Record<string, Loader> {
  const g = globalThis as { __ttModules?: Record<string, Loader> };
  return g.__ttModules ?? {};
}

function gwx(): GwxFactory {
  const g = (globalThis as { __ttGwx?: GwxFactory }).__ttGwx;
  if (typeof g !== 'function') throw new Error('preview: wxml.js did not load');
  return g;
}

const pathsById = new Map<string, string>();

export function componentId(path: string): string {
  const id = `tt_${path.replace(/[^A-Za-z0-9]/g, '_')}`;
  pathsById.set(id, path);
  return id;
}

export function pathOfComponentId(id: string): string | undefined {
  return pathsById.get(id);
}

/** The definition (as the app wrote it) of a loaded page or component. */
export function definitionOf(path: string): Def | undefined {
  return defs.get(path);
}

export function classPrefixOf(path: string): string {
  const info = moduleInfo(path);
  return info && info.kind === 'component' ? info.tagName : '';
}

/** WeChat renders nothing for a module without WXML; j-component needs a template all the same. */
function emptyTemplate(): unknown {
  return { tag: 'wx-page', children: [] };
}

function sharesAppStyles(def: Def, json: Record<string, unknown>): boolean {
  const options = isRecord(def.options) ? def.options : {};
  const isolation = options.styleIsolation ?? json.styleIsolation;
  return options.addGlobalClass === true || isolation === 'apply-shared' || isolation === 'shared';
}

/** Relation keys are paths relative to the component; exparser wants the target's id. */
function relationsOf(path: string, relations: unknown): unknown {
  if (!isRecord(relations)) return relations;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(relations)) {
    const target = resolvePath(path, key);
    if (isRecord(value) && moduleInfo(target)) {
      const id = componentId(target);
      out[id] = { ...value, target: id };
    } else {
      out[key] = value;
    }
  }
  return out;
}

function register(path: string, def: Def): void {
  const info = moduleInfo(path);
  if (!info) throw new Error(`preview: ${path} is not in app.json's pages or any usingComponents`);
  const using: Record<string, string> = {};
  for (const [tag, target] of Object.entries(info.using)) using[tag] = componentId(target);
  const prefix = classPrefixOf(path);
  const options = isRecord(def.options) ? def.options : {};
  const template = info.hasWxml ? (gwx()(`${path}.wxml`) as unknown) : () => emptyTemplate();
  const id = componentId(path);
  jComponent.register({
    ...def,
    behaviors: [
      ...setDataProbeBehaviors(path),
      ...(Array.isArray(def.behaviors) ? (def.behaviors as unknown[]) : []),
    ],
    relations: relationsOf(path, def.relations),
    id,
    path: `/${path}`,
    tagName: info.tagName,
    template,
    usingComponents: using,
    options: { ...options, classPrefix: prefix },
  });
  ids.set(path, id);
  defs.set(path, def);
  if (info.kind === 'component' && sharesAppStyles(def, info.json)) injectScope('app', prefix);
  injectScope(path, prefix, info.kind === 'page');
}

/** Runs a module's script (and first those of the components it uses) if not done yet. */
export function ensureLoaded(path: string, trail: string[] = []): string {
  const done = ids.get(path);
  if (done) return done;
  const info = moduleInfo(path);
  if (!info) throw new Error(`preview: unknown page or component ${path}`);
  if (trail.includes(path)) return componentId(path);
  for (const target of Object.values(info.using)) {
    if (target !== path) ensureLoaded(target, [...trail, path]);
  }
  const loader = loaders()[path];
  const outer = loading;
  const outerDefined = definedWhileLoading;
  loading = path;
  definedWhileLoading = false;
  try {
    if (loader) loader();
    if (!definedWhileLoading) {
      if (info.hasScript) warnOnce(`nodef:${path}`, `${path} did not call Component() or Page()`);
      register(path, {});
    }
  } finally {
    loading = outer;
    definedWhileLoading = outerDefined;
  }
  return componentId(path);
}

function defineComponent(def: unknown): void {
  if (!loading) {
    warnOnce('component-outside', 'Component() called outside a page or component file');
    return;
  }
  if (definedWhileLoading) {
    warnOnce(`twice:${loading}`, `${loading} called Component() twice; the first one counts`);
    return;
  }
  definedWhileLoading = true;
  register(loading, isRecord(def) ? def : {});
}

const PAGE_OWN_KEYS = new Set(['data', 'options', 'behaviors']);

/** Page({...}) as the equivalent Component: functions become methods, other fields per instance. */
export function pageToComponent(def: Def): Def {
  const methods: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(def)) {
    if (PAGE_OWN_KEYS.has(key)) continue;
    if (typeof value === 'function') methods[key] = value;
    else fields[key] = value;
  }
  return {
    data: def.data,
    options: def.options,
    behaviors: def.behaviors,
    methods,
    lifetimes: {
      created(this: Record<string, unknown>): void {
        for (const [key, value] of Object.entries(fields)) this[key] = structuredCloneSafe(value);
      },
    },
  };
}

function structuredCloneSafe(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

export function getApp(): Record<string, unknown> {
  if (!app) {
    warnOnce('getapp-early', 'getApp() called before App(); returning an empty app');
    app = { globalData: {} };
  }
  return app;
}

export function installConstructors(): void {
  const g = globalThis as Record<string, unknown>;
  g.Component = defineComponent;
  g.Page = (def: unknown) => defineComponent(pageToComponent(isRecord(def) ? def : {}));
  g.Behavior = (def: unknown) => jComponent.behavior(isRecord(def) ? { ...def } : {});
  g.App = (def: unknown) => {
    app = isRecord(def) ? def : {};
    if (!isRecord(app.globalData)) app.globalData = {};
  };
  g.getApp = getApp;
  g.requirePlugin = (name: string) => {
    warnOnce(`plugin:${name}`, `requirePlugin('${name}') is not available in the preview`);
    return {};
  };
}

/** Runs app.ts (it calls App()) and then App's onLaunch/onShow with the launch options. */
export function launchApp(launch: { path: string; query: Record<string, string> }): void {
  const loader = loaders().app;
  if (loader) loader();
  if (!app) app = { globalData: {} };
  const options = { path: launch.path, query: launch.query, scene: 1001, referrerInfo: {} };
  callHook(app, 'onLaunch', options);
  callHook(app, 'onShow', options);
}

export function appHook(name: 'onShow' | 'onHide' | 'onError', arg?: unknown): void {
  if (app) callHook(app, name, arg);
}

function callHook(target: Record<string, unknown>, name: string, arg?: unknown): void {
  const fn = target[name];
  if (typeof fn !== 'function') return;
  try {
    fn.call(target, arg);
  } catch (e) {
    console.error(`[preview] App.${name} threw`, e);
  }
}

export function allPagePaths(): string[] {
  return config().pages;
}
