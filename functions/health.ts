import { httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { healthRoutes } from '../shared/route-table/health';

const health: RouteHandler<'GET /health'> = async () => json(200, { status: 'ok' });

export const handler = httpHandler(healthRoutes, { 'GET /health': health });
