import { replaceWriteUp, saveWriteUpSection, writeUpOf, writeUpSectionsOf } from '#domain/write-up';
import { httpHandler, type RouteHandler, versioned } from '#http/handler';
import { writeUpRoutes } from '#route-table/write-up';

const getWriteUp: RouteHandler<'GET /inspections/{id}/write-up'> = async ({ params }) => {
  const { writeUp, etag } = await writeUpOf(params.id);
  return versioned(writeUp, etag);
};

const putWriteUp: RouteHandler<'PUT /inspections/{id}/write-up'> = async ({ params, body, user, event }) => {
  const { writeUp, etag } = await replaceWriteUp(params.id, body, event.headers?.['if-match'], user);
  return versioned(writeUp, etag);
};

const getSections: RouteHandler<'GET /inspections/{id}/write-up/sections'> = async ({ params }) => {
  const { etag, ...sections } = await writeUpSectionsOf(params.id);
  return versioned({ ...sections, etag }, etag);
};

const putSection: RouteHandler<'PUT /inspections/{id}/write-up/sections/{sectionId}'> = async ({ params, body, user }) => {
  const { etag, ...section } = await saveWriteUpSection(params.id, params.sectionId, body, user);
  return versioned(section, etag);
};

export const handler = httpHandler(writeUpRoutes, {
  'GET /inspections/{id}/write-up': getWriteUp,
  'PUT /inspections/{id}/write-up': putWriteUp,
  'GET /inspections/{id}/write-up/sections': getSections,
  'PUT /inspections/{id}/write-up/sections/{sectionId}': putSection,
});
