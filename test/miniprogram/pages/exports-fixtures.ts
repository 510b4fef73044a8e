import type { ExportFileView } from '../../../typings/api';
import { flush, resetWx, type Rendered } from '../harness';

/**
 * What "导出 Excel" reaches past the exports function: wx.downloadFile (recorded, answering 200
 * with the file at the path asked for) and wx.openDocument (recorded). Each page with the button
 * has its own test file: the shared component loads once per file.
 */

export interface Downloaded {
  url: string;
  filePath: string;
}

export const exportsSeen = {
  downloads: [] as Downloaded[],
  opened: [] as Array<Record<string, unknown>>,
};

const original = { downloadFile: wx.downloadFile, openDocument: wx.openDocument };

export function stubDocuments(): void {
  beforeEach(() => {
    resetWx();
    exportsSeen.downloads = [];
    exportsSeen.opened = [];
    Object.assign(wx, {
      downloadFile: jest.fn(
        (o: {
          url: string;
          filePath: string;
          success(r: { statusCode: number; filePath: string; tempFilePath: string }): void;
        }) => {
          exportsSeen.downloads.push({ url: o.url, filePath: o.filePath });
          o.success({ statusCode: 200, filePath: o.filePath, tempFilePath: '' });
        },
      ),
      openDocument: jest.fn((o: Record<string, unknown>) => {
        exportsSeen.opened.push(o);
        return Promise.resolve({ errMsg: 'openDocument:ok' });
      }),
    });
  });
  afterAll(() => Object.assign(wx, original));
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 6; i += 1) await flush();
}

export function aFile(overrides: Partial<ExportFileView> = {}): ExportFileView {
  return {
    fileId: 'cloud://env/exports/decision/20261207-1130-ab.xlsx',
    tempUrl: 'https://tmp.tcb.test/exports/decision/20261207-1130-ab.xlsx?sign=1',
    fileName: '表决名册-电梯更换-20261207-1130.xlsx',
    rows: 138,
    names: 'masked',
    ...overrides,
  };
}

/** Taps the button inside the export-button component the page placed with `selector`. */
export function tapExport(page: Rendered, selector: string): void {
  page.querySelector(selector)?.querySelector('.export-button')?.dispatchEvent('tap');
}
