import { replaceWriteUp, writeUpOf } from '../shared/domain/write-up';
import { httpHandler, json, type RouteHandler } from '../shared/http/handler';
import { writeUpRoutes } from '../shared/route-table/write-up';

const getWriteUp: RouteHandler<'GET /inspections/{id}/write-up'> = async ({ params }) => {
  const { writeUp, etag } = await writeUpOf(params.id);
  return json(200, writeUp, { etag, 'cache-control': 'no-store' });
};

const putWriteUp: RouteHandler<'PUT /inspections/{id}/write-up'> = async ({ params, body, user, event }) => {
  const { writeUp, etag } = await replaceWriteUp(params.id, body, event.headers?.['if-match'], user);
  return json(200, writeUp, { etag, 'cache-control': 'no-store' });
};

export const handler = httpHandler(writeUpRoutes, {
  'GET /inspections/{id}/write-up': getWriteUp,
  'PUT /inspections/{id}/write-up': putWriteUp,
});
