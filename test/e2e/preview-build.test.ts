import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildPreview, watchPreview, type BuildResult } from '../../preview/build';
import { rewritePageSelector, rewriteViewportUnits } from '../../preview/compile/wxss';
import { previewFile } from '../../preview/routes';
import type { PreviewConfig } from '../../preview/shared/config';
import { startPreviewServer } from '../helpers/previewServer';

/** The preview's build step and routes, without a browser. */

jest.setTimeout(60_000);

const APP = path.join(__dirname, 'fixtures', 'preview-app');
const temps: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-preview-build-'));
  temps.push(dir);
  return dir;
}

function copyApp(): string {
  const dir = tempDir();
  fs.cpSync(APP, dir, { recursive: true });
  return dir;
}

function readConfig(outDir: string): PreviewConfig {
  const text = fs.readFileSync(path.join(outDir, 'app-config.js'), 'utf8');
  return JSON.parse(
    text.replace(/^window\.__ttConfig = /, '').replace(/;\s*$/, ''),
  ) as PreviewConfig;
}

afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

test('compiles pages, components, templates, styles and assets into the out dir', async () => {
  const outDir = tempDir();
  const result = await buildPreview({ miniprogramDir: APP, outDir });
  for (const f of [
    'index.html',
    'runtime.js',
    'wxml.js',
    'app-config.js',
    'service.js',
    'build.json',
    'mp/images/dot.png',
  ]) {
    expect(fs.existsSync(path.join(outDir, f))).toBe(true);
  }
  expect(result.files).toBe(7);
  const bytes = fs
    .readdirSync(outDir, { recursive: true })
    .map((f) => path.join(outDir, String(f)))
    .filter((f) => fs.statSync(f).isFile())
    .reduce((n, f) => n + fs.statSync(f).size, 0);
  expect(result.bytes).toBe(bytes);

  const config = readConfig(outDir);
  expect(config.pages).toEqual([
    'pages/index/index',
    'pages/detail/index',
    'pages/widgets/index',
    'pages/me/index',
  ]);
  expect(config.modules['components/badge/index']).toMatchObject({
    kind: 'component',
    tagName: 'badge-c',
  });
  // app.json's global components are usable on every page.
  expect(config.modules['pages/index/index']?.using).toEqual({
    'tt-badge': 'components/badge/index',
  });
  expect(JSON.parse(fs.readFileSync(path.join(outDir, 'build.json'), 'utf8')).buildId).toBe(
    config.buildId,
  );

  const styles = config.styles;
  expect(styles.files.app).toContain('page {');
  expect(styles.files.app).not.toMatch(/\bbody\b/);
  // 32rpx on a 375 pt screen.
  expect(styles.files.app).toContain('font-size: 16px');
  expect(styles.files['components/badge/index']).toContain(`.${config.prefixMark}badge {`);
  expect(styles.global).toMatch(/^badge-c\{display: inline-block;\}/);

  const wxml = fs.readFileSync(path.join(outDir, 'wxml.js'), 'utf8');
  expect(wxml.startsWith('window.__ttGwx = (function () {')).toBe(true);
  expect(wxml).toContain('templates/row.wxml');
  const service = fs.readFileSync(path.join(outDir, 'service.js'), 'utf8');
  for (const key of ['app', 'pages/index/index', 'components/badge/index']) {
    expect(service).toContain(`loaders[${JSON.stringify(key)}]`);
  }
});

test('rewrites page selectors and viewport units for the phone frame', () => {
  expect(rewritePageSelector('body { a: b }\n.x body,body>.y{}')).toBe(
    'page { a: b }\n.x page,page>.y{}',
  );
  expect(rewritePageSelector('.body-text{} #body{} .nobody{}')).toBe(
    '.body-text{} #body{} .nobody{}',
  );
  expect(rewriteViewportUnits('min-height: 100vh; width: 50vw')).toBe(
    'min-height: calc(100 * var(--pv-vh, 1vh)); width: 187.5px',
  );
});

test('a missing component is a warning, a broken stylesheet an error', async () => {
  const dir = copyApp();
  fs.writeFileSync(
    path.join(dir, 'pages/detail/index.json'),
    JSON.stringify({ usingComponents: { ghost: '../../components/ghost/index' } }),
  );
  const outDir = tempDir();
  await buildPreview({ miniprogramDir: dir, outDir });
  expect(readConfig(outDir).warnings).toEqual([
    'pages/detail/index: components/ghost/index not found',
  ]);

  fs.writeFileSync(path.join(dir, 'pages/detail/index.wxss'), '@import "./missing.wxss";\n');
  await expect(buildPreview({ miniprogramDir: dir, outDir })).rejects.toThrow(/wxss/);
});

test('serves the build under /preview/ uncached, and nothing outside it', async () => {
  const outDir = tempDir();
  await buildPreview({ miniprogramDir: APP, outDir });
  const server = await startPreviewServer({ outDir });
  try {
    const index = await fetch(`${server.url}/preview/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(await index.text()).toContain('runtime.js');
    const redirect = await fetch(`${server.url}/preview`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/preview/');
    expect(
      (await fetch(`${server.url}/preview/mp/images/dot.png`)).headers.get('content-type'),
    ).toBe('image/png');
    expect((await fetch(`${server.url}/preview/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  } finally {
    await server.close();
  }
  expect(previewFile(outDir, '/preview/%2e%2e/secret')).toBeNull();
  expect(previewFile(outDir, '/preview/')).toBe(path.join(outDir, 'index.html'));
});

test('watchPreview rebuilds when a page changes', async () => {
  const dir = copyApp();
  const outDir = tempDir();
  await buildPreview({ miniprogramDir: dir, outDir });
  const first = readConfig(outDir).buildId;
  const rebuilt = new Promise<BuildResult | Error>((resolve) => {
    const watcher = watchPreview({
      miniprogramDir: dir,
      outDir,
      onRebuild(r) {
        if (readConfig(outDir).buildId !== first) {
          watcher.close();
          resolve(r);
        }
      },
      onError(e) {
        watcher.close();
        resolve(e);
      },
    });
    setTimeout(() => {
      fs.appendFileSync(
        path.join(dir, 'pages/detail/index.wxml'),
        '<text class="added">新增</text>\n',
      );
    }, 200);
  });
  const result = await rebuilt;
  expect(result).not.toBeInstanceOf(Error);
  expect(fs.readFileSync(path.join(outDir, 'wxml.js'), 'utf8')).toContain('新增');
});

test('a failed rebuild keeps the last good output and says why in build.json', async () => {
  const dir = copyApp();
  const outDir = tempDir();
  await buildPreview({ miniprogramDir: dir, outDir });
  const good = readConfig(outDir).buildId;
  const failed = new Promise<Error>((resolve) => {
    const watcher = watchPreview({
      miniprogramDir: dir,
      outDir,
      onError(e) {
        watcher.close();
        resolve(e);
      },
    });
    setTimeout(
      () => fs.writeFileSync(path.join(dir, 'pages/me/index.wxss'), '@import "./gone.wxss";\n'),
      200,
    );
  });
  const error = await failed;
  expect(error.message).toMatch(/wxss/);
  const stamp = JSON.parse(fs.readFileSync(path.join(outDir, 'build.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(stamp).toMatchObject({ buildId: good, error: error.message });
  expect(readConfig(outDir).buildId).toBe(good);
});
