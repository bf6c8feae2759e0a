import { httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { openApiDocument } from '../shared/openapi';

let cached: unknown;

const openApi: RouteHandler<'GET /openapi.json'> = async () => json(200, (cached ??= openApiDocument()));

export const handler = httpHandler({ 'GET /openapi.json': openApi });
