import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildPreview } from '../../preview/build';
import { launchChromium, PREVIEW_VIEWPORT } from '../../preview/chromium';
import { previewRoutes } from '../../preview/routes';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';

/**
 * wx.cloud.uploadFile / getTempFileURL / deleteFile in the preview reach the local cloud's
 * storage: what a page uploads is what a function (or anyone with the temp URL) reads back.
 */
jest.setTimeout(90_000);

let t: TestCloud;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-preview-storage-'));
  await buildPreview({
    miniprogramDir: path.join(__dirname, 'fixtures', 'preview-app'),
    outDir,
  });
  t = await startTestCloud({ routes: previewRoutes({ outDir }) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

interface CloudShim {
  cloud: {
    uploadFile(o: { cloudPath: string; filePath: string }): Promise<{ fileID: string }>;
    getTempFileURL(o: { fileList: string[] }): Promise<{
      fileList: Array<{ fileID: string; tempFileURL: string; status: number }>;
    }>;
    deleteFile(o: { fileList: string[] }): Promise<{ fileList: Array<{ status: number }> }>;
    downloadFile(o: { fileID: string }): Promise<{ tempFilePath: string }>;
  };
}
declare const wx: CloudShim;

test('a file uploaded from the preview is stored by the local cloud and read back', async () => {
  const context = await browser.newContext({ viewport: PREVIEW_VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${t.cloud.url}/preview/`);
  await page.waitForSelector('html[data-pv-ready]');
  const result = await page.evaluate(async () => {
    const blob = new Blob(['签字的授权书'], { type: 'text/plain' });
    const filePath = URL.createObjectURL(blob);
    const up = await wx.cloud.uploadFile({ cloudPath: 'proxies/p001/auth.txt', filePath });
    const urls = await wx.cloud.getTempFileURL({ fileList: [up.fileID] });
    const first = urls.fileList[0];
    const text = first ? await (await fetch(first.tempFileURL)).text() : '';
    const downloaded = await wx.cloud.downloadFile({ fileID: up.fileID });
    const viaDownload = await (await fetch(downloaded.tempFilePath)).text();
    const removed = await wx.cloud.deleteFile({ fileList: [up.fileID] });
    const after = await wx.cloud.getTempFileURL({ fileList: [up.fileID] });
    const gone = await wx.cloud.downloadFile({ fileID: up.fileID }).then(
      () => 'downloaded',
      (e: { errMsg?: string }) => e.errMsg ?? 'failed',
    );
    return {
      fileID: up.fileID,
      text,
      viaDownload,
      gone,
      removed: removed.fileList,
      after: after.fileList,
    };
  });
  expect(result.fileID).toBe(
    'cloud://tongti-local.746f-tongti-local-1300000000/proxies/p001/auth.txt',
  );
  expect(result.text).toBe('签字的授权书');
  expect(result.viaDownload).toBe('签字的授权书');
  expect(result.gone).toBe('cloud.downloadFile:fail -503003 storage file not exists');
  expect(result.removed).toEqual([{ fileID: result.fileID, status: 0 }]);
  expect(result.after[0]?.status).toBe(-1);
  expect(t.cloud.outbox.list('storage.uploadFile')).toEqual([
    expect.objectContaining({ fileID: result.fileID, size: Buffer.byteLength('签字的授权书') }),
  ]);
  await context.close();
});
