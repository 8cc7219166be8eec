import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ConflictError } from '../../errors.js';

/**
 * A domain error whose problem details carry more than the usual fields: the stored answer of a
 * 409 `answer_conflict`, the missing criteria of a 422 `assessment_incomplete`. The app's error
 * handler knows only the standard fields, so the assessments scope answers these itself (see
 * {@link handleProblemExtras}) and hands every other error on to it.
 */
export class ProblemWithExtras extends AppError {
  constructor(
    status: number,
    code: string,
    title: string,
    detail: string,
    readonly extras: Record<string, unknown>,
  ) {
    super(status, code, title, detail);
    this.name = 'ProblemWithExtras';
  }
}

const PROBLEM_TYPE_BASE = 'https://waymark.app/problems/';

/** Installs, in the calling (encapsulated) scope, an error handler for {@link ProblemWithExtras}. */
export function handleProblemExtras(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ProblemWithExtras, request, reply) => {
    if (!(error instanceof ProblemWithExtras)) {
      // Rethrown errors go to the parent scope's handler: the app's one mapping.
      throw error;
    }
    return reply
      .status(error.status)
      .type('application/problem+json')
      .send({
        type: `${PROBLEM_TYPE_BASE}${error.code.replaceAll('_', '-')}`,
        title: error.title,
        status: error.status,
        code: error.code,
        detail: error.message,
        instance: request.url,
        ...error.extras,
      });
  });
}

/** 409 `assessment_locked`: a submitted assessment's answers cannot change until it is reopened. */
export function lockedError(): ConflictError {
  return new ConflictError(
    'assessment_locked',
    'This assessment has been submitted and is locked; an admin can reopen it.',
  );
}
