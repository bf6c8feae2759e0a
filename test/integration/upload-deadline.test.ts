/**
 * The workbench's CSV upload near its invocation's deadline (issue 26, finding 7): the
 * handler, invoked as Lambda invokes it against the test run's DynamoDB Local, with a context
 * that has little time left, answers with a page saying what is safe to do (202), never a
 * bare 500 at the deadline; the import it started still finishes whole.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { useTestTable } from '#support/direct';
import { createInspection } from '#support/fixtures';
import { casesCsv } from '#support/workbench';

useTestTable();
process.env.OMI_SESSION_SECRET ??= 'upload-deadline-session-secret-of-32-characters';
const { handler } = await import('#functions/workbench');
const { csrfToken, startSession } = await import('#http/session');

const BOUNDARY = '----omiDeadline';

async function upload(inspectionId: string, csv: string, remainingMs: number): Promise<APIGatewayProxyStructuredResultV2> {
  const { setCookie, session } = await startSession({ sub: 'test-deadline', roles: ['inspector'], displayName: 'Deadline test' }, undefined);
  const body = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrfToken(session)}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="cases.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${BOUNDARY}--\r\n`,
  );
  const path = `/workbench/inspections/${inspectionId}/cases`;
  const event = {
    version: '2.0',
    routeKey: 'POST /workbench/inspections/{id}/cases',
    rawPath: path,
    rawQueryString: '',
    cookies: [setCookie.split(';')[0]!],
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, host: '127.0.0.1' },
    pathParameters: { id: inspectionId },
    requestContext: {
      requestId: crypto.randomUUID(),
      domainName: '127.0.0.1',
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  } as unknown as APIGatewayProxyEventV2;
  const deadline = Date.now() + remainingMs;
  const context = {
    getRemainingTimeInMillis: () => deadline - Date.now(),
    awsRequestId: 'deadline',
    functionName: 'workbench',
  } as unknown as Context;
  return (await handler(event, context)) as APIGatewayProxyStructuredResultV2;
}

const storedCases = async (id: string) => (await call(`/inspections/${id}/cases`, { as: 'admin' })).json.cases.length as number;

describe('an upload still importing at its deadline', () => {
  it('answers 202 with a page saying what may have happened and what is safe to do, and the import finishes whole', async () => {
    const id = await createInspection('Upload deadline');
    const res = await upload(id, casesCsv('DL', 110), 3_000 + 20);
    expect(res.statusCode).toBe(202);
    expect(res.body).toContain('The upload is taking longer than this page can wait');
    expect(res.headers?.['content-security-policy']).toContain("default-src 'self'");
    expect(res.body).toContain('Uploading the same file again is safe');
    // The import it started goes on, and lands whole.
    const until = Date.now() + 60_000;
    while ((await storedCases(id)) < 110 && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
    expect(await storedCases(id)).toBe(110);
  }, 90_000);

  it('with time to spare, imports and redirects as before', async () => {
    const id = await createInspection('Upload in time');
    const res = await upload(id, casesCsv('OK', 3), 29_000);
    expect(res.statusCode).toBe(303);
    expect(res.headers?.location).toContain('created=3');
  }, 60_000);
});
