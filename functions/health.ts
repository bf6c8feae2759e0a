import { httpHandler, json } from '../shared/http/handler';

export const handler = httpHandler('GET /health', async () => json(200, { status: 'ok' }));
