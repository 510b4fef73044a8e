import { sdk } from '../cloud';

/**
 * Download addresses of our stored files, one storage request for all of them. A file that is
 * not in storage has no address, which is how "images only from our storage" is enforced: the
 * sanitizer lets through only addresses that came from here.
 */
interface TempUrlSlice {
  getTempFileURL(params: { fileList: string[] }): Promise<unknown>;
}

export async function downloadUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const wanted = [...new Set(fileIds)];
  if (wanted.length === 0) return urls;
  const result = await (sdk() as unknown as TempUrlSlice).getTempFileURL({ fileList: wanted });
  const list =
    result && typeof result === 'object' ? (result as { fileList?: unknown }).fileList : null;
  if (!Array.isArray(list)) return urls;
  for (const item of list as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const { fileID, status, tempFileURL } = item as Record<string, unknown>;
    if (
      status === 0 &&
      typeof fileID === 'string' &&
      typeof tempFileURL === 'string' &&
      tempFileURL
    ) {
      urls.set(fileID, tempFileURL);
    }
  }
  return urls;
}
