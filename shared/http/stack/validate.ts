/** The body and query checked against the route's zod schemas: one 400 naming every problem. */
import * as z from 'zod/mini';
import { InvalidInput, type ProblemDetail } from '#core/errors';
import type { Middleware } from './types';

export function validate(): Middleware {
  return {
    before: (request) => {
      const { internal } = request;
      const problems: ProblemDetail[] = [];
      const spec = internal.route.body;
      if (spec?.kind === 'json') {
        const parsed = z.safeParse(spec.schema, internal.body);
        if (parsed.success) internal.body = parsed.data;
        else problems.push(...issuesToProblems(parsed.error.issues, []));
      }
      if (internal.route.query) {
        const parsed = z.safeParse(internal.route.query, internal.query);
        if (parsed.success) internal.query = parsed.data as Record<string, string>;
        else problems.push(...issuesToProblems(parsed.error.issues, ['query']));
      }
      if (problems.length > 0) throw new InvalidInput(problems);
    },
  };
}

export function issuesToProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[] }[],
  prefix: string[],
): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) out.push({ path: [...base, key].join('.'), message: 'Unknown field' });
    } else {
      out.push({ path: base.join('.'), message: issue.message });
    }
  }
  return out;
}
