import { isRecord, str } from '../util';
import { fail, type Result } from './callback';

/**
 * `wx.cloud.uploadFile` / `getTempFileURL` / `downloadFile` / `deleteFile` against the local cloud's storage. The
 * WeChat client has its own upload channel; here the preview plays the client by speaking the
 * storage actions of the local cloud's `/admin` protocol (ask for a signed upload URL, PUT the
 * bytes there), so a file chosen in the preview lands where the functions will read it.
 */

async function admin(api: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch('/admin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw fail(api, `-501001 network error: ${(e as Error).message}`, -501001);
  }
  const answer: unknown = await res.json().catch(() => null);
  if (!isRecord(answer)) throw fail(api, '-501001 bad answer from the local cloud', -501001);
  if (typeof answer.code === 'string' && answer.code) {
    throw fail(api, `${answer.code} ${str(answer.message)}`, -503001);
  }
  return isRecord(answer.data) ? answer.data : {};
}

export async function uploadFile(o: Record<string, unknown>): Promise<Result> {
  const api = 'cloud.uploadFile';
  const cloudPath = str(o.cloudPath);
  const filePath = str(o.filePath);
  if (!cloudPath) throw fail(api, 'parameter.cloudPath should be String', -1);
  if (!filePath) throw fail(api, 'parameter.filePath should be String', -1);
  // Temp paths in the preview are blob: or data: URLs made by the file pickers and canvas.
  const content = await (await fetch(filePath)).blob();
  const meta = await admin(api, { action: 'storage.getUploadMetadata', path: cloudPath });
  const put = await fetch(str(meta.url), {
    method: 'PUT',
    headers: { authorization: str(meta.authorization), 'x-cos-security-token': str(meta.token) },
    body: content,
  });
  if (!put.ok) throw fail(api, `-503001 upload refused (${put.status})`, -503001);
  return { fileID: str(meta.fileId), statusCode: 200 };
}

export async function getTempFileURL(o: Record<string, unknown>): Promise<Result> {
  const ids = (Array.isArray(o.fileList) ? o.fileList : []).map((f) =>
    typeof f === 'string' ? f : isRecord(f) ? str(f.fileID) : '',
  );
  const data = await admin('cloud.getTempFileURL', {
    action: 'storage.batchGetDownloadUrl',
    file_list: ids.map((fileid) => ({ fileid, max_age: 7200 })),
  });
  const list = Array.isArray(data.download_list) ? data.download_list.filter(isRecord) : [];
  return {
    fileList: list.map((f) => ({
      fileID: str(f.fileID),
      tempFileURL: str(f.tempFileURL),
      maxAge: typeof f.maxAge === 'number' ? f.maxAge : 7200,
      status: f.code === 'SUCCESS' ? 0 : -1,
      errMsg: f.code === 'SUCCESS' ? 'ok' : str(f.message, 'file not exist'),
    })),
  };
}

export async function deleteFile(o: Record<string, unknown>): Promise<Result> {
  const ids = (Array.isArray(o.fileList) ? o.fileList : []).map((f) => str(f));
  const data = await admin('cloud.deleteFile', {
    action: 'storage.batchDeleteFile',
    fileid_list: ids,
  });
  const list = Array.isArray(data.delete_list) ? data.delete_list.filter(isRecord) : [];
  return {
    fileList: list.map((f) => ({ fileID: str(f.fileID), status: f.code === 'SUCCESS' ? 0 : -1 })),
  };
}

/** Fetches the file through a temp URL and hands the page a blob: URL, as WeChat hands a temp path. */
export async function downloadFile(o: Record<string, unknown>): Promise<Result> {
  const api = 'cloud.downloadFile';
  const fileID = str(o.fileID);
  if (!fileID) throw fail(api, 'parameter.fileID should be String', -1);
  const urls = await getTempFileURL({ fileList: [fileID] });
  const list = Array.isArray(urls.fileList) ? urls.fileList.filter(isRecord) : [];
  const url = str(list[0]?.tempFileURL);
  if (!url || list[0]?.status !== 0) throw fail(api, '-503003 storage file not exists', -503003);
  const res = await fetch(url);
  if (!res.ok) throw fail(api, `-503003 download failed (${res.status})`, -503003);
  return { tempFilePath: URL.createObjectURL(await res.blob()), statusCode: 200 };
}
