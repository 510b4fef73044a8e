import { str } from '../util';
import { asyncApi, fail } from './callback';
import { showToast } from './ui';

declare global {
  interface Window {
    /** Every document a page opened, for journeys to check. */
    tongtiOpenedDocuments?: { filePath: string; fileType: string; showMenu: boolean }[];
  }
}

/**
 * `wx.downloadFile` and `wx.openDocument`. Downloading fetches the URL into a blob: URL; a page
 * that names where to keep it (`filePath` under wx.env.USER_DATA_PATH) gets that path back, as
 * WeChat answers. WeChat's document viewer (with its ··· menu to forward, save or print) is, here,
 * the browser's own viewer in a new tab for a PDF; a spreadsheet or other office file, which a
 * browser cannot show, downloads under its name (表决名册-….xlsx). Each opened document is also
 * listed on `window.tongtiOpenedDocuments`.
 */

const OFFICE_TYPES = new Set(['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx']);
const DOCUMENT_TYPES = new Set([...OFFICE_TYPES, 'pdf']);

/** Paths pages gave to downloadFile → the blob: URL holding the bytes. */
const userFiles = new Map<string, string>();

function extensionOf(path: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m?.[1]?.toLowerCase() ?? '';
}

/** The file's own name when the page gave one; temp files are named for their type. */
function nameFor(path: string, fileType: string): string {
  if (!userFiles.has(path)) return `文件.${fileType || extensionOf(path)}`;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return extensionOf(base) ? base : `${base}.${fileType}`;
}

export function documentApis(): Record<string, unknown> {
  return {
    downloadFile: asyncApi('downloadFile', async (o) => {
      const url = str(o.url);
      if (!url) throw fail('downloadFile', 'parameter.url should be String', -1);
      let res: Response;
      try {
        res = await fetch(url);
      } catch (e) {
        throw fail('downloadFile', `network error: ${(e as Error).message}`);
      }
      if (!res.ok) return { tempFilePath: '', statusCode: res.status };
      const blobUrl = URL.createObjectURL(await res.blob());
      const filePath = str(o.filePath);
      if (!filePath) return { tempFilePath: blobUrl, statusCode: res.status };
      const previous = userFiles.get(filePath);
      if (previous) URL.revokeObjectURL(previous);
      userFiles.set(filePath, blobUrl);
      return { filePath, statusCode: res.status };
    }),
    openDocument: asyncApi('openDocument', (o) => {
      const filePath = str(o.filePath);
      if (!filePath) throw fail('openDocument', 'parameter.filePath should be String', -1);
      const fileType = str(o.fileType).toLowerCase();
      if (fileType && !DOCUMENT_TYPES.has(fileType)) {
        throw fail('openDocument', `fileType ${fileType} is not supported`);
      }
      (window.tongtiOpenedDocuments ??= []).push({
        filePath,
        fileType,
        showMenu: o.showMenu === true,
      });
      const href = userFiles.get(filePath) ?? filePath;
      // A PDF, or a temp file of no known type, goes to the browser's viewer.
      if (!OFFICE_TYPES.has(fileType || extensionOf(filePath))) {
        window.open(href, '_blank', 'noopener');
        return;
      }
      const a = document.createElement('a');
      a.href = href;
      a.download = nameFor(filePath, fileType);
      document.body.appendChild(a);
      a.click();
      a.remove();
      showToast({
        title: `已下载 ${a.download}`,
        icon: 'none',
        duration: 2000,
        mask: false,
        kind: 'toast',
      });
    }),
  };
}
