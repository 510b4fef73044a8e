import PDFDocument from 'pdfkit';
import { noticeFont, type NoticeFont } from './font';

/**
 * A4 notices for the lobby board, drawn with pdfkit in the notice font (a Chinese TrueType subset
 * embedded per document: only the glyphs a notice uses travel in the PDF). The layout is a column
 * of blocks — headings, paragraphs, facts, tables that carry their header onto the next page, a
 * mini program code — with the building, title and page number on every page.
 *
 * A character the font lacks (a rare name character) is drawn as □ and reported in `missing`:
 * it never vanishes silently from a printed notice.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 64, bottom: 92, left: 56, right: 56 } as const;
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const FONT = 'notice';
const PLACEHOLDER = '□';
const INK = '#1f2329';
const MUTED = '#5c6370';
const RULE = '#c9ccd1';
const SHADE = '#f2f3f5';

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
  /** Characters the font could not draw (each drawn as □), in order of first use. */
  missing: string[];
}

export interface TableColumn {
  title: string;
  /** Share of the table's width. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

export interface NoticeFrame {
  /** Above the title on every page: the building. */
  header: string;
  title: string;
  /** Lines at the foot of every page (what to do when lost, the ledger head, when printed). */
  footer: readonly string[];
  /** Fixed in the file so the same notice renders to the same bytes. */
  createdAt: Date;
}

