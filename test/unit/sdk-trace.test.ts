/**
 * Tracing the AWS SDK's calls (issue 30, item 9): in a sampled invocation each DynamoDB call
 * reaches the X-Ray daemon as one subsegment of the function's segment, as AWS X-Ray's segment
 * documents define it (the UDP header line, then a subsegment with id, trace_id, parent_id,
 * name, namespace "aws", start and end times, and the AWS resource data), carrying no key or
 * item; unsampled, or without the daemon, nothing is sent. A real client against a stand-in
 * DynamoDB endpoint and a stand-in daemon, both on this machine.
 */
import { createServer, type Server } from 'node:http';
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { daemonAddress, sampledTrace, traced } from '#core/sdk-trace';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';
let dynamo: Server;
let daemon: Socket;
let doc: DynamoDBDocumentClient;
const datagrams: string[] = [];

beforeAll(async () => {
  dynamo = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const refused = body.includes('"refuse"');
      res.writeHead(refused ? 400 : 200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': refused ? 'REQ-REFUSED' : 'REQ-OK' });
      res.end(
        refused
          ? JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' })
          : '{}',
      );
    });
  });
  await new Promise<void>((r) => dynamo.listen(0, '127.0.0.1', r));
  daemon = createSocket('udp4');
  daemon.on('message', (m) => datagrams.push(m.toString()));
  await new Promise<void>((r) => daemon.bind(0, '127.0.0.1', r));
  const client = traced(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    }),
  );
  doc = DynamoDBDocumentClient.from(client);
  process.env.AWS_XRAY_DAEMON_ADDRESS = `127.0.0.1:${daemon.address().port}`;
  process.env.AWS_REGION = 'eu-west-2';
});

afterAll(() => {
  dynamo.close();
  daemon.close();
  delete process.env.AWS_XRAY_DAEMON_ADDRESS;
});

afterEach(() => {
  datagrams.length = 0;
  delete process.env._X_AMZN_TRACE_ID;
});

async function received(count: number): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  while (datagrams.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
  return [...datagrams];
}

function parse(datagram: string): Record<string, any> {
  const [header, body, ...rest] = datagram.split('\n');
  expect(JSON.parse(header!)).toEqual({ format: 'json', version: 1 });
  expect(rest).toEqual([]);
  return JSON.parse(body!);
}

describe('in a sampled invocation', () => {
  it("a call becomes one subsegment of the function's segment, with the operation, the table and the request id, and no key or item", async () => {
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${PARENT};Sampled=1`;
    const before = Date.now() / 1000;
    await doc.send(new PutCommand({ TableName: 'omi-trace', Item: { pk: 'SECRET-KEY', sk: 'x', answer: 'SECRET-ANSWER' } }));
    const [datagram, ...more] = await received(1);
    expect(more).toEqual([]);
    expect(datagram).not.toContain('SECRET');
    const segment = parse(datagram!);
    expect(segment).toMatchObject({
      trace_id: ROOT,
      parent_id: PARENT,
      type: 'subsegment',
      name: 'DynamoDB',
      namespace: 'aws',
      aws: { operation: 'PutItem', table_name: 'omi-trace', request_id: 'REQ-OK', region: 'eu-west-2', retries: 0 },
      http: { response: { status: 200 } },
    });
    expect(segment.id).toMatch(/^[0-9a-f]{16}$/);
    expect(segment.start_time).toBeGreaterThanOrEqual(Math.floor(before));
    expect(segment.end_time).toBeGreaterThanOrEqual(segment.start_time);
    for (const flag of ['error', 'fault', 'throttle']) expect(segment[flag]).toBeUndefined();
  });

  it('a refused call is marked an error (a 4xx), and still thrown as the SDK throws it', async () => {
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${PARENT};Sampled=1`;
    await expect(doc.send(new PutCommand({ TableName: 'omi-trace', Item: { pk: 'refuse', sk: 'x' } }))).rejects.toBeInstanceOf(
      ConditionalCheckFailedException,
    );
    const segment = parse((await received(1))[0]!);
    expect(segment).toMatchObject({ error: true, http: { response: { status: 400 } }, aws: { operation: 'PutItem', request_id: 'REQ-REFUSED' } });
    expect(segment.fault).toBeUndefined();
  });
});

describe('outside one', () => {
  it.each([
    ['unsampled', `Root=${ROOT};Parent=${PARENT};Sampled=0`],
    ['no trace header (locally, a script)', undefined],
  ])('%s: the call goes through and nothing is sent', async (_what, header) => {
    if (header) process.env._X_AMZN_TRACE_ID = header;
    await doc.send(new GetCommand({ TableName: 'omi-trace', Key: { pk: 'a', sk: 'b' } }));
    expect(await received(0)).toEqual([]);
  });
});

describe("reading Lambda's settings", () => {
  it("takes the sampled trace and the daemon's UDP address in both of their forms", () => {
    expect(sampledTrace(`Root=${ROOT};Parent=${PARENT};Sampled=1;Lineage=a:1`)).toEqual({ root: ROOT, parent: PARENT });
    expect(sampledTrace(`Root=${ROOT};Sampled=1`)).toBeUndefined();
    expect(daemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(daemonAddress('tcp:127.0.0.1:2000 udp:127.0.0.2:2001')).toEqual({ host: '127.0.0.2', port: 2001 });
    expect(daemonAddress('')).toBeUndefined();
  });
});
