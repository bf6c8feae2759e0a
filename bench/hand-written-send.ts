/**
 * The yardstick for sends (issue 31, goal 1): what someone could write instead of the product.
 * A `node:http` server with no framework and no schema library that takes the same JSON body on
 * the same path and stores it with the same ONE conditional UpdateItem on the pre-issued slot
 * (`attribute_exists(pk) AND attribute_not_exists(submittedAt)`), against the same DynamoDB
 * Local, behind the same one HTTP hop. It checks nothing else: no answers, no audience, version,
 * expiry or closing, no headers, no logging. bench/run.ts starts it as a child process and reads
 * its `ready <url>` line. Environment: AWS_ENDPOINT_URL_DYNAMODB, TABLE_NAME.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { ConditionalCheckFailedException, DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const client = new DynamoDBClient({ region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const table = process.env.TABLE_NAME ?? 'omi-local';
// The slot's key as shared/store/keys.ts builds it, written out here: the yardstick imports nothing of the product.
const SHARDS = 4;
const route = /^\/questionnaires\/([A-Za-z0-9_-]{22}\.([A-Za-z0-9-]+)\.(?:en|cy)\.[^/]+)\/responses$/;

const reply = (res: import('node:http').ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const m = req.method === 'POST' ? route.exec(req.url ?? '') : null;
    if (!m) return reply(res, 404, '{"error":"not found"}');
    let answers: unknown;
    try {
      answers = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { answers?: unknown }).answers;
    } catch {
      return reply(res, 400, '{"error":"bad json"}');
    }
    if (!answers || typeof answers !== 'object') return reply(res, 400, '{"error":"no answers"}');
    const hash = createHash('sha256').update(m[1]!, 'utf8').digest('hex');
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: { pk: { S: `INSP#${m[2]}#SLOTS#${Number.parseInt(hash.slice(0, 2), 16) % SHARDS}` }, sk: { S: `SLOT#${hash}` } },
          UpdateExpression: 'SET answers = :a, submittedAt = :t',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(submittedAt)',
          ExpressionAttributeValues: { ':a': { M: marshall(answers, { removeUndefinedValues: true }) }, ':t': { S: new Date().toISOString() } },
        }),
      );
      reply(res, 201, '{"status":"received"}');
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return reply(res, 409, '{"error":"used"}');
      reply(res, 500, '{"error":"failed"}');
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as import('node:net').AddressInfo;
  console.log(`ready http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
