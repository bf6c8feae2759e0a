import { InvalidInput } from '../http/errors';

/** Opaque page cursors: the DynamoDB LastEvaluatedKey, checked on the way back in. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined, expectedPartition: { attribute: string; value: string }): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      key &&
      typeof key === 'object' &&
      !Array.isArray(key) &&
      Object.values(key).every((v) => typeof v === 'string') &&
      (key as Record<string, string>)[expectedPartition.attribute] === expectedPartition.value
    ) {
      return key as Record<string, string>;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new InvalidInput([{ path: 'query.cursor', message: 'Not a cursor this list gave out' }]);
}
