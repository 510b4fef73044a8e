import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import subsetFont from 'subset-font';

/**
 * Builds assets/fonts/notice-cjk.ttf, the Chinese font the `notices` cloud function embeds in its
 * PDFs: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei) cut down to what a lobby notice writes —
 * ASCII, CJK and full-width punctuation, every GB2312 character (6,763 hanzi and its symbols) and
 * every character our own templates and demo seed use. The whole font is 5 MB (49,531 glyphs); a
 * cloud function should not ship that, and a PDF library only copies the glyphs a page uses.
 *
 * Run by hand when the character set changes (`npx tsx scripts/subsetFont.ts`); the result is
 * committed, so neither CI nor the cloud needs the system font.
 */

const SOURCE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const ROOT = join(__dirname, '..');
const OUT_DIR = join(ROOT, 'assets', 'fonts');
export const NOTICE_FONT_FILE = 'notice-cjk.ttf';

/** Folders whose sources hold text that ends up on a printed notice or a seed document. */
const TEMPLATE_SOURCES = ['server/notices', 'cli/seed', 'core'];

/** The face at `index` of a TrueType collection, as a standalone .ttf (tables copied, offsets moved). */
export function faceOfCollection(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const faceOffset = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(faceOffset + 4);
  const headerLength = 12 + 16 * numTables;
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = faceOffset + 12 + 16 * i;
    return {
      tag: ttc.subarray(at, at + 4),
      checksum: ttc.readUInt32BE(at + 4),
      offset: ttc.readUInt32BE(at + 8),
      length: ttc.readUInt32BE(at + 12),
    };
  });
  const padded = (n: number): number => (n + 3) & ~3;
  const size = headerLength + tables.reduce((sum, t) => sum + padded(t.length), 0);
  const out = Buffer.alloc(size);
  ttc.copy(out, 0, faceOffset, faceOffset + 12);
  let cursor = headerLength;
  tables.forEach((table, i) => {
    const at = 12 + 16 * i;
    table.tag.copy(out, at);
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(cursor, at + 8);
    out.writeUInt32BE(table.length, at + 12);
    ttc.copy(out, cursor, table.offset, table.offset + table.length);
    cursor += padded(table.length);
  });
  return out;
}

/**
 * Every character GB2312 encodes: its symbol rows A1–A9 and hanzi rows B0–F7 of EUC-CN, decoded
 * through Node's GBK decoder (GBK's private-use fillers of empty cells left out; a few GBK
 * additions in the symbol rows come along, which does no harm).
 */
export function gb2312Characters(): string {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const chars: string[] = [];
  const rows = [...range(0xa1, 0xa9), ...range(0xb0, 0xf7)];
  for (const hi of rows) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      try {
        const ch = decoder.decode(Uint8Array.of(hi.codePointAt(0) ?? 0, lo));
        const cp = ch.codePointAt(0) ?? 0;
        if (ch.length > 0 && ch !== '\ufffd' && !(cp >= 0xe000 && cp <= 0xf8ff)) chars.push(ch);
      } catch {
        // Unassigned cells of the grid.
      }
    }
  }
  return chars.join('');
}

function range(from: number, to: number): string {
  return String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

function templateCharacters(): string {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        for (const ch of readFileSync(path, 'utf8')) if (ch.codePointAt(0)! > 0x7e) found.add(ch);
      }
    }
  };
  for (const dir of TEMPLATE_SOURCES) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  return [...found].join('');
}

export function noticeCharacterSet(): string {
  const parts = [
    range(0x20, 0x7e), // ASCII
    range(0xa0, 0xff), // Latin-1: ¥ × ÷ ° ·
    range(0x2010, 0x2027), // dashes, quotes, ellipsis, bullet
    '‰′″※€℃№™Ⅰ↑→↓←√∞∶≈≠≤≥①②③④⑤⑥⑦⑧⑨⑩○●◎□■△▲☆★✓✔✗✕›‹〓',
    range(0x3000, 0x303f), // CJK punctuation
    range(0xff01, 0xff5e), // full-width forms
    '㎡',
    gb2312Characters(),
    templateCharacters(),
  ];
  return [...new Set(parts.join(''))].join('');
}

async function main(): Promise<void> {
  const face = faceOfCollection(readFileSync(SOURCE), 0);
  const text = noticeCharacterSet();
  const subset = await subsetFont(face, text, { targetFormat: 'truetype', noHinting: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, NOTICE_FONT_FILE);
  writeFileSync(file, subset);
  console.log(
    `${relative(ROOT, file)}: ${[...text].length} characters, ${statSync(file).size} bytes ` +
      `(from ${statSync(SOURCE).size} bytes)`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
