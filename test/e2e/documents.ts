import type { Page } from 'playwright-core';

/** What the preview's wx.openDocument was asked to open, in order (see preview/README.md). */
export interface OpenedDocument {
  filePath: string;
  fileType: string;
  showMenu: boolean;
}

export async function openedDocuments(page: Page): Promise<OpenedDocument[]> {
  return (await page.evaluate('window.tongtiOpenedDocuments ?? []')) as OpenedDocument[];
}

/** The bytes behind a blob: URL that the preview handed to a page as a temporary file path. */
export async function bytesOf(page: Page, url: string): Promise<Buffer> {
  const bytes = (await page.evaluate(
    `(async () => [...new Uint8Array(await (await fetch(${JSON.stringify(url)})).arrayBuffer())])()`,
  )) as number[];
  return Buffer.from(bytes);
}
