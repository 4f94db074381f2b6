import { describe, expect, it } from 'vitest';
import { lockedUntil, recordFailure, type ThrottleState } from './login-throttle';

const policy = { maxFailures: 3, windowMs: 60_000, lockMs: 300_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe('login throttle', () => {
  it('locks on the third failure inside the window', () => {
    let state: ThrottleState | undefined;
    state = recordFailure(state, at(0), policy);
    state = recordFailure(state, at(10), policy);
    expect(lockedUntil(state, at(11))).toBeNull();
    state = recordFailure(state, at(20), policy);
    expect(lockedUntil(state, at(21))).toEqual(at(320));
    expect(lockedUntil(state, at(320))).toBeNull();
  });

  it('starts a new window when the old one has passed', () => {
    let state = recordFailure(undefined, at(0), policy);
    state = recordFailure(state, at(10), policy);
    state = recordFailure(state, at(100), policy);
    expect(state).toMatchObject({ failures: 1, windowStartedAt: at(100), lockedUntil: null });
  });
});

describe('login throttle during a lock', () => {
  it('keeps the lock when failures are recorded while it holds (they used to erase it)', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 3; i++) state = recordFailure(state, at(i), policy);
    const lock = lockedUntil(state, at(3));
    expect(lock).toEqual(at(302));
    state = recordFailure(state, at(4), policy);
    state = recordFailure(state, at(5), policy);
    expect(lockedUntil(state, at(6))).toEqual(lock);
  });
});
