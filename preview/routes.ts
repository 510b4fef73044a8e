import fs from 'node:fs';
import path from 'node:path';

import type { RawRoute } from '../localcloud/module';

/** Serves the built preview (see build.ts) under /preview/: never cached, so a rebuild shows. */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

export const PREVIEW_PREFIX = '/preview';

/** The file under outDir a request path names, or null when it would leave outDir. */
export function previewFile(outDir: string, pathname: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(PREVIEW_PREFIX.length + 1));
  } catch {
    return null;
  }
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const root = path.resolve(outDir);
  const file = path.resolve(root, rel);
  return file.startsWith(root + path.sep) ? file : null;
}

export function previewRoutes(opts: { outDir: string }): RawRoute[] {
  return [
    {
      method: 'GET',
      prefix: PREVIEW_PREFIX,
      handle(_req, res, url): void {
        if (url.pathname === PREVIEW_PREFIX) {
          res.writeHead(302, { location: `${PREVIEW_PREFIX}/${url.search}` });
          res.end();
          return;
        }
        const file = url.pathname.startsWith(`${PREVIEW_PREFIX}/`)
          ? previewFile(opts.outDir, url.pathname)
          : null;
        let data: Buffer;
        try {
          if (!file) throw new Error('outside');
          data = fs.readFileSync(file);
        } catch {
          const missing =
            url.pathname === `${PREVIEW_PREFIX}/` || url.pathname.endsWith('/index.html');
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(missing ? 'The preview is not built yet.' : 'Not found');
          return;
        }
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': data.length,
          'cache-control': 'no-store',
        });
        res.end(data);
      },
    },
  ];
}
