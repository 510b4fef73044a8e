import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildPreview } from '../preview/build';
import { launchChromium, PREVIEW_VIEWPORT } from '../preview/chromium';
import { previewRoutes } from '../preview/routes';
import { startLocalCloud } from '../localcloud/server';
import { demoBuilding } from '../cli/seed';

/**
 * `npm run screenshots`: the README's pictures of the preview, taken from the demo building on a
 * throwaway local cloud, the phone only, so they stay small. Run after `npm run build`.
 */
const ROOT = join(__dirname, '..');
const DOCS = join(ROOT, 'docs');

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'tongti-shots-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-shots-data-'));
  await buildPreview({ miniprogramDir: join(ROOT, 'miniprogram'), outDir });
  const seed = demoBuilding(Date.now());
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(ROOT, 'cloudfunctions'),
    seed: seed.collections,
    identities: seed.identities,
    routes: previewRoutes({ outDir }),
  });
  const browser = await launchChromium();
  mkdirSync(DOCS, { recursive: true });
  try {
    const resident = seed.identities.find((i) => i.role === 'resident');
    if (!resident) throw new Error('the demo building has no resident');
    const context = await browser.newContext({ viewport: PREVIEW_VIEWPORT });
    await context.addInitScript({
      content: `localStorage.setItem('tongti-preview:openid', ${JSON.stringify(resident.openid)})`,
    });
    const page = await context.newPage();
    await page.goto(`${cloud.url}/preview/#/pages/home/index`);
    await page.waitForSelector('html[data-pv-ready]');
    const home = page.locator('.pv-frame[data-path="pages/home/index"]');
    await home.getByText('慈爱鑫和公寓', { exact: true }).waitFor();
    await phone(page, 'preview-home');
    await home.getByText('展开全文').click();
    await home.getByText('为什么是更换而不是修理', { exact: false }).waitFor();
    await phone(page, 'preview-notice');
    await page.locator('.pv-tab', { hasText: '我的' }).click();
    const me = page.locator('.pv-frame[data-path="pages/me/index"]');
    await me.locator('wx-switch').click();
    await me.locator('wx-switch[checked]').waitFor();
    await page.locator('.pv-tab', { hasText: '首页' }).click();
    await phone(page, 'preview-large-type');
    await context.close();
  } finally {
    await browser.close();
    await cloud.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function phone(page: Page, name: string): Promise<void> {
  const file = join(DOCS, `${name}.png`);
  await page.locator('.pv-phone').screenshot({ path: file, animations: 'disabled' });
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
