/**
 * The one table of domain error codes. Services throw AppError with a code; each adapter maps the
 * code through this table: HTTP status and problem+json for the API, the error page for HTML,
 * the exit code for the CLI. Services never know which adapter called them.
 */
export const errorCodes = {
  VALIDATION_FAILED: { status: 400, exitCode: 2, title: 'The input is not valid' },
  MALFORMED_JSON: { status: 400, exitCode: 2, title: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, exitCode: 3, title: 'Sign in or send a valid token' },
  FORBIDDEN: { status: 403, exitCode: 3, title: 'You may not do this' },
  CSRF_FAILED: { status: 403, exitCode: 3, title: 'The form has expired; reload the page and try again' },
  NOT_FOUND: { status: 404, exitCode: 4, title: 'Not found' },
  CONFLICT: { status: 409, exitCode: 5, title: 'This conflicts with the current state of the record' },
  GONE: { status: 410, exitCode: 4, title: 'This link has expired or was already used' },
  PAYLOAD_TOO_LARGE: { status: 413, exitCode: 2, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, exitCode: 2, title: 'This content type is not accepted' },
  RATE_LIMITED: { status: 429, exitCode: 6, title: 'Too many attempts; wait and try again' },
  FETCH_REFUSED: { status: 422, exitCode: 7, title: 'This address may not be fetched' },
  FETCH_FAILED: { status: 502, exitCode: 7, title: 'The address could not be fetched' },
  INTEGRITY_FAILED: { status: 422, exitCode: 8, title: 'An integrity check failed' },
  INTERNAL: { status: 500, exitCode: 1, title: 'Something went wrong on our side' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `questions.2.text`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message?: string, issues: FieldIssue[] = []) {
    super(message ?? errorCodes[code].title);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }

  static invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
