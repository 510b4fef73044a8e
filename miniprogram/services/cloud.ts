/**
 * The one place the mini program talks to the cloud. Everything else calls typed wrappers in
 * services/<area>.ts, so the contract in typings/api.d.ts is checked at every call site and a
 * failure always reaches a page as an ApiError with a message fit to show a resident.
 */
import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErrorCode,
  FunctionName,
} from '../../typings/api';

/** The server's codes plus two the client raises itself. */
export type ClientErrorCode = ApiErrorCode | 'NETWORK' | 'BAD_RESPONSE';

const USER_MESSAGES: Record<ClientErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNKNOWN_ACTION: '当前版本过旧，请关闭小程序后重新打开',
  UNAUTHENTICATED: '请先登录后再试',
  FORBIDDEN: '您没有权限进行这项操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容刚被他人更新，请刷新后再试',
  INTERNAL: '服务暂时出了问题，请稍后再试',
  NETWORK: '网络连接失败，请检查网络后重试',
  BAD_RESPONSE: '服务返回的内容无法识别，请稍后再试',
};

// Codes whose server message may be more helpful than ours ("投票已截止"); the others are never
// shown as sent, so internals do not leak to residents.
const SERVER_WORDED: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>([
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
]);

const CHINESE = /[\u4e00-\u9fff]/;

const API_ERROR_CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'INVALID_INPUT',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
]);

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && API_ERROR_CODES.has(value);
}

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  /** What the server or the platform said, for logs; `message` is what a resident reads. */
  readonly detail: string;

  constructor(code: ClientErrorCode, detail: string) {
    super(SERVER_WORDED.has(code) && CHINESE.test(detail) ? detail : USER_MESSAGES[code]);
    // DevTools may compile classes down to ES5, where extending Error loses the prototype.
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.code = code;
    this.detail = detail;
  }
}

/** A message fit to show for any thrown value. */
export function userMessageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : USER_MESSAGES.INTERNAL;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function platformErrorText(error: unknown): string {
  if (isRecord(error) && typeof error.errMsg === 'string') return error.errMsg;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A rejected callFunction is either the network or the function itself failing (it threw instead
 * of answering {ok:false}); only the first is worth "check your network".
 */
function classifyPlatformError(text: string): ClientErrorCode {
  return /request:fail|timeout|timed out|network|offline/i.test(text) ? 'NETWORK' : 'INTERNAL';
}

export async function callApi<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  request: ActionRequest<F, A>,
): Promise<ActionResponse<F, A>> {
  let result: unknown;
  try {
    const response = await wx.cloud.callFunction({
      name: fn,
      data: Object.assign({}, request, { action }),
    });
    result = response.result;
  } catch (error) {
    const text = platformErrorText(error);
    throw new ApiError(classifyPlatformError(text), text);
  }

  if (!isRecord(result) || typeof result.ok !== 'boolean') {
    throw new ApiError('BAD_RESPONSE', `${fn}.${action} answered ${JSON.stringify(result)}`);
  }
  if (result.ok) {
    // The function compiles against the same contract; the envelope is all we can check here.
    return result.data as ActionResponse<F, A>;
  }
  const detail = typeof result.message === 'string' ? result.message : '';
  throw new ApiError(isApiErrorCode(result.code) ? result.code : 'INTERNAL', detail);
}

/**
 * An https URL an `<image>` can load for a file in cloud storage. WeChat signs it for a while
 * (two hours by default), so ask again each time a page shows the file rather than storing it.
 */
export async function tempUrlOf(fileId: string): Promise<string> {
  let entry: ICloud.GetTempFileURLResultItem | undefined;
  try {
    const answer = await wx.cloud.getTempFileURL({ fileList: [fileId] });
    entry = answer.fileList[0];
  } catch (error) {
    const text = platformErrorText(error);
    throw new ApiError(classifyPlatformError(text), text);
  }
  if (!entry || entry.status !== 0 || !entry.tempFileURL) {
    throw new ApiError('NOT_FOUND', `getTempFileURL ${fileId}: ${entry?.errMsg ?? 'no entry'}`);
  }
  return entry.tempFileURL;
}
