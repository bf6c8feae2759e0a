/**
 * A per-client token bucket for the public respondent routes, mirroring the throttling the
 * CDK app sets on API Gateway. `perMinute` 0 turns it off (load tests need that).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  constructor(private readonly perMinute: number) {}

  /** Returns 0 when the request may go ahead, otherwise the seconds to wait. */
  take(client: string, now = Date.now()): number {
    if (this.perMinute <= 0) return 0;
    const refillPerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
  }

  private forgetIdle(now: number): void {
    for (const [client, bucket] of this.buckets) if (now - bucket.updatedAt > 60_000) this.buckets.delete(client);
  }
}
