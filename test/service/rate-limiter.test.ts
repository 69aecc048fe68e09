import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../../src/service/rate-limiter.js';

describe('MemoryRateLimiter (token bucket)', () => {
  it('allows a burst of max(1, rate), then refills at `rate` per second', () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    expect([1, 2, 3, 4].map(() => limiter.take('k', 3).allowed)).toEqual([true, true, true, false]);
    now = 333; // 0.333 s × 3/s = 0.999 tokens: not yet one
    expect(limiter.take('k', 3)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 334;
    expect(limiter.take('k', 3).allowed).toBe(true);
    expect(limiter.take('other', 3).allowed).toBe(true);
  });

  it('Retry-After is the whole seconds until the next token (slow rates wait longer)', () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    expect(limiter.take('k', 0.2).allowed).toBe(true); // burst 1
    expect(limiter.take('k', 0.2)).toEqual({ allowed: false, retryAfterSeconds: 5 });
    now = 4000;
    expect(limiter.take('k', 0.2)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 5000;
    expect(limiter.take('k', 0.2).allowed).toBe(true);
  });
});
