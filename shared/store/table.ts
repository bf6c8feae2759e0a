/**
 * The table's physical shape, shared by the CDK app and the local runner so the two can
 * never drift. One table, generic keys; gsi1 is sparse (only items that set gsi1pk appear).
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Epoch seconds; DynamoDB TTL deletes the item some time after. */
  ttlAttribute: 'expiresAtEpoch',
  /**
   * The stream the stale marking reads: the new image, since whether a slot's write is a
   * response (an input) or a draft (not) is in its `entity`, not in its key.
   */
  streamViewType: 'NEW_IMAGE',
} as const;

export const LOCAL_TABLE_NAME = 'omi-local';
