import { describe, expect, it } from 'vitest';
import { isSessionExpired, sessionExpiresAt, shouldRefreshLastSeen } from './session-expiry';

const policy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
const t0 = new Date('2026-01-01T00:00:00Z');
const plus = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('session expiry', () => {
  it.each([
    [{ createdAt: t0, lastSeenAt: t0 }, plus(29), false],
    [{ createdAt: t0, lastSeenAt: t0 }, plus(31), true],
    [{ createdAt: t0, lastSeenAt: plus(715) }, plus(719), false],
    [{ createdAt: t0, lastSeenAt: plus(715) }, plus(721), true],
  ])('%o at %s expired: %s', (session, now, expected) => {
    expect(isSessionExpired(session, now, policy)).toBe(expected);
  });

  it('ends at the earlier of idle and absolute end', () => {
    expect(sessionExpiresAt({ createdAt: t0, lastSeenAt: plus(10) }, policy)).toEqual(plus(40));
    expect(sessionExpiresAt({ createdAt: t0, lastSeenAt: plus(700) }, policy)).toEqual(plus(720));
  });
});

describe('last-seen refresh', () => {
  const seen = new Date('2026-01-01T00:00:00Z');
  const after = (seconds: number) => new Date(seen.getTime() + seconds * 1000);
  it('refreshes at most once a minute under a long idle limit', () => {
    const policy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
    expect(shouldRefreshLastSeen(seen, after(59), policy)).toBe(false);
    expect(shouldRefreshLastSeen(seen, after(61), policy)).toBe(true);
  });
  it('refreshes within a quarter of a short idle limit, so activity always extends the session', () => {
    const policy = { idleMs: 60_000, absoluteMs: 12 * 3_600_000 };
    expect(shouldRefreshLastSeen(seen, after(14), policy)).toBe(false);
    expect(shouldRefreshLastSeen(seen, after(16), policy)).toBe(true);
  });
});
