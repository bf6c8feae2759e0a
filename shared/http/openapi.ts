/** GET /openapi.json, generated from the route table and its zod schemas. */
import * as z from 'zod/mini';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { deployedRoutes, isPublic, type RouteSpec } from '#shared/routes';
import { JobAccepted } from '#schemas/job';

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

/**
 * zod writes a record keyed by an enum as `required` keys with only `additionalProperties`;
 * OpenAPI linters want every required property defined, so each key gets the value's schema.
 */
function defineRequired(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) defineRequired(item);
    return;
  }
  const schema = node as Record<string, unknown>;
  if (Array.isArray(schema.required) && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    const properties = (schema.properties ??= {}) as Record<string, unknown>;
    for (const key of schema.required as string[]) properties[key] ??= schema.additionalProperties;
  }
  for (const value of Object.values(schema)) defineRequired(value);
}

function jsonSchema(schema: z.ZodMiniType): unknown {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  delete out.$schema;
  defineRequired(out);
  return out;
}

/** API Gateway's greedy `{path+}` is OpenAPI's plain `{path}`: the document speaks OpenAPI. */
export const openApiPath = (path: string) => path.replace(/\{(\w+)\+\}/g, '{$1}');

function pathParameters(path: string) {
  return [...openApiPath(path).matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
}

/** The first segment of the path, so operations group by what they are about: inspections, questionnaires, reports... */
const tagOf = (path: string) => path.split('/')[1]?.replace(/[{}+]/g, '') || 'service';

const TAG_DESCRIPTIONS: Record<string, string> = {
  inspections: 'An inspection and its inputs: cases, grades, evidence, invitations, the write-up, the summary and releases',
  questionnaires: "A respondent's questionnaire, reached through a one-time link",
  reports: 'A report link: the published report, its JSON and CSV, for anyone who holds the link',
  'question-bank': 'The versioned question bank and its interview questions',
  health: 'Whether the service is up',
  'openapi.json': 'This document',
  jobs: 'Long work that outlasts a request: its status and result',
};

/** The document describes the JSON API: the pages are HTML for people, listed in the README and docs/routes.md. */
export const inJsonApi = (route: RouteSpec) =>
  route.auth !== 'session' &&
  !route.servedByEdge &&
  route.body?.kind !== 'form' &&
  route.body?.kind !== 'multipart' &&
  route.response?.contentType !== 'text/html' &&
  route.response?.contentType !== 'text/css';

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
  if (route.mayBeJob) {
    responses['202'] = {
      description: 'Too much to do within the request: the work goes on as a job, whose status is at Location',
      headers: { Location: { description: '/jobs/{jobId}', schema: { type: 'string' } } },
      content: { 'application/json': { schema: jsonSchema(JobAccepted) } },
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
      ? { required: !route.body.optional, content: { 'application/json': { schema: jsonSchema(route.body.schema) } } }
      : route.body?.kind === 'csv'
        ? { required: true, content: { 'text/csv': { schema: { type: 'string' } } } }
        : route.body?.kind === 'form'
          ? { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } }
          : route.body?.kind === 'multipart'
            ? {
                required: true,
                content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } },
              }
            : undefined;
  // The JSON routes take a bearer token, and only that; the pages, which take the session cookie, are not described here.
  const security = Array.isArray(route.access) ? [{ bearer: [] }] : [];
  return {
    summary: route.summary.length > 120 ? `${route.summary.slice(0, route.summary.lastIndexOf(' ', 117))}...` : route.summary,
    description: route.summary,
    tags: [tagOf(route.path)],
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
  const tags = new Set<string>();
  for (const route of deployedRoutes().filter(inJsonApi)) {
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation(route);
    tags.add(tagOf(route.path));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'OMI collector',
      version: '1',
      description:
        'Questionnaires, case judgements, scores and reports for probation inspections. The workbench and questionnaire pages are HTML for people and are not described here.',
      license: { name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
    },
    // Relative: the same document serves every stage, locally and behind CloudFront.
    servers: [{ url: '/', description: 'The service that served this document' }],
    tags: [...tags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}
