// One error type for expected failures. The code is closed, so every one of them has a
// translated message under "errors.<code>" in messages/*.json.
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "INVALID_INPUT",
  "QUIZ_CLOSED",
  "ALREADY_SUBMITTED",
  "LAST_INSTRUCTOR",
  "JOIN_CODE_UNKNOWN",
  "QUIZ_NOT_OPEN",
  "NO_ATTEMPTS_LEFT",
  "ATTEMPT_SUBMITTED",
  "TIME_UP",
  "QUESTION_NOT_IN_ATTEMPT",
  "ANSWER_TOO_LARGE",
  "ANSWER_EMPTY",
  "TOO_MANY_ROUNDS",
  "TOO_MANY_REQUESTS",
  "MODEL_UNAVAILABLE",
] as const;

export type TAppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: TAppErrorCode;
  constructor(code: TAppErrorCode, message?: string) {
    super(message ?? code);
    this.code = code;
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
