import { httpHandler, json, type RouteHandler } from '#http/handler';
import { openapiRoutes } from '#route-table/openapi';
import { openApiDocument } from '#http/openapi';

let cached: unknown;

const openApi: RouteHandler<'GET /openapi.json'> = async () => json(200, (cached ??= openApiDocument()));

export const handler = httpHandler(openapiRoutes, { 'GET /openapi.json': openApi });
