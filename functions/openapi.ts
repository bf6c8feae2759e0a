import { httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { openapiRoutes } from '../shared/route-table/openapi';
import { openApiDocument } from '../shared/http/openapi';

let cached: unknown;

const openApi: RouteHandler<'GET /openapi.json'> = async () => json(200, (cached ??= openApiDocument()));

export const handler = httpHandler(openapiRoutes, { 'GET /openapi.json': openApi });
