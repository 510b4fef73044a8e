import { isRecord, str, warnOnce } from '../util';
import { asyncApi, fail, settle, type Options, type Result } from './callback';
import { deleteFile, downloadFile, getTempFileURL, uploadFile } from './cloudStorage';

/**
 * `wx.cloud` bound to the local cloud. A call is `POST /functions/<name>` with `{"data": …}` and
 * the chosen identity in `X-TongTi-OpenId`; the server answers `{"result": …}` or, with a
 * non-2xx status, `{"error": {"code", "message"}}`.
 */

export interface Identity {
  openid: string;
  label: string;
  role: string;
}

const OPENID_KEY = 'tongti-preview:openid';
const FALLBACK: Identity = { openid: 'preview-openid', label: '预览用户', role: 'resident' };

let identities: Identity[] = [FALLBACK];
let current: Identity = FALLBACK;
let requests = 0;

export function currentIdentity(): Identity {
  return current;
}

export function knownIdentities(): Identity[] {
  return identities;
}

/** Asks the server who can be impersonated; keeps the last choice of this browser. */
export async function loadIdentities(): Promise<{ ok: boolean }> {
  let ok = false;
  try {
    const res = await fetch('/api/identities', { headers: { accept: 'application/json' } });
    if (res.ok) {
      const body: unknown = await res.json();
      const list = Array.isArray(body)
        ? body.filter(isRecord).map((x) => ({
            openid: str(x.openid),
            label: str(x.label, str(x.openid)),
            role: str(x.role),
          }))
        : [];
      if (list.length) {
        identities = list.filter((x) => x.openid);
        ok = true;
      }
    }
  } catch {
    // no local cloud: keep the fallback identity so the pages still render
  }
  const saved = localStorage.getItem(OPENID_KEY);
  current = identities.find((x) => x.openid === saved) ?? identities[0] ?? FALLBACK;
  return { ok };
}

export function chooseIdentity(openid: string): void {
  localStorage.setItem(OPENID_KEY, openid);
}

/** Counts calls still in flight (tests and the bench wait for zero). */
export function pendingCalls(): number {
  return requests;
}

async function callFunction(o: Options): Promise<Result> {
  const name = str(o.name);
  if (!name) throw fail('cloud.callFunction', 'parameter.name should be String', -1);
  requests++;
  try {
    let res: Response;
    try {
      res = await fetch(`/functions/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tongti-openid': current.openid },
        body: JSON.stringify({ data: o.data ?? {} }),
      });
    } catch (e) {
      throw fail('cloud.callFunction', `-501001 network error: ${(e as Error).message}`, -501001);
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    const requestID = res.headers.get('x-request-id') ?? `preview-${Date.now()}`;
    if (res.ok && isRecord(body) && 'result' in body) {
      return { result: body.result, requestID };
    }
    const err = isRecord(body) && isRecord(body.error) ? body.error : {};
    const code = err.code ?? res.status;
    const numeric =
      typeof code === 'number' ? code : Number.isFinite(Number(code)) ? Number(code) : -504002;
    const message = str(err.message, text || res.statusText);
    throw fail('cloud.callFunction', `${String(code)} ${message}`, numeric);
  } finally {
    requests--;
  }
}

export function createCloud(): Record<string, unknown> {
  return {
    init: (): void => {},
    callFunction: (options?: unknown) => {
      const o = isRecord(options) ? options : {};
      return settle('cloud.callFunction', o, callFunction(o));
    },
    uploadFile: asyncApi('cloud.uploadFile', uploadFile),
    getTempFileURL: asyncApi('cloud.getTempFileURL', getTempFileURL),
    downloadFile: asyncApi('cloud.downloadFile', downloadFile),
    deleteFile: asyncApi('cloud.deleteFile', deleteFile),
    database: () => {
      warnOnce(
        'cloud.database',
        'wx.cloud.database() from the client is not available in the preview',
      );
      throw new Error('wx.cloud.database is not available in the preview: call a cloud function');
    },
  };
}
