/** Which routes this function serves: each key its handler names, found in its own part of the route table. */
import { findRouteIn, isSessionRoute, type RouteSpec } from '#route-table/spec';
import type { HandlerOptions } from './types';

/** Refuses at start-up a key the function's routes lack, or a page or upload route without its parser. */
export function servedRoutes(table: readonly RouteSpec[], keys: readonly string[], options: HandlerOptions): Map<string, RouteSpec> {
  const served = new Map<string, RouteSpec>();
  for (const key of keys) {
    const route = findRouteIn(table, key, options.localOnly);
    if (!route) throw new Error(`httpHandler: ${key} is not among this function's routes`);
    if (isSessionRoute(route) && !options.sessions) throw new Error(`httpHandler: ${key} is a session route: pass the session support (pageOptions)`);
    if (route.body?.kind === 'multipart' && !options.multipart)
      throw new Error(`httpHandler: ${key} takes multipart bodies: pass the multipart parser`);
    served.set(key, route);
  }
  return served;
}
