/** How long answers are kept before DynamoDB's TTL deletes them: OMI_RETENTION_DAYS, default two years. */
export const RETENTION_DAYS = Number(process.env.OMI_RETENTION_DAYS ?? 730);

export function retentionEpoch(now = Date.now()): number {
  return Math.floor(now / 1000) + RETENTION_DAYS * 86_400;
}

/**
 * How long an inspection's case records are kept after its final release, before DynamoDB's
 * TTL deletes them: OMI_CASE_RETENTION_DAYS (the stage's caseRetentionDays), default two years.
 * The published report is frozen in the release and keeps no case-level data.
 */
export const CASE_RETENTION_DAYS = Number(process.env.OMI_CASE_RETENTION_DAYS ?? 730);

export function caseRetentionEpoch(now = Date.now()): number {
  return Math.floor(now / 1000) + CASE_RETENTION_DAYS * 86_400;
}
