import { DomainError, type ProblemDetail } from '#core/errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  [extension: string]: unknown;
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: ProblemDetail[];
  correlationId?: string;
}

const TITLES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal error',
};

/** The single mapping from any thrown value to a problem. Only DomainErrors expose their detail. */
export function toProblem(error: unknown, correlationId: string): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof DomainError) {
    return {
      problem: {
        type: `urn:omi:problem:${error.slug}`,
        title: TITLES[error.status] ?? 'Error',
        status: error.status,
        detail: error.message,
        errors: error.errors,
        correlationId,
        ...error.extensions,
      },
      headers: error.headers,
    };
  }
  return {
    problem: {
      type: 'urn:omi:problem:internal',
      title: TITLES[500]!,
      status: 500,
      detail: `Something went wrong on our side. Quote reference ${correlationId} if you contact us.`,
      errors: [],
      correlationId,
    },
    headers: {},
  };
}
