import { localRoutes, routeKeyOf, type RouteSpec } from '#shared/routes';

export interface Match {
  route: RouteSpec;
  routeKey: string;
  pathParameters: Record<string, string>;
}

interface Compiled {
  route: RouteSpec;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

/**
 * API Gateway picks the most specific route: literal segments beat parameters, `{x+}` comes last.
 * A local stand-in (the sign-in page) takes the place of the deployed route with its key.
 */
const compiled: Compiled[] = localRoutes()
  .map((route) => {
    const names: string[] = [];
    let literalSegments = 0;
    const source = route.path
      .split('/')
      .map((segment) => {
        const greedy = /^\{(\w+)\+\}$/.exec(segment);
        if (greedy) return (names.push(greedy[1]!), '(.+)');
        const param = /^\{(\w+)\}$/.exec(segment);
        if (param) return (names.push(param[1]!), '([^/]+)');
        literalSegments++;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    return { route, pattern: new RegExp(`^${source}$`), names, literalSegments };
  })
  .sort((a, b) => b.literalSegments - a.literalSegments || a.names.length - b.names.length);

export type RouteLookup = { kind: 'match'; match: Match } | { kind: 'method-not-allowed'; allowed: string[] } | { kind: 'not-found' };

export function matchRoute(method: string, rawPath: string): RouteLookup {
  const allowed: string[] = [];
  for (const candidate of compiled) {
    const found = candidate.pattern.exec(rawPath);
    if (!found) continue;
    if (candidate.route.method !== method) {
      allowed.push(candidate.route.method);
      continue;
    }
    const pathParameters: Record<string, string> = {};
    for (const [index, name] of candidate.names.entries()) {
      let value = found[index + 1]!;
      try {
        value = decodeURIComponent(value);
      } catch {
        // API Gateway passes an undecodable parameter through as it came; so do we
      }
      pathParameters[name] = value;
    }
    return { kind: 'match', match: { route: candidate.route, routeKey: routeKeyOf(candidate.route), pathParameters } };
  }
  return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
