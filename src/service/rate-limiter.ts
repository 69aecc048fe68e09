/**
 * Per-key rate limits as token buckets: a key with rate r may send r requests per second
 * sustained and bursts of up to max(1, r). In memory for one server; in Redis (one bucket
 * shared by every server) when REDIS_URL is set.
 */
import type { Redis } from 'ioredis';

/** The verdict on one request. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Decides whether a key may make a request now. */
export interface RateLimiter {
  take(keyId: string, ratePerSecond: number): Promise<RateDecision> | RateDecision;
  close?(): Promise<void>;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Whole seconds until one token is available again (at least 1: Retry-After is an integer). */
function retryAfter(tokens: number, rate: number): number {
  return Math.max(1, Math.ceil((1 - tokens) / rate));
}

/** Token buckets in this process's memory. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  take(keyId: string, rate: number): RateDecision {
    const burst = Math.max(1, rate);
    const t = this.now();
    let bucket = this.buckets.get(keyId);
    if (!bucket) {
      bucket = { tokens: burst, updatedMs: t };
      this.buckets.set(keyId, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.updatedMs) / 1000) * rate);
    bucket.updatedMs = t;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: retryAfter(bucket.tokens, rate) };
  }
}

// KEYS[1] bucket; ARGV rate, burst. Uses Redis's clock so that every server agrees.
const TAKE_SCRIPT = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - ts) / 1000 * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return { allowed, tostring(tokens) }
`;

/** Token buckets in Redis, shared by every server process. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'qmlsec:ratelimit:',
  ) {}

  async take(keyId: string, rate: number): Promise<RateDecision> {
    const burst = Math.max(1, rate);
    const [allowed, tokens] = (await this.redis.eval(TAKE_SCRIPT, 1, this.prefix + keyId, rate, burst)) as [number, string];
    if (allowed === 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: retryAfter(Number(tokens), rate) };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
