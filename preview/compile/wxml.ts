import path from 'node:path';

import { listFiles } from './graph';

interface MiniprogramCompiler {
  wxmlToJs(
    root: string,
    options: { wxmlList: string[]; wxsList: string[]; maxBuffer: number },
  ): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiler = require('miniprogram-compiler') as MiniprogramCompiler;

/** The wrapper `require`s each module's json to learn its components: drop stale copies. */
function forgetJson(root: string): void {
  const prefix = path.resolve(root) + path.sep;
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(prefix) && key.endsWith('.json')) delete require.cache[key];
  }
}

/**
 * Compiles every WXML (and WXS) file with WeChat's own wcc. The result is a classic script that
 * sets `window.__ttGwx`: `__ttGwx('pages/home/index.wxml')` is the render function j-component's
 * `transform()` takes. It must not run as strict code (wcc relies on implicit globals).
 */
export function compileWxml(root: string): { script: string; files: string[] } {
  forgetJson(root);
  const wxmlList = listFiles(root, ['.wxml']);
  const wxsList = listFiles(root, ['.wxs']);
  if (wxmlList.length === 0) return { script: 'window.__ttGwx = function () {};\n', files: [] };
  const body = compiler.wxmlToJs(root, { wxmlList, wxsList, maxBuffer: 64 * 1024 * 1024 });
  return {
    script: `window.__ttGwx = (function () {\n${body}\n})();\n`,
    files: wxmlList,
  };
}
