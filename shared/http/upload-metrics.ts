/**
 * Uploads refused (a CSV or a file the stack or the use case turned away), counted once per
 * request where its final status is known: the access log of the middy stack (handler.ts).
 */
import { countMetric, type UploadRefusal } from '#core/metrics';
import type { RouteSpec } from '#route-table/spec';

const REASONS: Partial<Record<number, UploadRefusal>> = { 400: 'invalid', 403: 'forbidden', 409: 'conflict', 413: 'too-large', 415: 'wrong-type' };

/** A refusal by its status; undefined for anything but a 4xx (a 5xx is a failure, which the error alarms see). */
export function uploadRefusalOf(status: number): UploadRefusal | undefined {
  if (status < 400 || status >= 500) return undefined;
  return REASONS[status] ?? 'other';
}

export function countRefusedUpload(route: RouteSpec | undefined, status: number): void {
  if (route?.body?.kind !== 'csv' && route?.body?.kind !== 'multipart') return;
  const reason = uploadRefusalOf(status);
  if (reason) countMetric('UploadsRefused', { reason });
}
