/**
 * Errors the local cloud answers with. `code` is the string the real Cloud Development server
 * sends (the SDK maps it to the numeric errCode and the "<api>:fail <errCode> <text>" message),
 * so our answers must use the same strings.
 */
export type CloudErrorCode =
  | 'SYS_ERR'
  | 'SERVER_TIMEOUT'
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_PERMISSION_DENIED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_RESULT_TOO_LARGE'
  | 'STORAGE_REQUEST_FAIL'
  | 'STORAGE_FILE_NONEXIST'
  | 'STORAGE_SIGN_PARAM_INVALID'
  | 'FUNCTIONS_REQUEST_FAIL'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'FUNCTIONS_TIMEOUT'
  | 'FUNCTION_NOT_FOUND'
  | 'ACTION_NOT_FOUND';

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode | string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

export function isCloudError(e: unknown): e is CloudError {
  return e instanceof CloudError;
}
