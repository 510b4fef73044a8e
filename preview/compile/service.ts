import path from 'node:path';

import { build } from 'esbuild';

import type { AppGraph } from './graph';

/**
 * The app service: every script of the mini program (app, pages, components and what they
 * import) in one browser bundle, so a module shared by two pages runs once, as in WeChat. Each
 * page or component file is wrapped in a loader the runtime calls when it registers that module;
 * `wx`, `getApp`, `Component`, `Behavior`, `Page`, `App` and `getCurrentPages` stay free globals.
 */
export async function bundleService(
  graph: AppGraph,
  opts: { minify: boolean },
): Promise<{ code: string; inputs: string[] }> {
  const entries: [string, string][] = [];
  if (graph.appScript) entries.push(['app', graph.appScript]);
  for (const mod of graph.modules) if (mod.script) entries.push([mod.path, mod.script]);
  const lines = [
    'var loaders = (globalThis.__ttModules = globalThis.__ttModules || {});',
    ...entries.map(
      ([key, file]) =>
        `loaders[${JSON.stringify(key)}] = function () { require(${JSON.stringify(`./${file}`)}); };`,
    ),
  ];
  const result = await build({
    stdin: {
      contents: lines.join('\n'),
      resolveDir: graph.root,
      sourcefile: '__tt_service_entry.js',
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: opts.minify,
    sourcemap: opts.minify ? false : 'inline',
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
    absWorkingDir: graph.root,
  });
  const file = result.outputFiles[0];
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith('<'))
    .map((f) => path.resolve(graph.root, f));
  return { code: file ? file.text : '', inputs };
}
