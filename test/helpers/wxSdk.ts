import { sdkEnv } from '../../localcloud/sdkEnv';

/*
 * The unmodified wx-server-sdk inside a jest process, pointed at a local cloud with the same
 * variables `tongti env` prints. The SDK reads them from process.env on every request, so a test
 * that needs a second identity changes WX_OPENID around its calls (see `actAs`).
 */

export type WxSdk = typeof import('wx-server-sdk');

/** Where an SDK goes: a running local cloud's /admin URL and env id. */
export interface SdkTarget {
  adminUrl: string;
  envId: string;
}

export function pointSdkAt(target: SdkTarget, openid = 'o-test-user'): void {
  Object.assign(process.env, sdkEnv({ adminUrl: target.adminUrl, envId: target.envId, openid }));
}

/** The identity the next SDK calls carry (what getWXContext() reports to the server). */
export function actAs(openid: string): void {
  process.env.WX_OPENID = openid;
}

/** A fresh, initialised copy of the real wx-server-sdk, as a cloud function would load it. */
export function loadWxSdk(): WxSdk {
  let sdk: WxSdk | undefined;
  jest.isolateModules(() => {
    sdk = jest.requireActual<WxSdk>('wx-server-sdk');
  });
  if (!sdk) throw new Error('wx-server-sdk did not load');
  // The SDK's typings say string, but DYNAMIC_CURRENT_ENV (a symbol) is what functions pass.
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });
  return sdk;
}

/** The slice of storage, openapi and cloudPay the tests call (the SDK's own typings are loose). */
export interface WxServerSdk {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(o: { fileList: Array<string | { fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; status: number; errMsg: string; tempFileURL: string }>;
  }>;
  deleteFile(o: {
    fileList: string[];
  }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg: string }> }>;
  openapi: {
    subscribeMessage: { send: SdkCall };
    security: { msgSecCheck: SdkCall };
    wxacode: { getUnlimited: SdkCall; get: SdkCall; createQRCode: SdkCall };
    phonenumber: { getPhoneNumber: SdkCall };
    customerServiceMessage: { send: SdkCall };
  };
}

export function services(sdk: WxSdk): WxServerSdk {
  return sdk as unknown as WxServerSdk;
}

/** `cloud.openapi.a.b(params)`, `cloud.cloudPay.x(params)`: proxies whose leaves are calls. */
export type SdkCall = (params: Record<string, unknown>) => Promise<SdkResult>;

export type SdkResult = Record<string, unknown> & { errCode: number; errMsg: string };

export interface SdkFailure {
  errCode: number;
  errMsg: string;
  code: unknown;
  raw: unknown;
}

/** What the SDK rejects with: an Error carrying a numeric errCode and an errMsg. */
export async function sdkFailure(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise;
  } catch (e) {
    const err = e as { errCode?: unknown; errMsg?: unknown; message?: unknown; code?: unknown };
    return {
      errCode: typeof err.errCode === 'number' ? err.errCode : NaN,
      errMsg: typeof err.errMsg === 'string' ? err.errMsg : String(err.message),
      code: err.code,
      raw: e,
    };
  }
  throw new Error('expected the SDK call to fail');
}
