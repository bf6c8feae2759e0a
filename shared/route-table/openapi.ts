/** The routes of functions/openapi.ts: its part of the route table (shared/routes.ts joins them all). */
import type { RouteSpec } from './spec';

export const openapiRoutes = [
  {
    method: 'GET',
    path: '/openapi.json',
    fn: 'openapi',
    access: 'public',
    summary: 'This API described in OpenAPI 3.1',
    response: { status: 200, contentType: 'application/json' },
  },
] as const satisfies readonly RouteSpec[];
