import { sdk } from './cloud';

/**
 * The WeChat platform services the registry uses — phone numbers, mini program codes and cloud
 * storage — narrowed from wx-server-sdk's loosely typed `openapi` and storage calls.
 */

interface OpenApiSlice {
  security: {
    msgSecCheck(params: {
      content: string;
      version: 2;
      scene: number;
      openid: string;
    }): Promise<unknown>;
  };
  phonenumber: { getPhoneNumber(params: { code: string }): Promise<unknown> };
  wxacode: {
    getUnlimited(params: {
      scene: string;
      page: string;
      checkPath: boolean;
      width?: number;
    }): Promise<unknown>;
  };
}

interface StorageSlice {
  getTempFileURL(params: { fileList: string[] }): Promise<unknown>;
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<unknown>;
  downloadFile(params: { fileID: string }): Promise<unknown>;
}

function openapi(): OpenApiSlice {
  return sdk().openapi as unknown as OpenApiSlice;
}

function storage(): StorageSlice {
  return sdk() as unknown as StorageSlice;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** WeChat's error code on a failed platform call (the SDK throws `{errCode, errMsg}`). */
export function platformErrorCode(error: unknown): number | null {
  const code = field(error, 'errCode');
  return typeof code === 'number' ? code : null;
}

function platformErrorText(error: unknown): string {
  const text = field(error, 'errMsg') ?? field(error, 'message');
  return typeof text === 'string' ? text : String(error);
}

export interface VerifiedPhone {
  /** Digits without the country code. */
  purePhoneNumber: string;
  countryCode: string;
}

/**
 * Exchanges a `getPhoneNumber` button code for the number (single use, 5 minutes). Null when
 * WeChat refuses the code (expired, used, forged).
 */
export async function verifiedPhone(code: string): Promise<VerifiedPhone | null> {
  let result: unknown;
  try {
    result = await openapi().phonenumber.getPhoneNumber({ code });
  } catch (error) {
    const errCode = platformErrorCode(error);
    if (errCode !== null && errCode > 0) return null;
    throw error;
  }
  const info = field(result, 'phoneInfo');
  const pure = field(info, 'purePhoneNumber');
  const country = field(info, 'countryCode');
  if (typeof pure !== 'string' || pure === '') return null;
  return { purePhoneNumber: pure, countryCode: typeof country === 'string' ? country : '86' };
}

/** A mini program code (PNG) opening `page` with `scene`; null when WeChat refuses. */
export async function miniProgramCode(scene: string, page: string): Promise<Buffer | null> {
  try {
    const result = await openapi().wxacode.getUnlimited({
      scene,
      page,
      checkPath: false,
      width: 430,
    });
    const buffer = field(result, 'buffer');
    return Buffer.isBuffer(buffer) ? buffer : null;
  } catch (error) {
    console.warn(`wxacode.getUnlimited failed: ${platformErrorText(error)}`);
    return null;
  }
}

export async function uploadFile(cloudPath: string, content: Buffer): Promise<string> {
  const result = await storage().uploadFile({ cloudPath, fileContent: content });
  const fileID = field(result, 'fileID');
  if (typeof fileID !== 'string') throw new Error('uploadFile answered without a fileID');
  return fileID;
}

/** The file's bytes, or null when there is no such file. */
export async function downloadFile(fileID: string): Promise<Buffer | null> {
  try {
    const result = await storage().downloadFile({ fileID });
    const content = field(result, 'fileContent');
    return Buffer.isBuffer(content) ? content : null;
  } catch (error) {
    if (/NONEXIST|not exist|does not exist|invalid fileID/i.test(platformErrorText(error))) {
      return null;
    }
    throw error;
  }
}

/**
 * Temporary download addresses of stored files, one storage request for all of them. A file that
 * is not in storage has no entry: that is how "only files from our storage" is checked.
 */
export async function tempUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const unique = [...new Set(fileIds)];
  if (unique.length === 0) return urls;
  const list = field(await storage().getTempFileURL({ fileList: unique }), 'fileList');
  if (!Array.isArray(list)) return urls;
  for (const item of list as unknown[]) {
    const fileID = field(item, 'fileID');
    const url = field(item, 'tempFileURL');
    if (
      field(item, 'status') === 0 &&
      typeof fileID === 'string' &&
      typeof url === 'string' &&
      url
    ) {
      urls.set(fileID, url);
    }
  }
  return urls;
}

/** Whether a file is in cloud storage (asks for its download link; reads no bytes). */
export async function fileExists(fileID: string): Promise<boolean> {
  return (await tempUrls([fileID])).has(fileID);
}

/** WeChat's verdict on text a user submits: pass, review (a person should look) or risky. */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** Scene 2 is "comment" in msgSecCheck v2: public text under an article or a decision. */
const COMMENT_SCENE = 2;

/** Asks security.msgSecCheck (v2) about `content` written by `openid`. */
export async function contentVerdict(content: string, openid: string): Promise<ContentVerdict> {
  const result = await openapi().security.msgSecCheck({
    content,
    version: 2,
    scene: COMMENT_SCENE,
    openid,
  });
  const suggest = field(field(result, 'result'), 'suggest');
  return suggest === 'pass' || suggest === 'review' ? suggest : 'risky';
}
