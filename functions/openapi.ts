import { httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { openApiDocument } from '../shared/http/openapi';

let cached: unknown;

const openApi: RouteHandler<'GET /openapi.json'> = async () => json(200, (cached ??= openApiDocument()));

export const handler = httpHandler({ 'GET /openapi.json': openApi });
