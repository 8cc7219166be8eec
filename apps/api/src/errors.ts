/**
 * Domain errors carry a stable `code` and an HTTP status; the error handler turns them into
 * RFC 9457 problem details. Throw these from routes and services, never raw replies.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(detail = 'The requested resource does not exist or you cannot see it.') {
    super(404, 'not_found', 'Not Found', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'Your role in this organisation does not allow this.') {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, detail: string) {
    super(409, code, 'Conflict', detail);
  }
}

/** A well-formed request that breaks a domain rule (e.g. submitting an incomplete assessment). */
export class UnprocessableError extends AppError {
  constructor(code: string, detail: string) {
    super(422, code, 'Unprocessable Content', detail);
  }
}
