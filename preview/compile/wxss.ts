import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

import { listFiles, type ModuleInfo } from './graph';

/**
 * Styles through WeChat's own wcsc (imports, rpx, `page` → `body`), evaluated here at build time
 * for a 375 pt wide screen. Class selectors keep a placeholder where WeChat puts a component's
 * class prefix, so the runtime can apply one stylesheet per style scope without recompiling.
 */

export const PREFIX_MARK = '%%tt%%';
export const DEVICE_WIDTH = 375;

export interface CompiledStyles {
  /** Rules wcsc hoists out of files (`:host`), already rewritten to host tags. */
  global: string;
  /** Module or file path without extension ('app', 'pages/home/index') → CSS with PREFIX_MARK. */
  files: Record<string, string>;
}

function wcscPath(): string {
  const pkg = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  const bin =
    process.platform === 'darwin'
      ? path.join(pkg, 'bin', 'mac', 'wcsc')
      : process.platform === 'win32'
        ? path.join(pkg, 'bin', 'windows', 'wcsc.exe')
        : path.join(pkg, 'bin', 'linux', 'wcsc');
  try {
    fs.chmodSync(bin, 0o755);
  } catch {
    // read-only install: it is executable already or the spawn below says so
  }
  return bin;
}

/** wcsc prints `key=value=key=value…`, each value a JS string body with \x escapes. */
function parseOutput(stdout: string): Map<string, string> {
  const parts = stdout.split('=');
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const key = parts[i] ?? '';
    const raw = parts[i + 1] ?? '';
    out.set(key, vm.runInNewContext(`"${raw}"`) as string);
  }
  return out;
}

function runWcsc(root: string, pageFiles: string[], otherFiles: string[]): Map<string, string> {
  const args = ['-pc', String(pageFiles.length), ...pageFiles, ...otherFiles];
  const res = spawnSync(wcscPath(), args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  if (res.error) throw res.error;
  const stderr = res.stderr.toString().trim();
  if (res.status !== 0 || /^ERR:/m.test(stderr)) {
    throw new Error(`wxss: ${stderr || `wcsc exited with ${res.status}`}`);
  }
  return parseOutput(res.stdout.toString());
}

/** Runs wcsc's own setCssToHead code in a sandbox and catches the CSS it would inject. */
function evaluate(output: Map<string, string>): { global: string; files: Map<string, string> } {
  const captured: string[] = [];
  const sandbox: Record<string, unknown> = {
    navigator: { userAgent: 'tongti-preview' },
    screen: { width: DEVICE_WIDTH, height: 812 },
    devicePixelRatio: 2,
    __styleSheetManager2__: {
      addItem(): void {},
      setCss(_key: string, css: string): void {
        captured.push(css);
      },
    },
  };
  sandbox.window = sandbox;
  const entries = [...output.entries()].filter(([k]) => k.endsWith('.wxss'));
  const code = [
    output.get('comm') ?? '',
    ';var __ttMap = {',
    ...entries.map(([k, v]) => `${JSON.stringify(k)}: ${v},`),
    '};',
  ].join('\n');
  const context = vm.createContext(sandbox);
  vm.runInContext(code, context, { filename: 'wcsc-output.js' });
  const global = captured.join('');
  const map = sandbox.__ttMap as Record<string, (suffix: string) => void>;
  const files = new Map<string, string>();
  for (const [key] of entries) {
    // wcsc also prints an empty './app.wxss' twin; keep the real one.
    if (key.startsWith('./') && output.has(key.slice(2))) continue;
    captured.length = 0;
    const fn = map[key];
    if (typeof fn === 'function') fn(PREFIX_MARK);
    files.set(key.replace(/^\.\//, '').replace(/\.wxss$/, ''), captured.join(''));
  }
  return { global, files };
}

/** wcsc writes `page` as `body`; in the phone frame each page's root is a `pv-page` element. */
export function rewritePageSelector(css: string): string {
  return css.replace(/(^|[\s,>+~}(])body(?![\w-])/g, '$1page');
}

/**
 * vh/vw mean the phone's window, not the browser's: vw is fixed by the screen width, vh follows
 * the page viewport (the runtime sets --pv-vh as the tab bar comes and goes).
 */
export function rewriteViewportUnits(css: string): string {
  return css.replace(/(-?\d*\.?\d+)(vh|vw)\b/g, (_m, n: string, unit: string) =>
    unit === 'vw' ? `${(Number(n) * DEVICE_WIDTH) / 100}px` : `calc(${n} * var(--pv-vh, 1vh))`,
  );
}

/** `:host` comes out as `[is="<path minus its first two characters>"]`: point it at the tag. */
function rewriteHost(css: string, modules: ModuleInfo[]): string {
  return css.replace(/\[is="([^"]*)"\]/g, (all, is: string) => {
    const mod = modules.find((m) => m.path.endsWith(is) || `${m.path}`.endsWith(is.slice(2)));
    return mod ? mod.tagName : all;
  });
}

export function compileWxss(root: string, modules: ModuleInfo[]): CompiledStyles {
  const all = listFiles(root, ['.wxss']);
  if (all.length === 0) return { global: '', files: {} };
  const scoped = new Set(modules.filter((m) => m.hasWxss).map((m) => `${m.path}.wxss`));
  if (all.includes('app.wxss')) scoped.add('app.wxss');
  const pageFiles = all.filter((f) => scoped.has(f));
  const otherFiles = all.filter((f) => !scoped.has(f));
  const { global, files } = evaluate(runWcsc(root, pageFiles, otherFiles));
  const out: Record<string, string> = {};
  for (const [key, css] of files) {
    if (scoped.has(`${key}.wxss`))
      out[key] = rewriteHost(rewriteViewportUnits(rewritePageSelector(css)), modules);
  }
  return { global: rewriteHost(rewritePageSelector(global), modules), files: out };
}
