import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { transformSync } from 'esbuild';

/**
 * What WeChat would upload as the mini program's main package: scripts, templates, styles, JSON
 * and images under miniprogramRoot, outside any subpackage root. The sources are TypeScript that
 * DevTools compiles at upload (useCompilerPlugins), so each `.ts` counts as the JavaScript it
 * becomes — types stripped, and minified when project.config.json says `minified: true`.
 * Type declarations, tests and tsconfig.json are not part of the app.
 */

export interface PackageSize {
  files: number;
  bytes: number;
  /** Bytes by kind: js, wxml, wxss, json, wxs, image. */
  byKind: Record<string, number>;
}

const KIND_OF_EXTENSION: Record<string, string> = {
  '.ts': 'js',
  '.js': 'js',
  '.wxml': 'wxml',
  '.wxss': 'wxss',
  '.json': 'json',
  '.wxs': 'wxs',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.gif': 'image',
  '.svg': 'image',
  '.webp': 'image',
};

function isTestOrDeclaration(rel: string): boolean {
  return (
    rel.endsWith('.d.ts') ||
    /\.(test|spec)\.[jt]s$/.test(rel) ||
    rel.split(sep).some((part) => part === '__tests__' || part === 'test') ||
    rel === 'tsconfig.json'
  );
}

/** Subpackage roots from app.json (`subpackages` or the older `subPackages`). */
export function subpackageRoots(appJson: unknown): string[] {
  if (typeof appJson !== 'object' || appJson === null) return [];
  const record = appJson as Record<string, unknown>;
  const list = record.subpackages ?? record.subPackages;
  if (!Array.isArray(list)) return [];
  return list
    .map((s: unknown) =>
      typeof s === 'object' && s !== null ? (s as Record<string, unknown>).root : undefined,
    )
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.replace(/^\/+|\/+$/g, ''));
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

export function mainPackageSize(root: string, opts: { minified: boolean }): PackageSize {
  const appJsonPath = join(root, 'app.json');
  const roots = existsSync(appJsonPath)
    ? subpackageRoots(JSON.parse(readFileSync(appJsonPath, 'utf8')) as unknown)
    : [];
  const files: string[] = [];
  walk(root, files);
  const byKind: Record<string, number> = {};
  let count = 0;
  let bytes = 0;
  for (const file of files) {
    const rel = relative(root, file);
    const kind = KIND_OF_EXTENSION[extname(file).toLowerCase()];
    if (!kind || isTestOrDeclaration(rel)) continue;
    const posix = rel.split(sep).join('/');
    if (roots.some((r) => posix === r || posix.startsWith(`${r}/`))) continue;
    const size = file.endsWith('.ts')
      ? Buffer.byteLength(
          transformSync(readFileSync(file, 'utf8'), {
            loader: 'ts',
            format: 'cjs',
            target: 'es2020',
            minify: opts.minified,
          }).code,
        )
      : readFileSync(file).length;
    byKind[kind] = (byKind[kind] ?? 0) + size;
    bytes += size;
    count += 1;
  }
  return { files: count, bytes, byKind };
}
