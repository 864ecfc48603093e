import { ERROR_STATUS, type ErrorCode } from './protocol/errors.ts';

/** An expected failure with a code from the shared vocabulary; safe to show to the client. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.statusCode = ERROR_STATUS[code];
  }
}

export const notFound = (what: 'conversation' | 'inbox') => new AppError(`${what}/not_found`, `No such ${what}.`);
