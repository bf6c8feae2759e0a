/** functions/health.ts: its routes and what it may do to the table (shared/routes.ts joins every function's file). */
import { Health } from '#schemas/common';
import { httpFunction, NO_DATA, type RouteSpec } from './spec';

export const healthRoutes = [
  {
    method: 'GET',
    path: '/health',
    fn: 'health',
    access: 'public',
    summary: 'Liveness check',
    response: { status: 200, contentType: 'application/json', schema: Health },
  },
] as const satisfies readonly RouteSpec[];

export const healthFunction = httpFunction('health', healthRoutes, NO_DATA);
