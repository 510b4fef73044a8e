import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Chinese font printed notices embed: a subset of WenQuanYi Micro Hei made by
 * scripts/subsetFont.ts (assets/fonts/notice-cjk.ttf). A built function finds it next to its
 * index.js (scripts/buildFunctions.ts copies it there); the sources (the seed, tests) find it under
 * assets/fonts from wherever they run.
 */
export const NOTICE_FONT_FILE = 'notice-cjk.ttf';

export interface NoticeFont {
  bytes: Buffer;
  /** Whether the font draws this code point (from its cmap): what it lacks must not vanish. */
  covers(codePoint: number): boolean;
}

let loaded: NoticeFont | null = null;

export function noticeFont(): NoticeFont {
  if (loaded) return loaded;
  const bytes = readFileSync(noticeFontPath(__dirname));
  const points = cmapCodePoints(bytes);
  loaded = { bytes, covers: (cp) => points.has(cp) };
  return loaded;
}

/** Beside the code in `dir` (a deployed function), else under assets/fonts above it (sources). */
export function noticeFontPath(from: string): string {
  const beside = join(from, NOTICE_FONT_FILE);
  if (existsSync(beside)) return beside;
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'assets', 'fonts', NOTICE_FONT_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`${NOTICE_FONT_FILE} not found next to the function or under assets/fonts`);
}

/**
 * The code points a TrueType font maps to a glyph, read from its Unicode cmap subtable
 * (format 4 for the BMP, format 12 when present). Glyph 0 (.notdef) does not count.
 */
export function cmapCodePoints(font: Buffer): Set<number> {
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    if (font.toString('latin1', at, at + 4) === 'cmap') cmap = font.readUInt32BE(at + 8);
  }
  if (cmap < 0) throw new Error('the font has no cmap table');
  const subtables = font.readUInt16BE(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < subtables; i++) {
    const at = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(at);
    const encoding = font.readUInt16BE(at + 2);
    const offset = cmap + font.readUInt32BE(at + 4);
    const format = font.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 4) format4 = offset;
    if (format === 12) format12 = offset;
  }
  const points = new Set<number>();
  if (format12 >= 0) {
    const groups = font.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + 12 * g;
      const start = font.readUInt32BE(at);
      const end = font.readUInt32BE(at + 4);
      const glyph = font.readUInt32BE(at + 8);
      for (let cp = start; cp <= end; cp++) if (glyph + (cp - start) !== 0) points.add(cp);
    }
    return points;
  }
  if (format4 < 0) throw new Error('the font has no Unicode cmap');
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(ends + 2 * s);
    const start = font.readUInt16BE(starts + 2 * s);
    const delta = font.readInt16BE(deltas + 2 * s);
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const at = rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start);
        const raw = font.readUInt16BE(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(cp);
    }
  }
  return points;
}
