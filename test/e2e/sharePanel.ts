import type { JourneyPage } from './journey';

/**
 * The preview's share panel and the picture in it, for the journeys that share a card: what the
 * chat would show (capsule menu → 转发给朋友), and the PNG read back pixel by pixel.
 */

/** pngjs has no typings; this is the part the tests use. */
export interface Png {
  width: number;
  height: number;
  data: Buffer;
}
const { PNG } = jest.requireActual<{ PNG: { sync: { read(buffer: Buffer): Png } } }>('pngjs');

/** The share panel for the current page (capsule menu → 转发给朋友). */
export async function sharePanel(p: JourneyPage): Promise<{ image: string; path: string }> {
  await p.page.locator('.pv-capsule__menu').click();
  await p.page.locator('.pv-actions').getByText('转发给朋友', { exact: true }).click();
  const path = p.page.locator('.pv-share__path');
  await path.waitFor();
  const img = p.page.locator('.pv-share__image img');
  await img.waitFor();
  return { image: (await img.getAttribute('src')) ?? '', path: await path.innerText() };
}

export function decodePng(dataUrl: string): Png {
  expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  return PNG.sync.read(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
}

/** Share of pixels that are not (near) white, and whether the brand green is there. */
export function inkOf(png: Png): { ink: number; green: boolean; colours: number } {
  let ink = 0;
  let green = false;
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const [r = 0, g = 0, b = 0] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (r < 235 || g < 235 || b < 235) ink += 1;
    if (r < 40 && g > 170 && g < 215 && b > 70 && b < 120) green = true;
    colours.add((r << 16) | (g << 8) | b);
  }
  return { ink: ink / (png.width * png.height), green, colours: colours.size };
}
