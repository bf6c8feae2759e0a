import { httpHandler, json, type RouteHandler } from '#http/handler';
import { healthRoutes } from '#route-table/health';

const health: RouteHandler<'GET /health'> = async () => json(200, { status: 'ok' });

export const handler = httpHandler(healthRoutes, { 'GET /health': health });
