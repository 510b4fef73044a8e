import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import QRCode from 'qrcode';
import { join } from 'node:path';
import { INSTALLED_BY_THE_CLOUD } from '../../scripts/buildFunctions';
import { gb2312Characters } from '../../scripts/subsetFont';
import { cmapCodePoints, noticeFont, noticeFontPath } from '../../server/notices/font';
import { compareUnitNo, spread } from '../../server/notices/layouts';
import { NoticeWriter } from '../../server/notices/pdf';
import { readPdf } from '../helpers/pdfText';

/**
 * The notice renderer on its own: the committed font subset covers what notices write, Chinese
 * comes out of the PDF as text (ToUnicode), long tables go on over pages with their header, and a
 * character the font lacks is drawn as □ and reported, never dropped.
 */

const FONT = join(__dirname, '..', '..', 'assets', 'fonts', 'notice-cjk.ttf');

function writer(title = '测试公告'): NoticeWriter {
  return new NoticeWriter({
    header: '慈爱鑫和公寓',
    title,
    footer: ['页脚：名单遗失请联系换梯小组'],
    createdAt: new Date('2026-12-07T04:00:00Z'),
  });
}

describe('the notice font', () => {
  it('is a subset small enough for a cloud function that draws every GB2312 character', () => {
    expect(statSync(FONT).size).toBeLessThan(1_600_000);
    const font = noticeFont();
    const gb2312 = [...gb2312Characters()];
    const lacking = gb2312.filter((ch) => !font.covers(ch.codePointAt(0) ?? 0));
    // GB2312's 6,763 hanzi (and its symbols): the font draws all of them, ASCII, ㎡ and ¥ too.
    expect(gb2312.filter((ch) => /[\u4e00-\u9fff]/.test(ch)).length).toBe(6763);
    // WenQuanYi Micro Hei itself has no glyph for the two IPA letters of GB2312's pinyin row.
    expect(lacking).toEqual(['ɑ', 'ɡ']);
    for (const ch of 'A z 0 ¥ ㎡ ① 鑫 、 “ ” （ ）'.split(' ')) {
      expect(font.covers(ch.codePointAt(0) ?? 0)).toBe(true);
    }
  });

  it('reads the cmap: glyphs a subset dropped count as missing', () => {
    const points = cmapCodePoints(noticeFont().bytes);
    expect(points.has('喆'.codePointAt(0) ?? 0)).toBe(false);
    expect(points.has('电'.codePointAt(0) ?? 0)).toBe(true);
  });
});

describe('the built notices function', () => {
  const dir = join(__dirname, '..', '..', 'cloudfunctions', 'notices');

  it('carries the font beside index.js and has the cloud install pdfkit', () => {
    // npm run build (run before the tests) copies the font; the function reads it from __dirname.
    expect(readFileSync(join(dir, 'notice-cjk.ttf')).equals(readFileSync(FONT))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const root = JSON.parse(readFileSync(join(dir, '..', '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies.pdfkit).toBe(root.dependencies.pdfkit);
    expect(INSTALLED_BY_THE_CLOUD).toContain('pdfkit');
    const bundle = readFileSync(join(dir, 'index.js'), 'utf8');
    expect(bundle).toContain('require("pdfkit")');
    expect(statSync(join(dir, 'index.js')).size).toBeLessThan(300 * 1024);
    // Deployed alone (no repository around it), the function reads the font beside itself.
    const alone = mkdtempSync(join(tmpdir(), 'notices-fn-'));
    expect(() => noticeFontPath(alone)).toThrow(/not found/);
    copyFileSync(join(dir, 'notice-cjk.ttf'), join(alone, 'notice-cjk.ttf'));
    expect(noticeFontPath(alone)).toBe(join(alone, 'notice-cjk.ttf'));
    rmSync(alone, { recursive: true });
    // Functions that draw no notice ship no font.
    expect(existsSync(join(dir, '..', 'decisions', 'notice-cjk.ttf'))).toBe(false);
  });
});

describe('NoticeWriter', () => {
  it('writes Chinese that a PDF reader extracts as text, with the frame on every page', async () => {
    const w = writer('电梯更换方案表决 表决公告');
    w.title('电梯更换方案表决', '表决公告');
    w.facts([['表决事项', '改建、重建建筑物及其附属设施']]);
    w.paragraph(
      '两部电梯已无法通过维修恢复安全运行，须整体更换。费用 ¥980,000.00，面积 9,380.57 m²。',
    );
    const out = await w.finish();
    expect(out.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(out.pages).toBe(1);
    expect(out.missing).toEqual([]);
    // The font travels as a subset of the glyphs used: far below the 1.3 MB file.
    expect(out.pdf.length).toBeLessThan(60_000);
    const read = await readPdf(out.pdf);
    expect(read.pages).toBe(1);
    expect(read.compact).toContain('两部电梯已无法通过维修恢复安全运行，须整体更换。');
    expect(read.compact).toContain('¥980,000.00');
    expect(read.compact).toContain('改建、重建建筑物及其附属设施');
    expect(read.compact).toContain('页脚：名单遗失请联系换梯小组');
    expect(read.compact).toContain('第1页，共1页');
  });

  it('carries a long table over pages, its header again on each', async () => {
    const w = writer();
    const rows = Array.from({ length: 150 }, (_, i) => [
      `${Math.floor(i / 6) + 2}-0${(i % 6) + 1}`,
      `码${i}`,
    ]);
    w.table(
      [
        { title: '房号甲', weight: 1 },
        { title: '邀请码乙', weight: 1 },
      ],
      rows,
    );
    const out = await w.finish();
    const read = await readPdf(out.pdf);
    expect(out.pages).toBeGreaterThanOrEqual(3);
    expect(read.pages).toBe(out.pages);
    for (const [i, page] of read.pageTexts.entries()) {
      expect(page.replace(/\s+/g, '')).toContain('房号甲邀请码乙');
      expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页，共${out.pages}页`);
    }
    expect(read.compact).toContain('码0');
    expect(read.compact).toContain('码149');
  });

  it('draws a character the font lacks as □ and reports it', async () => {
    const w = writer('业主王喆的来信');
    w.paragraph('王喆、李堃：请到居委会领取表决票。');
    const out = await w.finish();
    expect(out.missing).toEqual(['喆', '堃']);
    const read = await readPdf(out.pdf);
    expect(read.compact).toContain('王□、李□：请到居委会领取表决票。');
  });

  it('renders synchronously when there is no picture', () => {
    const w = writer();
    w.paragraph('同步');
    const out = w.finishSync();
    expect(out.pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('refuses to finish synchronously a notice with a picture (its PNG decodes later)', async () => {
    const png = await QRCode.toBuffer('wxacode://pages/bind/index?scene=bind', { type: 'png' });
    const sync = writer();
    sync.code(png, '扫码绑定');
    expect(() => sync.finishSync()).toThrow(/not complete/);
    const later = writer();
    later.code(png, '扫码绑定');
    const out = await later.finish();
    expect((await readPdf(out.pdf)).compact).toContain('扫码绑定');
    expect(out.pdf.toString('latin1')).toContain('/Subtype /Image');
  });
});

describe('layout helpers', () => {
  it('lays rows side by side in reading order and sorts room numbers as numbers', () => {
    expect(spread([['a'], ['b'], ['c'], ['d']], 3)).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
    expect(['10-01', '2-02', '2-01', '9-06'].sort(compareUnitNo)).toEqual([
      '2-01',
      '2-02',
      '9-06',
      '10-01',
    ]);
  });
});
