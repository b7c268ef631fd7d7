/**
 * The one error taxonomy of ChainScout. Domain and repository code throws these; only the HTTP error
 * middleware knows which status code each one becomes.
 */

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `query.page` or `body.parties.0.share`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(message, 'validation_failed', issues);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(`${what} "${id}" does not exist`, 'not_found', { what, id });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 'conflict', details);
  }
}

/** No valid session: not logged in, the session expired, or the user was disabled. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Please log in') {
    super(message, 'unauthorized');
  }
}

/** Too many attempts; `retryAfterSeconds` says when to try again. */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 'too_many_requests', { retryAfterSeconds });
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, 'forbidden');
  }
}

/** The graph database cannot be reached right now; the request may succeed later. */
export class UnavailableError extends AppError {
  constructor(message = 'The graph database is unavailable; please retry shortly') {
    super(message, 'unavailable');
  }
}
