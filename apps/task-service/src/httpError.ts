import type { z } from 'zod';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `title` or `status`. */
  field: string;
  message: string;
}

/** An error whose status and body are meant for the client (always 4xx). */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldProblem[] | undefined;

  constructor(status: number, code: string, message: string, fields?: readonly FieldProblem[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** A 400 listing every invalid field, built from a zod error. */
export function validationError(where: 'body' | 'query', error: z.ZodError): HttpError {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : where,
    message: issue.message,
  }));
  // Unknown keys are reported once for the whole object; list each one so clients see names.
  const expanded = fields.flatMap((problem, index) => {
    const issue = error.issues[index];
    if (issue?.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not allowed' }));
    }
    return [problem];
  });
  return new HttpError(400, 'validation_failed', `Invalid request ${where}`, expanded);
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'not_found', message);
}
