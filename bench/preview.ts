import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import type { Page } from 'playwright-core';

import { buildPreview } from '../preview/build';
import { chromiumAvailable, launchChromium, PREVIEW_VIEWPORT } from '../preview/chromium';
import { DEMO_SUMMARY, startPreviewServer } from '../test/helpers/previewServer';

/**
 * The browser preview of the real mini program: bundle sizes, build time (cold and warm), time
 * to first render of the home page, and click-to-DOM latency for a tab switch and a switch
 * toggle, in headless Chromium against a fake `households` function.
 */

const ROOT = path.resolve(__dirname, '..');
const ROUNDS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const v = s.length % 2 ? s[mid] : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return Math.round((v ?? 0) * 10) / 10;
}

/**
 * Times, inside the page, from a click to the first DOM mutation after which `done` matches.
 * In-page code is passed as source: the Node side compiles without DOM types.
 */
async function clickLatency(page: Page, selector: string, done: string): Promise<number> {
  const waiting = page.evaluate(`new Promise((resolve) => {
    let start = 0;
    document.querySelector(${JSON.stringify(selector)})
      ?.addEventListener('click', () => (start = performance.now()), { capture: true, once: true });
    const obs = new MutationObserver(() => {
      if (start && document.querySelector(${JSON.stringify(done)})) {
        obs.disconnect();
        resolve(performance.now() - start);
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  })`) as Promise<number>;
  await page.locator(selector).click();
  return waiting;
}

/** Navigation start → the building's name (from the fake cloud function) is in the DOM. */
function firstRenderProbe(name: string): string {
  return `new MutationObserver((_m, obs) => {
    if (document.body && document.body.textContent.includes(${JSON.stringify(name)})) {
      window.__benchFirstRender = performance.now();
      obs.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });`;
}

export async function benchPreview(): Promise<Record<string, number | string>> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-bench-preview-'));
  const miniprogramDir = path.join(ROOT, 'miniprogram');
  const out: Record<string, number | string> = {};
  try {
    const cold = await buildPreview({ miniprogramDir, outDir });
    const warm = await buildPreview({ miniprogramDir, outDir });
    const runtime = fs.readFileSync(path.join(outDir, 'runtime.js'));
    const service = fs.readFileSync(path.join(outDir, 'service.js'));
    const wxml = fs.readFileSync(path.join(outDir, 'wxml.js'));
    Object.assign(out, {
      'preview.build.cold_ms': cold.ms,
      'preview.build.warm_ms': warm.ms,
      'preview.output.files': warm.files,
      'preview.output.bytes': warm.bytes,
      'preview.runtime.bytes': runtime.length,
      'preview.runtime.gzip_bytes': zlib.gzipSync(runtime).length,
      'preview.service.bytes': service.length,
      'preview.wxml.bytes': wxml.length,
    });
    if (!chromiumAvailable()) {
      out['preview.browser'] = 'chromium not installed: browser timings skipped';
      return out;
    }
    const server = await startPreviewServer({ outDir });
    const browser = await launchChromium();
    try {
      out['preview.browser'] = `chromium ${browser.version()}`;
      const firstRender: number[] = [];
      const tabSwitch: number[] = [];
      const toggle: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const context = await browser.newContext({ viewport: PREVIEW_VIEWPORT });
        const page = await context.newPage();
        await page.addInitScript({ content: firstRenderProbe(DEMO_SUMMARY.name) });
        await page.goto(`${server.url}/preview/#/pages/home/index`);
        await page.getByText(DEMO_SUMMARY.name, { exact: true }).waitFor();
        firstRender.push(Number(await page.evaluate('window.__benchFirstRender')));
        tabSwitch.push(
          await clickLatency(
            page,
            '.pv-tab:nth-child(5)',
            '.pv-frame[data-path="pages/me/index"] wx-switch',
          ),
        );
        const sw = '.pv-frame[data-path="pages/me/index"] wx-switch';
        toggle.push(await clickLatency(page, sw, `${sw}[checked]`));
        await context.close();
      }
      Object.assign(out, {
        'preview.first_render_ms.median': median(firstRender),
        'preview.click_to_dom_ms.tab_switch.median': median(tabSwitch),
        'preview.click_to_dom_ms.switch_toggle.median': median(toggle),
        'preview.rounds': ROUNDS,
      });
    } finally {
      await browser.close();
      await server.close();
    }
    return out;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchPreview().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
