import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface PdfReading {
  pages: number;
  /** The text of each page as PDF.js extracts it (through the fonts' ToUnicode maps). */
  pageTexts: string[];
  /** All pages, whitespace removed: Chinese lines break anywhere, so compare without it. */
  compact: string;
}

/**
 * PDF.js (through unpdf) is an ES module that loads its core with a dynamic import, which jest's
 * CommonJS sandbox refuses: it reads the PDF in a child Node process instead.
 */
const READER = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { totalPages, text } = await extractText(pdf, { mergePages: false });
process.stdout.write(JSON.stringify({ pages: totalPages, pageTexts: text }));
`;

/** Reads a PDF the way a viewer does (Mozilla's PDF.js): pages and the text on them. */
export function readPdf(bytes: Buffer): Promise<PdfReading> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', READER],
      { cwd: join(__dirname, '..', '..'), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`reading the PDF failed: ${stderr || error.message}`));
          return;
        }
        const read = JSON.parse(stdout) as { pages: number; pageTexts: string[] };
        resolve({ ...read, compact: read.pageTexts.join('').replace(/\s+/g, '') });
      },
    );
    child.stdin?.end(bytes);
  });
}

/** PNG, JPEG or PDF, by their first bytes: what a document link may open. */
export function fileKind(bytes: Buffer): 'pdf' | 'png' | 'jpeg' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'png';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}
