/** functions/health.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { Health } from '#schemas/common';
import { httpFunction, NO_DATA, type RouteSpec, ok, routesOfFunction } from './spec';

const route = routesOfFunction('health');

export const healthRoutes = [route.get('/health', 'public', 'Liveness check', { response: ok(Health) })] as const satisfies readonly RouteSpec[];

export const healthFunction = httpFunction('health', healthRoutes, NO_DATA);
