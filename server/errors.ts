import type { ApiErrorCode } from '../typings/api';

/** A failure a caller can act on; anything else becomes INTERNAL with no detail leaked. */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
