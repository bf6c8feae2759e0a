/** How long answers are kept before DynamoDB's TTL deletes them: OMI_RETENTION_DAYS, default two years. */
export const RETENTION_DAYS = Number(process.env.OMI_RETENTION_DAYS ?? 730);

export function retentionEpoch(now = Date.now()): number {
  return Math.floor(now / 1000) + RETENTION_DAYS * 86_400;
}
