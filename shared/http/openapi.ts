/** GET /openapi.json, generated from the route table and its zod schemas. */
import * as z from 'zod/mini';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { sessionCookieName } from './session-cookie';
import { deployedRoutes, isPublic, type RouteSpec } from '../routes';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'errors'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;

function jsonSchema(schema: z.ZodMiniType): unknown {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
}

function operation(route: RouteSpec) {
  const errorStatuses = ['400', '404', '413', '415', '429'];
  if (!isPublic(route)) errorStatuses.push('401', '403');
  const responses: Record<string, unknown> = {};
  if (route.response) {
    responses[String(route.response.status)] = {
      description: 'Success',
      content: { [route.response.contentType]: route.response.schema ? { schema: jsonSchema(route.response.schema) } : {} },
    };
  }
  for (const status of errorStatuses) {
    responses[status] = { description: 'Problem', content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  const parameters: unknown[] = pathParameters(route.path);
  if (route.query) {
    const shape = route.query.def.shape as Record<string, z.ZodMiniType>;
    for (const [name, schema] of Object.entries(shape)) {
      parameters.push({ name, in: 'query', required: false, schema: jsonSchema(schema) });
    }
  }
  const requestBody =
    route.body?.kind === 'json'
      ? { required: true, content: { 'application/json': { schema: jsonSchema(route.body.schema) } } }
      : route.body?.kind === 'csv'
        ? { required: true, content: { 'text/csv': { schema: { type: 'string' } } } }
        : route.body?.kind === 'form'
          ? { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } }
          : route.body?.kind === 'multipart'
            ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } }
            : undefined;
  // The pages take our session cookie, and only that; the JSON routes take a bearer token, and only that.
  const security = !Array.isArray(route.access) ? [] : route.auth === 'session' ? [{ session: [] }] : [{ bearer: [] }];
  return {
    summary: route.summary,
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    security,
    ...(Array.isArray(route.access) ? { 'x-roles': route.access } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of deployedRoutes()) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'OMI collector', version: '1', description: 'Questionnaires, case judgements, scores and reports for probation inspections.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        session: { type: 'apiKey', in: 'cookie', name: sessionCookieName() },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}
