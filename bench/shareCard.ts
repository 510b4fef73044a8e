import { build } from 'esbuild';
import path from 'node:path';
import { chromiumAvailable, launchChromium } from '../preview/chromium';
import { type Row } from './table';

/**
 * The share card's drawing time, measured where it runs: the real drawing module bundled for the
 * browser, drawing on a real canvas 2d at 2× (1000 × 800 px) in Chromium, then exported as PNG
 * (what wx.canvasToTempFilePath does). Reports medians over many rounds, and the PNG's size.
 */
const ROOT = path.resolve(__dirname, '..');
const ROUNDS = 30;

export async function benchShareCard(): Promise<Row[]> {
  if (!chromiumAvailable()) return [{ measure: 'share card', value: 'skipped: no Chromium' }];
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'miniprogram', 'utils', 'shareCard.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'ShareCard',
    platform: 'browser',
  });
  const source = bundle.outputFiles[0]?.text ?? '';
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<canvas id="c" width="1000" height="800"></canvas>');
    await page.addScriptTag({ content: source });
    const result = (await page.evaluate(`(async () => {
      const { drawShareCard, turnoutCard } = ShareCard;
      const canvas = document.getElementById('c');
      const ctx = canvas.getContext('2d');
      const card = turnoutCard({ building: '慈爱鑫和公寓', title: '电梯更换方案表决', stage: '投票中',
        voted: 97, total: 134, date: '2026年12月13日 12:23' });
      const draw = [], exp = [];
      let bytes = 0;
      for (let i = 0; i < ${ROUNDS}; i += 1) {
        const t0 = performance.now();
        drawShareCard(ctx, card, 2);
        ctx.getImageData(0, 0, 1, 1); // waits for the drawing to land
        const t1 = performance.now();
        const url = canvas.toDataURL('image/png');
        const t2 = performance.now();
        draw.push(t1 - t0); exp.push(t2 - t1);
        bytes = Math.floor((url.length - 'data:image/png;base64,'.length) * 3 / 4);
      }
      const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
      return { draw: med(draw), exp: med(exp), first: draw[0], bytes };
    })()`)) as { draw: number; exp: number; first: number; bytes: number };
    const ms = (n: number): string => `${n.toFixed(2)} ms`;
    return [
      { measure: 'draw the card (1000×800, median)', value: ms(result.draw) },
      { measure: 'draw the card, first time (fonts cold)', value: ms(result.first) },
      { measure: 'export as PNG (canvasToTempFilePath, median)', value: ms(result.exp) },
      { measure: 'PNG size', value: `${(result.bytes / 1024).toFixed(1)} KB` },
    ];
  } finally {
    await browser.close();
  }
}
