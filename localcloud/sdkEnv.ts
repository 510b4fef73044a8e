/**
 * The environment variables that point an unmodified `wx-server-sdk` at a local cloud. The SDK
 * reads all of them from `process.env` on every request, which is what lets the same function code
 * run here and on WeChat Cloud. `tongti env` prints these; the function host sets them per worker.
 */
export interface SdkEnvOptions {
  /** e.g. http://127.0.0.1:8787/admin */
  adminUrl: string;
  envId: string;
  openid?: string;
  appid?: string;
  unionid?: string;
}

export function sdkEnv(opts: SdkEnvOptions): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: opts.adminUrl }),
    TCB_ENV: opts.envId,
    SCF_NAMESPACE: opts.envId,
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    // Skips the SDK's probe of the metadata host, which does not exist off WeChat Cloud.
    TENCENTCLOUD: 'true',
    // Stops a 3 s warning timer the SDK starts when it thinks it runs outside the cloud.
    SILENCE: 'true',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: opts.openid ?? '',
    WX_APPID: opts.appid ?? LOCAL_APPID,
    WX_UNIONID: opts.unionid ?? '',
  };
}

/** The app id the local cloud reports for every caller (a placeholder, like the project's). */
export const LOCAL_APPID = 'wx0000000000000000';
export const DEFAULT_ENV_ID = 'tongti-local';
