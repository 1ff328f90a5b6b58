import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('starts empty and never allows more than rate × t + burst', () => {
    const bucket = new TokenBucket(20, 5, 0);
    let sent = 0;
    // Simulate a 10 s greedy sender polling every 1 ms.
    for (let t = 0; t <= 10_000; t++) while (bucket.tryTake(t).ok) sent++;
    expect(sent).toBeLessThanOrEqual(20 * 10 + 5);
    expect(sent).toBeGreaterThanOrEqual(20 * 10 - 1);
  });

  it('saves up at most `burst` tokens while idle', () => {
    const bucket = new TokenBucket(10, 3, 0);
    let burst = 0;
    while (bucket.tryTake(60_000).ok) burst++;
    expect(burst).toBe(3);
  });

  it('tells how long until the next token', () => {
    const bucket = new TokenBucket(4, 1, 0);
    expect(bucket.tryTake(0)).toEqual({ ok: false, waitMs: 250 });
    expect(bucket.tryTake(250)).toEqual({ ok: true });
  });

  it('honours a pause from Retry-After', () => {
    const bucket = new TokenBucket(100, 100, 0);
    bucket.pauseUntil(5_000);
    expect(bucket.tryTake(4_000)).toEqual({ ok: false, waitMs: 1_000 });
    expect(bucket.tryTake(5_000).ok).toBe(false);
    expect(bucket.tryTake(5_010).ok).toBe(true);
  });
});
