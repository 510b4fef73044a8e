import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { buildPreview } from '../../preview/build';
import { computedStyle, launchChromium, PREVIEW_VIEWPORT } from '../../preview/chromium';
import { startPreviewServer, type PreviewServer } from '../helpers/previewServer';

/**
 * Page styles in the preview apply to their own page, as in WeChat: pages there render on their
 * own, here they share one document, and a page lower in the stack must not restyle the page
 * above it (decision-detail's `.receipt` card once framed every receipt on decision-published).
 */
jest.setTimeout(60_000);

const APP = path.join(__dirname, 'fixtures', 'styles-app');

let outDir: string;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-preview-styles-'));
  await buildPreview({ miniprogramDir: APP, outDir });
  server = await startPreviewServer({ outDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

const style = (l: Locator, prop: string): Promise<string> => computedStyle(l, prop);

test('a page’s WXSS styles that page only, over the app’s, whatever lies below it', async () => {
  const context = await browser.newContext({ viewport: PREVIEW_VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${server.url}/preview/#/pages/list/index`);
  await page.waitForSelector('html[data-pv-ready]');
  const list = page.locator('.pv-frame[data-path="pages/list/index"]');
  await list.locator('.receipt').waitFor();
  expect(await style(list.locator('.receipt'), 'border-top-width')).toBe('4px');
  expect(await style(list.locator('.badge'), 'color')).toBe('rgb(255, 0, 0)');
  expect(await style(list.locator('.badge'), 'padding-top')).toBe('3px');

  await list.locator('.open').click();
  const item = page.locator('.pv-frame[data-path="pages/item/index"]');
  await item.locator('.receipt').waitFor();
  // The list page is still there below, styles and all; none of them reach this page.
  expect(await page.locator('.pv-frame').count()).toBe(2);
  expect(await style(item.locator('.receipt'), 'border-top-width')).toBe('0px');
  expect(await style(item.locator('.receipt'), 'font-size')).not.toBe('30px');
  expect(await style(item.locator('.receipt'), 'font-family')).toBe('monospace');
  // The app's rule still reaches it.
  expect(await style(item.locator('.badge'), 'color')).toBe('rgb(0, 128, 0)');

  await page.locator('.pv-nav__back').click();
  await item.waitFor({ state: 'detached' });
  expect(await style(list.locator('.receipt'), 'border-top-width')).toBe('4px');
  await context.close();
});
