import { httpHandler, json, type RouteHandler } from '../shared/http/handler';

const health: RouteHandler<'GET /health'> = async () => json(200, { status: 'ok' });

export const handler = httpHandler({ 'GET /health': health });
