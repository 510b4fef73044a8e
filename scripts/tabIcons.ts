import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../preview/chromium';

/**
 * `npx tsx scripts/tabIcons.ts`: draws the tab bar's icons (miniprogram/images/tab/*.png) from the
 * SVG below, in Chromium: 81×81 px as WeChat asks, outlined in the tab bar's grey and, for the
 * selected tab, filled in WeChat green. Commit the PNGs; this script is how to redraw them.
 */
const NORMAL = '#4c4c4c';
const SELECTED = '#07c160';
const SIZE = 81;
const MAX_BYTES = 40 * 1024;

/** Each icon on a 48×48 grid: `ink` strokes the shape, `fill` fills it (none when not selected). */
const ICONS: Record<string, (ink: string, fill: string) => string> = {
  home: (ink, fill) => `
    <path d="M6 22 L24 7 L42 22" fill="none" stroke="${ink}" stroke-width="3.6" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M11 19 V40 H37 V19" fill="${fill}" stroke="${ink}" stroke-width="3.6" stroke-linejoin="round"/>
    <rect x="20" y="27" width="8" height="13" fill="${fill === 'none' ? 'none' : '#fff'}" stroke="${ink}" stroke-width="3.2" stroke-linejoin="round"/>`,
  decisions: (ink, fill) => `
    <rect x="7" y="22" width="34" height="19" rx="3" fill="${fill}" stroke="${ink}" stroke-width="3.6" stroke-linejoin="round"/>
    <line x1="15" y1="22" x2="33" y2="22" stroke="${ink}" stroke-width="5" stroke-linecap="round"/>
    <path d="M14 22 V7 H34 V22" fill="#fff" stroke="${ink}" stroke-width="3.6" stroke-linejoin="round"/>
    <path d="M18.5 14.5 L22.5 18.5 L29.5 11" fill="none" stroke="${ink}" stroke-width="3.4" stroke-linecap="round" stroke-linejoin="round"/>`,
  money: (ink, fill) => `
    <circle cx="24" cy="24" r="17.5" fill="${fill}" stroke="${ink}" stroke-width="3.6"/>
    <path d="M17 14 L24 23 L31 14 M24 23 V35 M17.5 24.5 H30.5 M17.5 30 H30.5" fill="none" stroke="${fill === 'none' ? ink : '#fff'}" stroke-width="3.4" stroke-linecap="round" stroke-linejoin="round"/>`,
  progress: (ink, fill) => `
    <line x1="14" y1="12" x2="14" y2="36" stroke="${ink}" stroke-width="3.6"/>
    <circle cx="14" cy="9.5" r="4.5" fill="${ink}" stroke="${ink}" stroke-width="3"/>
    <circle cx="14" cy="24" r="4.5" fill="${ink}" stroke="${ink}" stroke-width="3"/>
    <circle cx="14" cy="38.5" r="4.5" fill="${fill === 'none' ? '#fff' : fill}" stroke="${ink}" stroke-width="3"/>
    <line x1="24" y1="9.5" x2="41" y2="9.5" stroke="${ink}" stroke-width="3.6" stroke-linecap="round"/>
    <line x1="24" y1="24" x2="41" y2="24" stroke="${ink}" stroke-width="3.6" stroke-linecap="round"/>
    <line x1="24" y1="38.5" x2="35" y2="38.5" stroke="${ink}" stroke-width="3.6" stroke-linecap="round"/>`,
  me: (ink, fill) => `
    <circle cx="24" cy="16" r="8.5" fill="${fill}" stroke="${ink}" stroke-width="3.6"/>
    <path d="M8 41 C8 31 15 27 24 27 C33 27 40 31 40 41 Z" fill="${fill}" stroke="${ink}" stroke-width="3.6" stroke-linejoin="round"/>`,
};

function svg(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 48 48">${body}</svg>`;
}

async function main(): Promise<void> {
  const dir = join(__dirname, '..', 'miniprogram', 'images', 'tab');
  mkdirSync(dir, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
    for (const [name, draw] of Object.entries(ICONS)) {
      const variants: [string, string, string][] = [
        [`${name}.png`, NORMAL, 'none'],
        [`${name}-selected.png`, SELECTED, SELECTED],
      ];
      for (const [file, ink, fill] of variants) {
        await page.setContent(
          `<html><body style="margin:0;background:transparent">${svg(draw(ink, fill))}</body></html>`,
        );
        const path = join(dir, file);
        await page.locator('svg').screenshot({ path, omitBackground: true });
        const bytes = statSync(path).size;
        if (bytes > MAX_BYTES) throw new Error(`${file} is ${bytes} bytes, over WeChat's 40 KB`);
        console.log(`${file} ${bytes} bytes`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
