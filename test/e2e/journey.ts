import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { buildPreview } from '../../preview/build';
import { launchChromium, PREVIEW_VIEWPORT } from '../../preview/chromium';
import { previewRoutes } from '../../preview/routes';
import { type DemoIdentity } from '../../cli/seed/demo';
import { demoBuilding } from '../../cli/seed';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';

/**
 * A person's journey through the real mini program: the preview built from miniprogram/ as it
 * ships, served by a local cloud of its own (port 0, fresh data folder, the demo building) that
 * runs our built functions, in Debian's Chromium. Screenshots land in artifacts/e2e/.
 */
export interface Journey {
  cloud: TestCloud;
  identities: DemoIdentity[];
  /** Opens the preview at a deep link as the given person (an openid of the demo building). */
  open(hash: string, openid: string): Promise<JourneyPage>;
  close(): Promise<void>;
}

export interface JourneyPage {
  page: Page;
  /** The visible page of the mini program at this route. */
  frame(route: string): Locator;
  /** Uncaught errors in the page so far. */
  errors: string[];
  shot(name: string): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'artifacts', 'e2e');

export async function startJourney(name: string): Promise<Journey> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-journey-'));
  await buildPreview({ miniprogramDir: path.join(ROOT, 'miniprogram'), outDir });
  const seed = demoBuilding(Date.now());
  const cloud = await startTestCloud({
    seed: seed.collections,
    seedFiles: seed.files,
    identities: seed.identities,
    routes: previewRoutes({ outDir }),
  });
  const browser: Browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  let step = 0;
  return {
    cloud,
    identities: seed.identities,
    async open(hash, openid) {
      const context = await browser.newContext({ viewport: PREVIEW_VIEWPORT });
      contexts.push(context);
      // The preview remembers the chosen identity; choosing it before the first load is what
      // the switcher above the phone does.
      await context.addInitScript({
        content: `localStorage.setItem('tongti-preview:openid', ${JSON.stringify(openid)})`,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${cloud.cloud.url}/preview/${hash}`);
      await page.waitForSelector('html[data-pv-ready]');
      return {
        page,
        errors,
        frame: (route) => page.locator(`.pv-frame[data-path="${route}"]`),
        async shot(label) {
          step += 1;
          const file = `${name}-${String(step).padStart(2, '0')}-${label}.png`;
          await page.screenshot({ path: path.join(SHOTS, file), animations: 'disabled' });
        },
      };
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      await cloud.stop();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}
