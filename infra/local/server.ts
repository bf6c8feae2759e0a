/**
 * The local stand-in for API Gateway: routes a request with the shared route table, checks
 * the bearer JWT as the JWT authorizer would (on the JSON routes only: the pages check their
 * session cookie themselves, and in AWS have no authorizer either), throttles the public respondent routes, then
 * calls the very handler module the CDK app deploys with a payload 2.0 event.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { toProblem } from '#http/problem';
import { MethodNotAllowed, NotFound, PayloadTooLarge, TooManyRequests, Unauthenticated } from '#core/errors';
import { log, safeErrorFields } from '#core/log';
import { pageHeaders, SECURITY_HEADERS } from '#http/security-headers';
import { toApiGatewayEvent, writeResult } from './adapter';
import { claimsAsApiGateway, verifyLocalToken } from './jwt';
import { tooManyRequestsPage } from '#web/respondent/questionnaire-pages';
import { RateLimiter } from './rate-limit';
import { matchRoute } from './router';
import { BACKGROUND_FUNCTION_TIMEOUT_S, HTTP_FUNCTION_TIMEOUT_S } from '#core/timeouts';

/**
 * A client that sends its headers or body slowly (slow-loris) is cut off: the headers within
 * 10 s, the whole request within 60 s (a 6 MB upload over a slow line), checked every second.
 * Node's defaults (60 s, 300 s, checked every 30 s) let a few hundred slow sockets hold the server.
 */
export const SOCKET_LIMITS = { headersTimeout: 10_000, requestTimeout: 60_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 } as const;

/** API Gateway's own ceiling on a request body. */
export const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface LocalServerOptions {
  jwtSecret: string;
  rateLimitPerMin: number;
  functionsDir?: string;
}

const defaultFunctionsDir = fileURLToPath(new URL('../../functions/', import.meta.url));

/**
 * The HTTP functions' timeout, as deployed (OMI_FUNCTION_TIMEOUT_S overrides it: the bench
 * measures a slow request whole). A request still running then gets what API Gateway gives
 * for a timed-out Lambda: a 500. Locally its work cannot be stopped, as Lambda stops it; it
 * carries on unseen, which is why heavy work is all or nothing and retries carry a key.
 */
export function httpTimeoutMs(): number {
  const seconds = Number(process.env.OMI_FUNCTION_TIMEOUT_S);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : HTTP_FUNCTION_TIMEOUT_S) * 1000;
}

class FunctionTimedOut extends Error {}

function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimedOut(`Task timed out after ${timeoutMs / 1000} seconds`)), timeoutMs);
  });
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}

export function lambdaContext(functionName: string, requestId: string, timeoutMs = BACKGROUND_FUNCTION_TIMEOUT_S * 1000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export function handlerLoader(functionsDir = defaultFunctionsDir) {
  const cache = new Map<string, Promise<Handler>>();
  return (fn: string): Promise<Handler> => {
    let loaded = cache.get(fn);
    if (!loaded) {
      loaded = import(pathToFileURL(join(functionsDir, `${fn}.ts`)).href).then((m: { handler: Handler }) => m.handler);
      cache.set(fn, loaded);
    }
    return loaded;
  };
}

export function createLocalServer(options: LocalServerOptions): Server {
  const load = handlerLoader(options.functionsDir);
  const limiter = new RateLimiter(options.rateLimitPerMin);

  const sendProblem = (res: ServerResponse, error: unknown, requestId: string) => {
    const { problem, headers } = toProblem(error, requestId);
    if (error instanceof FunctionTimedOut) log('error', 'function timed out', { correlationId: requestId, timeoutMs: httpTimeoutMs() });
    else if (problem.status >= 500) log('error', 'local gateway error', { correlationId: requestId, ...safeErrorFields(error) });
    writeResult(res, {
      statusCode: problem.status,
      headers: { ...SECURITY_HEADERS, 'content-type': 'application/problem+json', ...headers },
      body: JSON.stringify(problem),
    });
  };

  return createServer(SOCKET_LIMITS, async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const lookup = matchRoute(req.method ?? 'GET', url.pathname);
      if (lookup.kind === 'not-found') throw new NotFound(`Nothing is served at ${url.pathname.slice(0, 200)}.`);
      if (lookup.kind === 'method-not-allowed') {
        throw new MethodNotAllowed(`Use ${lookup.allowed.join(' or ')} here.`, [], { allow: lookup.allowed.join(', ') });
      }
      const { match } = lookup;

      let claims: Record<string, string> | undefined;
      if (match.route.access === 'token') {
        const wait = limiter.take(req.socket.remoteAddress ?? 'unknown');
        if (wait > 0 && isPage(match.route)) {
          await readBody(req, GATEWAY_MAX_BODY_BYTES);
          // A person in a browser gets a page they can read, in English and Welsh, not problem+json.
          writeResult(res, {
            statusCode: 429,
            headers: { ...SECURITY_HEADERS, ...pageHeaders(), 'content-type': 'text/html; charset=utf-8', 'retry-after': String(wait) },
            body: tooManyRequestsPage(),
          });
          return;
        }
        if (wait > 0) throw new TooManyRequests('Too many requests from this address; try again shortly.', [], { 'retry-after': String(wait) });
      } else if (match.route.access !== 'public' && match.route.auth !== 'session') {
        const payload = await verifyLocalToken(options.jwtSecret, req.headers.authorization);
        if (!payload) throw new Unauthenticated('Send a valid bearer token.', [], { 'www-authenticate': 'Bearer' });
        claims = claimsAsApiGateway(payload);
      }

      const body = await readBody(req, GATEWAY_MAX_BODY_BYTES);
      const event = toApiGatewayEvent({ req, body, match, claims, requestId });
      const handler = await load(match.route.fn);
      const timeoutMs = httpTimeoutMs();
      const result = await withinTimeout(handler(event, lambdaContext(match.route.fn, requestId, timeoutMs)), timeoutMs);
      writeResult(res, result);
    } catch (error) {
      if (!res.headersSent) sendProblem(res, error, requestId);
      else res.destroy();
    }
  });
}

/** A route a browser shows: it answers with HTML, or takes a form. */
function isPage(route: { response?: { contentType: string }; body?: { kind: string } }): boolean {
  return route.response?.contentType === 'text/html' || route.body?.kind === 'form';
}

/** Past this, a body is not even drained: the connection is dropped, as a gateway would. */
const DRAIN_AT_MOST_BYTES = 64 * 1024 * 1024;

/**
 * Reads the body, up to `limit`. A larger one is read to its end and thrown away before the
 * 413 goes out: answering while the client is still sending and then closing the socket makes
 * the client fail with EPIPE / ECONNRESET before it ever reads the 413.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new PayloadTooLarge(`The body may be at most ${limit} bytes.`, [], { connection: 'close' });
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > DRAIN_AT_MOST_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > DRAIN_AT_MOST_BYTES) break;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit || declared > limit) throw tooLarge();
  return Buffer.concat(chunks);
}
