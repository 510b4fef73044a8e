import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';

import { listFiles, readGraph, type AppGraph } from './compile/graph';
import { indexHtml } from './compile/html';
import { bundleService } from './compile/service';
import { compileWxml } from './compile/wxml';
import { compileWxss, DEVICE_WIDTH, PREFIX_MARK } from './compile/wxss';
import type { PreviewConfig, PreviewModule } from './shared/config';

/**
 * Compiles `miniprogram/` as it ships (WXML through wcc, WXSS through wcsc, TypeScript through
 * esbuild) into a folder the browser runtime serves from: index.html, runtime.js (j-component,
 * exparser, built-ins, the wx shim, the phone frame), wxml.js, app-config.js, service.js and the
 * image assets under mp/.
 */

export interface BuildOptions {
  miniprogramDir: string;
  outDir: string;
}

export interface BuildResult {
  files: number;
  bytes: number;
  ms: number;
}

const RUNTIME_ENTRY = path.join(__dirname, 'runtime', 'index.ts');
const ASSET_EXTS = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.ico'];

let runtimeCache: { stamp: string; code: string } | null = null;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** The runtime does not depend on the mini program: build it once per change of its sources. */
async function runtimeBundle(): Promise<string> {
  const stamp = String(
    Math.max(newestMtime(path.dirname(RUNTIME_ENTRY)), newestMtime(path.join(__dirname, 'shared'))),
  );
  if (runtimeCache && runtimeCache.stamp === stamp) return runtimeCache.code;
  const result = await build({
    entryPoints: [RUNTIME_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { global: 'globalThis' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  runtimeCache = { stamp, code };
  return code;
}

function writeAtomic(file: string, content: string | Buffer): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
  return typeof content === 'string' ? Buffer.byteLength(content) : content.length;
}

function configOf(
  graph: AppGraph,
  buildId: string,
  styles: PreviewConfig['styles'],
): PreviewConfig {
  const modules: Record<string, PreviewModule> = {};
  for (const m of graph.modules) {
    modules[m.path] = {
      kind: m.kind,
      tagName: m.tagName,
      using: m.using,
      json: m.json,
      hasWxml: m.hasWxml,
      hasScript: m.script !== null,
    };
  }
  return {
    buildId,
    appJson: graph.appJson,
    pages: graph.pages,
    modules,
    styles,
    prefixMark: PREFIX_MARK,
    deviceWidth: DEVICE_WIDTH,
    warnings: graph.warnings,
  };
}

function appTitle(appJson: Record<string, unknown>): string {
  const win = appJson.window;
  if (win && typeof win === 'object') {
    const t = (win as Record<string, unknown>).navigationBarTitleText;
    if (typeof t === 'string' && t) return t;
  }
  return '小程序';
}

export async function buildPreview(opts: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const root = path.resolve(opts.miniprogramDir);
  const outDir = path.resolve(opts.outDir);
  const graph = readGraph(root);
  const [runtime, service] = await Promise.all([
    runtimeBundle(),
    bundleService(graph, { minify: false }),
  ]);
  const wxml = compileWxml(root);
  const styles = compileWxss(root, graph.modules);
  const buildId = crypto
    .createHash('sha1')
    .update(runtime)
    .update(service.code)
    .update(wxml.script)
    .update(JSON.stringify(styles))
    .update(JSON.stringify(graph.modules))
    .digest('hex')
    .slice(0, 12);
  const config = configOf(graph, buildId, styles);

  const outputs: [string, string | Buffer][] = [
    ['runtime.js', runtime],
    ['service.js', service.code],
    ['wxml.js', wxml.script],
    ['app-config.js', `window.__ttConfig = ${JSON.stringify(config)};\n`],
    ['index.html', indexHtml({ buildId, title: appTitle(graph.appJson) })],
  ];
  fs.rmSync(path.join(outDir, 'mp'), { recursive: true, force: true });
  for (const asset of listFiles(root, ASSET_EXTS)) {
    outputs.push([path.join('mp', asset), fs.readFileSync(path.join(root, asset))]);
  }
  let bytes = 0;
  for (const [name, content] of outputs) bytes += writeAtomic(path.join(outDir, name), content);
  // Written last: the runtime polls it and reloads when the id changes.
  const stamp = JSON.stringify({ buildId, builtAt: new Date().toISOString() });
  bytes += writeAtomic(path.join(outDir, 'build.json'), stamp);
  return { files: outputs.length + 1, bytes, ms: Math.round(performance.now() - started) };
}

/**
 * The last good build stays served; build.json gains the error, which the open preview shows
 * until a build succeeds again.
 */
function reportFailure(outDir: string, error: Error): void {
  const file = path.join(path.resolve(outDir), 'build.json');
  let buildId = '';
  try {
    buildId = String(
      (JSON.parse(fs.readFileSync(file, 'utf8')) as { buildId?: unknown }).buildId ?? '',
    );
  } catch {
    buildId = '';
  }
  try {
    writeAtomic(
      file,
      JSON.stringify({ buildId, error: error.message, builtAt: new Date().toISOString() }),
    );
  } catch {
    // no out dir yet: nothing is being served to tell
  }
}

export interface WatchOptions extends BuildOptions {
  onRebuild?(result: BuildResult): void;
  /** A failed build; without a handler it is logged. */
  onError?(error: Error): void;
}

/**
 * Builds once, then again on any change under the mini program (debounced). A failed build
 * keeps the last good output in place and reports the error.
 */
export function watchPreview(opts: WatchOptions): { close(): void } {
  const root = path.resolve(opts.miniprogramDir);
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let closed = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const result = await buildPreview(opts);
      if (!closed) opts.onRebuild?.(result);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      if (closed) return;
      reportFailure(opts.outDir, error);
      if (opts.onError) opts.onError(error);
      else console.error(`preview build failed: ${error.message}`);
    } finally {
      running = false;
      if (again && !closed) {
        again = false;
        void run();
      }
    }
  };

  const watcher = fs.watch(root, { recursive: true }, (_event, file) => {
    if (closed || (file && /(^|[/\\])(node_modules|\.)/.test(String(file)))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, 80);
  });
  void run();
  return {
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
