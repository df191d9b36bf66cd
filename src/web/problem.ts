import { HTTPException } from 'hono/http-exception';
import { AppError, type ErrorCode, errorCodes, type FieldIssue } from '../shared/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldIssue[];
}

/** Anything thrown while serving a request, as a domain error: the one table decides the status. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const byStatus: Partial<Record<number, ErrorCode>> = { 400: 'MALFORMED_JSON', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };
    const code = byStatus[error.status];
    if (code) {
      const detail = code === 'UNSUPPORTED_MEDIA_TYPE' ? 'Send the body as application/json' : code === 'MALFORMED_JSON' ? 'The request body is not valid JSON' : errorCodes[code].title;
      return new AppError(code, detail, code === 'MALFORMED_JSON' || code === 'UNSUPPORTED_MEDIA_TYPE' ? [{ field: '(body)', message: detail }] : []);
    }
  }
  return new AppError('INTERNAL');
}

export function toProblem(error: AppError): Problem {
  const { status, title } = errorCodes[error.code];
  return {
    type: `https://answerable.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    code: error.code,
    detail: error.message,
    ...(error.issues.length > 0 ? { errors: error.issues } : {}),
  };
}
