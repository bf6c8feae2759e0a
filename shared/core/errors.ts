/**
 * Named domain errors. Domain code throws these; `problem.ts` is the one place that turns
 * them into HTTP statuses and problem+json bodies. Anything else becomes a generic 500.
 */
export interface ProblemDetail {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  readonly errors: ProblemDetail[];
  readonly headers: Record<string, string>;
  /** Members a problem adds beside the standard ones (RFC 9457 extensions), for a client to act on. */
  extensions: Record<string, unknown> = {};
  constructor(detail: string, errors: ProblemDetail[] = [], headers: Record<string, string> = {}) {
    super(detail);
    this.name = new.target.name;
    this.errors = errors;
    this.headers = headers;
  }
}

export class InvalidInput extends DomainError {
  readonly status = 400;
  readonly slug = 'invalid-input';
  constructor(errors: ProblemDetail[], detail = describeCount(errors)) {
    super(detail, errors);
  }
}

export class Unauthenticated extends DomainError {
  readonly status = 401;
  readonly slug = 'unauthenticated';
}

export class Forbidden extends DomainError {
  readonly status = 403;
  readonly slug = 'forbidden';
}

export class NotFound extends DomainError {
  readonly status = 404;
  readonly slug = 'not-found';
}

export class MethodNotAllowed extends DomainError {
  readonly status = 405;
  readonly slug = 'method-not-allowed';
}

export class Conflict extends DomainError {
  readonly status = 409;
  readonly slug = 'conflict';
}

/** A write to an inspection that a final release closed: refused until an admin reopens it. */
export class InspectionClosed extends DomainError {
  readonly status = 409;
  readonly slug = 'inspection-closed';
}

/** An inspection of the same area whose fieldwork overlaps one that exists: `existing` is that one. */
export class DuplicateInspection extends DomainError {
  readonly status = 409;
  readonly slug = 'duplicate-inspection';
  constructor(
    detail: string,
    readonly existing: { inspectionId: string; fieldworkStart: string; fieldworkEnd: string },
  ) {
    super(detail, [{ path: 'fieldworkStart', message: detail }], {
      link: `</inspections/${encodeURIComponent(existing.inspectionId)}>; rel="related"`,
    });
  }
}

/** Deleting an inspection that has a release: what was released stays, with its inspection. */
export class InspectionHasReleases extends DomainError {
  readonly status = 409;
  readonly slug = 'inspection-has-releases';
}

/** A final release with something still missing (shared/domain/readiness.ts): each missing thing is one of `errors`. */
export class NotReady extends DomainError {
  readonly status = 409;
  readonly slug = 'not-ready';
}

/** A release or reopening of the inspection is under way (or was interrupted and waits for an admin to finish or undo it). */
export class ReleaseInProgress extends DomainError {
  readonly status = 409;
  readonly slug = 'release-in-progress';
}

export class PreconditionFailed extends DomainError {
  readonly status = 412;
  readonly slug = 'precondition-failed';
}

export class PreconditionRequired extends DomainError {
  readonly status = 428;
  readonly slug = 'precondition-required';
}

export class Gone extends DomainError {
  readonly status = 410;
  readonly slug = 'gone';
}

/** An Idempotency-Key sent again with another body: the key names a different request. */
export class IdempotencyKeyReused extends DomainError {
  readonly status = 422;
  readonly slug = 'idempotency-key-reused';
}

/** The first request with this Idempotency-Key is still being answered: try again shortly. */
export class RequestInProgress extends DomainError {
  readonly status = 409;
  readonly slug = 'request-in-progress';
}

export class PayloadTooLarge extends DomainError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
}

export class UnsupportedMediaType extends DomainError {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
}

export class TooManyRequests extends DomainError {
  readonly status = 429;
  readonly slug = 'too-many-requests';
}

function describeCount(errors: ProblemDetail[]): string {
  return errors.length === 1 ? 'The request has 1 problem.' : `The request has ${errors.length} problems.`;
}
