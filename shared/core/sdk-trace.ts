/**
 * X-Ray subsegments for the AWS SDK's calls, written by hand: each call a client makes during
 * a sampled invocation is sent to the X-Ray daemon as a subsegment of the function's segment
 * (UDP, the daemon's own protocol), named as X-Ray names the service (DynamoDB, SQS,
 * SecretsManager), with the operation, table, request id, retries and status. Powertools Tracer
 * (2.36, on aws-xray-sdk-core 3.12) does the same for +124 KB on the bare PutCommand handler's
 * 336 KB (1.37x, against issue 31's 1.2x budget; esbuild with the project's options, 2026-12-07);
 * this is a middleware and a datagram, +2-3 KB. Nothing of a call's input or output is sent but
 * the table's name: no key, no item.
 *
 * Lambda sets `_X_AMZN_TRACE_ID` for each invocation (Root, Parent = the function's segment,
 * Sampled) and `AWS_XRAY_DAEMON_ADDRESS` when active tracing is on; without them, or unsampled,
 * the middleware only passes the call on.
 */
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

interface TraceHeader {
  root: string;
  parent: string;
}

/** The invocation's trace, when X-Ray sampled it. */
export function sampledTrace(header = process.env._X_AMZN_TRACE_ID): TraceHeader | undefined {
  if (!header) return undefined;
  const parts = Object.fromEntries(header.split(';').map((p) => p.split('=') as [string, string]));
  return parts.Root && parts.Parent && parts.Sampled === '1' ? { root: parts.Root, parent: parts.Parent } : undefined;
}

/** `169.254.79.129:2000`, or `tcp:host:port udp:host:port`: the UDP one. */
export function daemonAddress(value = process.env.AWS_XRAY_DAEMON_ADDRESS): { host: string; port: number } | undefined {
  const udp =
    value
      ?.split(/\s+/)
      .find((p) => p.startsWith('udp:'))
      ?.slice(4) ?? value?.split(/\s+/).find((p) => !p.includes('tcp:'));
  const match = udp ? /^(.+):(\d+)$/.exec(udp) : null;
  return match ? { host: match[1]!, port: Number(match[2]) } : undefined;
}

interface CallMetadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
}

export interface SdkCall {
  clientName?: string;
  commandName?: string;
  tableName?: unknown;
  startedAt: number;
  endedAt: number;
  metadata?: CallMetadata;
  failed: boolean;
}

/** The X-Ray subsegment document for one SDK call (AWS X-Ray, "Segment documents": subsegments, AWS resource data). */
export function subsegmentOf(trace: TraceHeader, call: SdkCall, id = randomBytes(8).toString('hex')): Record<string, unknown> {
  const status = call.metadata?.httpStatusCode;
  return {
    id,
    trace_id: trace.root,
    parent_id: trace.parent,
    type: 'subsegment',
    name: (call.clientName ?? 'AWS').replace(/Client$/, ''),
    namespace: 'aws',
    start_time: call.startedAt / 1000,
    end_time: call.endedAt / 1000,
    aws: {
      operation: (call.commandName ?? '').replace(/Command$/, ''),
      region: process.env.AWS_REGION,
      ...(call.metadata?.requestId ? { request_id: call.metadata.requestId } : {}),
      ...(call.metadata?.attempts ? { retries: call.metadata.attempts - 1 } : {}),
      ...(typeof call.tableName === 'string' ? { table_name: call.tableName } : {}),
    },
    ...(status ? { http: { response: { status } } } : {}),
    // X-Ray's flags: a client error (4xx), a throttle (429, also an error), a fault (5xx or no answer).
    ...(call.failed && status !== undefined && status < 500 ? { error: true } : {}),
    ...(status === 429 ? { throttle: true } : {}),
    ...(call.failed && (status === undefined || status >= 500) ? { fault: true } : {}),
  };
}

let socket: Socket | undefined;
function send(document: Record<string, unknown>): void {
  const address = daemonAddress();
  if (!address) return;
  if (!socket) {
    socket = createSocket('udp4');
    // Never keeps the process (or a test) alive.
    socket.unref();
  }
  socket.send(`{"format":"json","version":1}\n${JSON.stringify(document)}`, address.port, address.host, () => undefined);
}

type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: { $metadata?: CallMetadata } }>;
interface Traceable {
  middlewareStack: {
    add(
      middleware: (next: Next, context: { clientName?: string; commandName?: string }) => Next,
      options: { step: 'initialize'; name: string; override: boolean },
    ): void;
  };
}

/** The client, each of whose calls in a sampled invocation becomes a subsegment. */
export function traced<C>(client: C): C {
  (client as unknown as Traceable).middlewareStack.add(
    (next, context) => async (args) => {
      const trace = sampledTrace();
      if (!trace) return next(args);
      const startedAt = Date.now();
      const call = { clientName: context.clientName, commandName: context.commandName, tableName: args.input?.TableName, startedAt };
      try {
        const result = await next(args);
        send(subsegmentOf(trace, { ...call, endedAt: Date.now(), metadata: result.output?.$metadata, failed: false }));
        return result;
      } catch (error) {
        send(subsegmentOf(trace, { ...call, endedAt: Date.now(), metadata: (error as { $metadata?: CallMetadata }).$metadata, failed: true }));
        throw error;
      }
    },
    { step: 'initialize', name: 'omiXRaySubsegment', override: true },
  );
  return client;
}
