/** functions/openapi.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { httpFunction, NO_DATA, type RouteSpec, routesOfFunction } from './spec';

const route = routesOfFunction('openapi');

export const openapiRoutes = [
  route.get('/openapi.json', 'public', 'This API described in OpenAPI 3.1', { response: { status: 200, contentType: 'application/json' } }),
] as const satisfies readonly RouteSpec[];

export const openapiFunction = httpFunction('openapi', openapiRoutes, NO_DATA);
