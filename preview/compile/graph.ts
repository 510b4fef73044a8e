import fs from 'node:fs';
import path from 'node:path';

/**
 * The mini program as DevTools sees it: app.json's pages (and subpackages), then every custom
 * component reachable through `usingComponents`. Paths are module paths relative to the
 * miniprogram root, without extension ('pages/home/index').
 */

export interface ModuleInfo {
  path: string;
  kind: 'page' | 'component';
  /** The module's own json (navigation bar settings, `component: true`, …). */
  json: Record<string, unknown>;
  /** Tag → module path, app-level global components merged in (the module's own win). */
  using: Record<string, string>;
  /** DOM tag of the component's host; pages share 'page'. Unique across the app. */
  tagName: string;
  hasWxml: boolean;
  hasWxss: boolean;
  /** The script file (ts or js), relative to the root, or null. */
  script: string | null;
}

export interface AppGraph {
  root: string;
  appJson: Record<string, unknown>;
  appScript: string | null;
  pages: string[];
  /** Pages and components, each once, in dependency order (components before their users). */
  modules: ModuleInfo[];
  warnings: string[];
}

const SCRIPT_EXTS = ['.ts', '.js'];

function readJson(file: string): Record<string, unknown> | null {
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch (e) {
    throw new Error(`${file}: invalid JSON (${(e as Error).message})`);
  }
}

function findScript(root: string, mod: string): string | null {
  for (const ext of SCRIPT_EXTS) {
    if (fs.existsSync(path.join(root, mod + ext))) return mod + ext;
  }
  return null;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** Resolves a `usingComponents` value the way WeChat does: '/x' from the root, else relative. */
export function resolveUsing(owner: string, target: string): string {
  const joined = target.startsWith('/')
    ? path.posix.normalize(target.slice(1))
    : path.posix.join(path.posix.dirname(owner), target);
  return joined.replace(/\.(ts|js|json|wxml)$/, '');
}

/** Every page app.json registers: `pages`, then each subpackage's pages under its root. */
export function pageList(appJson: Record<string, unknown>): string[] {
  const pages = Array.isArray(appJson.pages)
    ? appJson.pages.filter((p): p is string => typeof p === 'string')
    : [];
  const subs = appJson.subpackages ?? appJson.subPackages;
  if (Array.isArray(subs)) {
    for (const sub of subs) {
      if (sub === null || typeof sub !== 'object') continue;
      const { root, pages: subPages } = sub as { root?: unknown; pages?: unknown };
      if (typeof root !== 'string' || !Array.isArray(subPages)) continue;
      for (const p of subPages) {
        if (typeof p === 'string') pages.push(path.posix.join(root, p));
      }
    }
  }
  return pages;
}

function tagFor(mod: string, taken: Set<string>): string {
  const parts = mod.split('/').filter((p) => p !== 'index' && p !== 'components');
  const base =
    (parts.length ? parts.join('-') : 'component')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/^-+|-+$/g, '') || 'component';
  let tag = /^[a-z]/.test(base) ? base : `c-${base}`;
  if (!tag.includes('-')) tag = `${tag}-c`;
  let n = 2;
  const first = tag;
  while (taken.has(tag) || tag === 'page') tag = `${first}-${n++}`;
  taken.add(tag);
  return tag;
}

export function readGraph(root: string): AppGraph {
  const appJson = readJson(path.join(root, 'app.json'));
  if (!appJson) throw new Error(`${root}: no app.json`);
  const warnings: string[] = [];
  const globalUsing = stringMap(appJson.usingComponents);
  const pages = pageList(appJson);
  const infos = new Map<string, ModuleInfo>();
  const ordered: ModuleInfo[] = [];
  const visiting = new Set<string>();
  const tags = new Set<string>();

  const visit = (mod: string, kind: 'page' | 'component', from: string): void => {
    if (infos.has(mod) || visiting.has(mod)) return;
    const json = readJson(path.join(root, `${mod}.json`));
    const hasWxml = fs.existsSync(path.join(root, `${mod}.wxml`));
    if (!hasWxml && !json) {
      warnings.push(`${from}: ${mod} not found`);
      return;
    }
    visiting.add(mod);
    const own = json ? stringMap(json.usingComponents) : {};
    const using: Record<string, string> = {};
    const globals = Object.entries(globalUsing).map(([t, v]) => [t, resolveUsing('app', v)]);
    for (const [tag, target] of globals) if (tag && target) using[tag] = target;
    for (const [tag, target] of Object.entries(own)) {
      if (target.startsWith('plugin://')) {
        warnings.push(`${mod}: plugin component ${tag} is not supported in the preview`);
        continue;
      }
      using[tag] = resolveUsing(mod, target);
    }
    for (const target of Object.values(using)) {
      if (target !== mod) visit(target, 'component', mod);
    }
    for (const [tag, target] of Object.entries(using)) {
      if (!infos.has(target) && target !== mod) delete using[tag];
    }
    visiting.delete(mod);
    const info: ModuleInfo = {
      path: mod,
      kind,
      json: json ?? {},
      using,
      tagName: kind === 'page' ? 'page' : tagFor(mod, tags),
      hasWxml,
      hasWxss: fs.existsSync(path.join(root, `${mod}.wxss`)),
      script: findScript(root, mod),
    };
    infos.set(mod, info);
    ordered.push(info);
  };

  for (const page of pages) visit(page, 'page', 'app.json');
  return {
    root,
    appJson,
    appScript: findScript(root, 'app'),
    pages,
    modules: ordered,
    warnings,
  };
}

/** Every file under root with one of the extensions, as posix paths relative to root. */
export function listFiles(root: string, exts: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (exts.some((e) => entry.name.endsWith(e))) {
        out.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  walk(root);
  return out.sort();
}
