/**
 * The tab bar has an icon for every tab, normal and selected, as WeChat takes them: PNG files in
 * the package, 81×81 px, at most 40 KB each (scripts/tabIcons.ts draws them).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../miniprogram');
const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as {
  tabBar: { list: Array<{ text: string; iconPath?: string; selectedIconPath?: string }> };
};
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(file: string): { width: number; height: number; bytes: number } {
  const data = fs.readFileSync(file);
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  // The IHDR chunk comes first: width and height, big-endian, at bytes 16 and 20.
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bytes: data.length };
}

it.each(app.tabBar.list.map((t) => [t.text, t] as const))('the %s tab has both icons', (_, tab) => {
  const icons = [tab.iconPath, tab.selectedIconPath];
  expect(icons.every((i) => typeof i === 'string' && i.endsWith('.png'))).toBe(true);
  for (const icon of icons) {
    expect(pngSize(path.join(ROOT, icon ?? ''))).toEqual({
      width: 81,
      height: 81,
      bytes: expect.any(Number) as number,
    });
    expect(fs.statSync(path.join(ROOT, icon ?? '')).size).toBeLessThanOrEqual(40 * 1024);
  }
  expect(tab.iconPath).not.toBe(tab.selectedIconPath);
});
