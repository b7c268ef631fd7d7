import type { ErrorRequestHandler, RequestHandler } from 'express';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '../domain/errors.ts';
import type { ErrorBody } from './schemas/error.schemas.ts';

export interface Logger {
  error(message: string, error?: unknown): void;
}

function statusOf(error: AppError): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof TooManyRequestsError) return 429;
  if (error instanceof UnavailableError) return 503;
  return 500;
}

/** Body-parser and other HTTP-level errors carry their own status (413 for a body over the limit). */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = error.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

const codeOfStatus: Record<number, string> = {
  400: 'bad_request',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** The one place where errors become HTTP responses. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    let status: number;
    let body: ErrorBody;
    if (error instanceof AppError) {
      status = statusOf(error);
      body = { error: { code: error.code, message: error.message, details: error.details } };
      if (status === 503) res.setHeader('Retry-After', '5');
      if (error instanceof TooManyRequestsError)
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="chainscout"');
    } else if (httpStatusOf(error) !== undefined) {
      status = httpStatusOf(error) ?? 400;
      const message = error instanceof Error ? error.message : 'Bad request';
      body = { error: { code: codeOfStatus[status] ?? 'bad_request', message } };
    } else {
      status = 500;
      logger.error('Unhandled error', error);
      body = { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged' } };
    }
    if (status >= 500 && status !== 503) logger.error(`HTTP ${status}`, error);
    res.status(status).json(body);
  };
}

export const apiNotFound: RequestHandler = (req, res) => {
  const body: ErrorBody = {
    error: { code: 'not_found', message: `No API route ${req.method} ${req.path}` },
  };
  res.status(404).json(body);
};
