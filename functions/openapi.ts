import { httpHandler, json } from '../shared/http/handler';
import { openApiDocument } from '../shared/openapi';

let cached: unknown;

export const handler = httpHandler('GET /openapi.json', async () => json(200, (cached ??= openApiDocument())));