export class NoticeWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly font: NoticeFont;
  private readonly missing = new Set<string>();

  constructor(private readonly frame: NoticeFrame) {
    this.font = noticeFont();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      info: {
        Title: this.clean(frame.title),
        Author: this.clean(frame.header),
        Creator: 'TongTi 同梯',
        CreationDate: frame.createdAt,
      },
    });
    this.doc.registerFont(FONT, this.font.bytes);
    this.doc.font(FONT).fillColor(INK);
    this.doc.on('pageAdded', () => this.doc.font(FONT).fillColor(INK));
  }

  /** Text with every character the font lacks replaced by □ (and remembered). */
  clean(text: string): string {
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (ch === '\n' || ch === '\t' || this.font.covers(cp)) out += ch;
      else {
        this.missing.add(ch);
        out += PLACEHOLDER;
      }
    }
    return out;
  }

  private get y(): number {
    return this.doc.y;
  }

  private room(): number {
    return A4.height - MARGIN.bottom - this.y;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.room() < height) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  title(text: string, subtitle?: string): this {
    this.doc.fontSize(22).text(this.clean(text), MARGIN.left, this.y, {
      width: CONTENT_WIDTH,
      align: 'center',
    });
    if (subtitle) {
      this.doc.moveDown(0.2);
      this.doc
        .fontSize(12)
        .fillColor(MUTED)
        .text(this.clean(subtitle), { width: CONTENT_WIDTH, align: 'center' })
        .fillColor(INK);
    }
    this.doc.moveDown(0.8);
    return this;
  }

  heading(text: string): this {
    this.ensure(60);
    this.doc.moveDown(0.4);
    this.doc.fontSize(15).text(this.clean(text), MARGIN.left, this.y, { width: CONTENT_WIDTH });
    this.doc.moveDown(0.3);
    return this;
  }

  paragraph(text: string, options: { size?: number; muted?: boolean } = {}): this {
    const size = options.size ?? 11.5;
    this.ensure(size * 2);
    this.doc
      .fontSize(size)
      .fillColor(options.muted ? MUTED : INK)
      .text(this.clean(text), MARGIN.left, this.y, {
        width: CONTENT_WIDTH,
        lineGap: size * 0.35,
        paragraphGap: size * 0.4,
      })
      .fillColor(INK);
    return this;
  }

  /** Label–value lines, the labels in a fixed column. */
  facts(rows: readonly (readonly [string, string])[], labelWidth = 110): this {
    for (const [label, value] of rows) {
      const valueText = this.clean(value);
      this.doc.fontSize(12);
      const height = Math.max(
        this.doc.heightOfString(valueText, { width: CONTENT_WIDTH - labelWidth, lineGap: 4 }),
        16,
      );
      this.ensure(height + 6);
      const top = this.y;
      this.doc
        .fillColor(MUTED)
        .text(this.clean(label), MARGIN.left, top, { width: labelWidth - 8 })
        .fillColor(INK)
        .text(valueText, MARGIN.left + labelWidth, top, {
          width: CONTENT_WIDTH - labelWidth,
          lineGap: 4,
        });
      this.doc.y = top + height + 6;
    }
    this.doc.x = MARGIN.left;
    this.doc.moveDown(0.4);
    return this;
  }

  /** A ruled table; on a new page its header is drawn again. */
  table(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    options: { size?: number; x?: number; width?: number } = {},
  ): this {
    const size = options.size ?? 11;
    const left = options.x ?? MARGIN.left;
    const width = options.width ?? CONTENT_WIDTH;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (width * c.weight) / total);
    const pad = 4;
    const rowHeight = (cells: readonly string[]): number =>
      Math.max(
        ...cells.map((cell, i) =>
          this.doc.fontSize(size).heightOfString(cell, { width: (widths[i] ?? 0) - 2 * pad }),
        ),
      ) +
      2 * pad;
    const drawRow = (cells: readonly string[], shade: boolean, bold: boolean): void => {
      const height = rowHeight(cells);
      const top = this.y;
      if (shade) this.doc.rect(left, top, width, height).fill(SHADE).fillColor(INK);
      let x = left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        this.doc
          .fontSize(size)
          .fillColor(bold ? MUTED : INK)
          .text(cell, x + pad, top + pad, {
            width: w - 2 * pad,
            align: columns[i]?.align ?? 'left',
          });
        x += w;
      });
      this.doc
        .moveTo(left, top + height)
        .lineTo(left + width, top + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.doc.fillColor(INK);
      this.doc.y = top + height;
    };
    const header = columns.map((c) => this.clean(c.title));
    const body = rows.map((r) => r.map((cell) => this.clean(cell)));
    this.ensure(rowHeight(header) + (body[0] ? rowHeight(body[0]) : 0));
    drawRow(header, true, true);
    body.forEach((cells, index) => {
      if (this.room() < rowHeight(cells)) {
        this.doc.addPage();
        drawRow(header, true, true);
      }
      drawRow(cells, index % 2 === 1, false);
    });
    this.doc.x = MARGIN.left;
    this.doc.moveDown(0.8);
    return this;
  }

  /** The mini program code with what scanning it does, side by side; a note when there is none. */
  code(png: Buffer | null, caption: string, size = 100): this {
    this.ensure(size + 16);
    const top = this.y;
    const text = this.clean(caption);
    if (png) {
      this.doc.image(png, MARGIN.left, top, { width: size, height: size });
      this.doc.fontSize(12).text(text, MARGIN.left + size + 16, top + 4, {
        width: CONTENT_WIDTH - size - 16,
        lineGap: 3,
      });
      this.doc.y = Math.max(this.y, top + size) + 10;
    } else {
      this.paragraph(text);
    }
    this.doc.x = MARGIN.left;
    return this;
  }

  /** Draws the frame on every page, ends the document and returns its bytes. */
  finish(): Promise<RenderedPdf> {
    const pages = this.frame_();
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('error', reject);
      this.doc.on('end', () =>
        resolve({ pdf: Buffer.concat(chunks), pages, missing: [...this.missing] }),
      );
      this.doc.end();
    });
  }

  /**
   * The same, without waiting: pdfkit pushes its output into its stream buffer as it writes, so
   * after end() a document without pictures (whose PNG decoding is asynchronous) is all there to
   * read. The demo seed draws its documents this way, synchronously.
   */
  finishSync(): RenderedPdf {
    const pages = this.frame_();
    this.doc.end();
    const chunks: Buffer[] = [];
    for (let chunk: unknown = this.doc.read(); chunk !== null; chunk = this.doc.read()) {
      if (Buffer.isBuffer(chunk)) chunks.push(chunk);
    }
    const pdf = Buffer.concat(chunks);
    if (!pdf.subarray(-16).toString('latin1').includes('%%EOF')) {
      throw new Error('finishSync: the document is not complete (pictures need finish())');
    }
    return { pdf, pages, missing: [...this.missing] };
  }

  /** Header, footer and page number on every page; returns the number of pages. */
  private frame_(): number {
    const range = this.doc.bufferedPageRange();
    const header = this.clean(this.frame.header);
    const title = this.clean(this.frame.title);
    const footer = this.frame.footer.map((line) => this.clean(line));
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      // Writing inside the margins would make pdfkit start a page; lift them while framing.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      this.doc
        .fontSize(9)
        .fillColor(MUTED)
        .text(`${header} · ${title}`, MARGIN.left, 32, { width: CONTENT_WIDTH, align: 'left' })
        .moveTo(MARGIN.left, 48)
        .lineTo(A4.width - MARGIN.right, 48)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      let y = A4.height - MARGIN.bottom + 16;
      for (const line of footer) {
        this.doc.fontSize(9).text(line, MARGIN.left, y, { width: CONTENT_WIDTH });
        y = this.doc.y + 2;
      }
      this.doc
        .fontSize(9)
        .text(`第 ${i + 1} 页，共 ${range.count} 页`, MARGIN.left, A4.height - 28, {
          width: CONTENT_WIDTH,
          align: 'right',
        });
      this.doc.page.margins = margins;
    }
    return range.count;
  }
}

export const PAGE = { width: A4.width, contentWidth: CONTENT_WIDTH, left: MARGIN.left } as const;
