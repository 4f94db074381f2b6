/** How many failed logins a key (an account or an address) may make before it must wait. */
export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export const ACCOUNT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_THROTTLE: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The moment the key may try again, or null when it may try now. */
export function lockedUntil(state: ThrottleState | undefined, now: Date): Date | null {
  if (!state?.lockedUntil) return null;
  return state.lockedUntil > now ? state.lockedUntil : null;
}

/**
 * The state after one more failure: a new window when the old one has passed, a lock at the limit.
 * A failure while the key is locked (one checked concurrently with the one that locked it) leaves
 * the lock as it is; counting it in a new window would erase the lock.
 */
export function recordFailure(state: ThrottleState | undefined, now: Date, policy: ThrottlePolicy): ThrottleState {
  if (state && lockedUntil(state, now)) return state;
  const windowOpen = state !== undefined && now.getTime() - state.windowStartedAt.getTime() < policy.windowMs;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const locked = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
  return { failures: locked ? 0 : failures, windowStartedAt: locked ? now : windowStartedAt, lockedUntil: locked };
}
